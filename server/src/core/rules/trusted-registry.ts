import { From } from 'dockerfile-ast';
import { copyArgs, flagValue } from '../knowledge/copyArgs';
import { splitReference } from '../../shared/imageReference';
import { DOCKER_HUB, earlierStage, mountFroms } from '../knowledge/imageRef';
import type { DockerfileModel, Stage } from '../model';
import type { Finding, Rule, RuleOptions } from '../types';

/** The `trustedRegistries` option: a string or a list of hosts, `*.example.com` wildcards allowed. */
export function trustedRegistries(options: RuleOptions): string[] {
    const raw = options.trustedRegistries;
    const list = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : [];
    return list.filter((r): r is string => typeof r === 'string' && r.trim() !== '').map((r) => r.trim().toLowerCase());
}

function allowed(registry: string | undefined, trusted: readonly string[]): boolean {
    const host = (registry ?? 'docker.io').toLowerCase();
    return trusted.some((t) => {
        if (DOCKER_HUB.has(host) && DOCKER_HUB.has(t)) {
            return true;
        }
        if (t.startsWith('*.')) {
            return host.endsWith(t.slice(1));
        }
        return t === '*' || t === host;
    });
}

interface Reference {
    value: string;
    start: number;
    end: number;
    where: string;
}

function references(model: DockerfileModel, stage: Stage): Reference[] {
    const out: Reference[] = [];
    const from = stage.from.ast;
    const range = from instanceof From ? from.getImageRange() : null;
    if (range && !earlierStage(model, stage.image, stage)) {
        out.push({
            value: stage.image,
            start: model.offsetAt(range.start),
            end: model.offsetAt(range.end),
            where: 'FROM',
        });
    }
    for (const inst of stage.instructions) {
        if (inst.keyword === 'COPY' || inst.keyword === 'ADD') {
            const v = flagValue(copyArgs(model, inst), 'from');
            if (v && !earlierStage(model, v.value, stage)) {
                out.push({ value: v.value, start: v.start, end: v.end, where: `${inst.keyword} --from` });
            }
        }
        for (const m of mountFroms(model, inst)) {
            if ((m.type === 'bind' || m.type === 'cache') && !earlierStage(model, m.value, stage)) {
                out.push({ value: m.value, start: m.start, end: m.end, where: 'RUN --mount' });
            }
        }
    }
    return out;
}

export const trustedRegistry: Rule = {
    id: 'trusted-registry',
    title: 'Pull images only from trusted registries',
    category: 'security',
    defaultSeverity: 'error',
    equivalents: { hadolint: ['DL3026'] },
    docs: {
        why: 'Where images come from is a supply-chain decision: an organisation that mirrors and scans its base images wants every FROM, `COPY --from=<image>` and `RUN --mount=from=<image>` to use those mirrors, not whatever registry a Dockerfile names.',
        bad: 'FROM docker.io/library/python:3.12-slim\nCOPY --from=quay.io/coreos/etcd:v3.5.15 /usr/local/bin/etcd /usr/local/bin/\n',
        good: 'FROM registry.example.com/python:3.12-slim\nCOPY --from=registry.example.com/etcd:v3.5.15 /usr/local/bin/etcd /usr/local/bin/\n',
        options: { trustedRegistries: ['registry.example.com'] },
        notes: [
            'Does nothing until `trustedRegistries` is set (a list of hosts; `*.example.com` matches its subdomains). It is read from `ruleOptions` in a Dockwise config file and from `trustedRegistries` in `.hadolint.yaml`.',
            'An image without a registry comes from Docker Hub: allow it with `docker.io` (or `hub.docker.com`). `scratch`, earlier stages and references holding a variable are not checked.',
        ].join('\n\n'),
    },
    check({ model, options }) {
        const trusted = trustedRegistries(options);
        if (trusted.length === 0) {
            return [];
        }
        const findings: Finding[] = [];
        for (const stage of model.stages) {
            for (const ref of references(model, stage)) {
                if (ref.value.includes('$') || ref.value.toLowerCase() === 'scratch' || ref.value === '') {
                    continue;
                }
                const { registry } = splitReference(ref.value);
                if (allowed(registry, trusted)) {
                    continue;
                }
                findings.push({
                    range: model.rangeOf(ref.start, ref.end),
                    message: `${ref.where} uses \`${ref.value}\` from ${registry ?? 'Docker Hub (docker.io)'}, which is not a trusted registry (${trusted.join(', ')}).`,
                });
            }
        }
        return findings;
    },
};
