import type { Range } from 'vscode-languageserver-types';
import { spanToOffsets } from '../logicalText';
import type { DockerfileModel, Instruction } from '../model';
import type { Finding, Rule } from '../types';

export interface ExposeToken {
    /** The token without surrounding quotes (`8080:80/tcp`). */
    value: string;
    range: Range;
    /** Everything before the last `/`. */
    port: string;
    /** After the last `/`, as written; undefined when absent. */
    proto: string | undefined;
    /** Where the protocol starts in the document, for the casing fix. */
    protoRange: Range | undefined;
}

/** The words of each EXPOSE, with exact ranges across continuations; words holding variables are left out. */
export function exposeTokens(model: DockerfileModel, inst: Instruction): ExposeToken[] {
    const lt = inst.args();
    const out: ExposeToken[] = [];
    for (const m of lt.text.matchAll(/\S+/g)) {
        const raw = m[0];
        if (raw.includes('$')) {
            continue;
        }
        const quoted = /^(["']).*\1$/.test(raw) && raw.length >= 2 ? 1 : 0;
        const value = raw.slice(quoted, raw.length - quoted);
        const start = m.index + quoted;
        const [a, b] = spanToOffsets(lt, start, start + value.length);
        const slash = value.lastIndexOf('/');
        let protoRange: Range | undefined;
        if (slash >= 0) {
            const [p, q] = spanToOffsets(lt, start + slash + 1, start + value.length);
            protoRange = model.rangeOf(p, q);
        }
        out.push({
            value,
            range: model.rangeOf(a, b),
            port: slash >= 0 ? value.slice(0, slash) : value,
            proto: slash >= 0 ? value.slice(slash + 1) : undefined,
            protoRange,
        });
    }
    return out;
}

/** The container port of `ip:host:container`, `host:container` or `[::1]:host:container`. */
function containerPart(port: string): string {
    const close = port.lastIndexOf(']');
    const colon = port.lastIndexOf(':');
    return colon > close ? port.slice(colon + 1) : port;
}

/** Why a port or range is invalid, or undefined when it is fine. */
export function portProblem(port: string): string | undefined {
    const m = /^(\d+)(?:-(\d+))?$/.exec(port);
    if (!m) {
        return port === '' ? 'no port number' : `\`${port}\` is not a port number`;
    }
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    if (lo > 65535 || hi > 65535) {
        return `\`${port}\` is out of range: ports go from 0 to 65535`;
    }
    if (lo > hi) {
        return `\`${port}\` is not a valid range: the first port is greater than the last`;
    }
    return undefined;
}

const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);

export const exposeInvalid: Rule = {
    id: 'expose-invalid',
    title: 'EXPOSE takes container ports (0–65535) with tcp, udp or sctp',
    category: 'ports',
    defaultSeverity: 'error',
    docs: {
        why: 'EXPOSE only documents the port the container listens on. A host mapping (`8080:80`) belongs to `docker run -p` or Compose, not to the image, and a port outside 0–65535 or an unknown protocol makes the build fail.',
        bad: 'FROM nginx:1.27\nEXPOSE 8080:80 70000 53/dns\n',
        good: 'FROM nginx:1.27\nEXPOSE 80 53/udp\n',
        notes: 'Words holding variables (`$PORT`, `${PORT:-80}`) are not checked. The quick fix for a host mapping keeps the container port; publish the host port at run time (`docker run -p 8080:80`). Upper-case protocols (`80/TCP`) are reported by `expose-proto-casing`.',
    },
    equivalents: {
        hadolint: ['DL3011'],
        buildkit: ['ExposeInvalidFormat'],
        trivy: ['DS-0008'],
        dockerfileUtils: ['INVALID_PORT', 'INVALID_PROTO'],
    },
    check({ model }) {
        const findings: Finding[] = [];
        for (const inst of model.instructions) {
            if (inst.keyword !== 'EXPOSE') {
                continue;
            }
            for (const t of exposeTokens(model, inst)) {
                const finding = check(t);
                if (finding) {
                    findings.push(finding);
                }
            }
        }
        return findings;
    },
};

function check(t: ExposeToken): Finding | undefined {
    if (t.port.includes(':')) {
        const container = containerPart(t.port);
        const keep = container + (t.proto !== undefined ? `/${t.proto}` : '');
        const fixable = container !== '' && portProblem(container) === undefined;
        return {
            range: t.range,
            message: `\`${t.value}\` maps a host address or port, which EXPOSE cannot do: EXPOSE only declares the container port. Write \`EXPOSE ${fixable ? keep : '<port>'}\` and publish the host port at run time (\`docker run -p ${t.port}\` or Compose \`ports:\`).`,
            fixes: fixable
                ? [
                      {
                          title: `Keep the container port: ${keep}`,
                          edits: [{ range: t.range, newText: keep }],
                          preferred: true,
                      },
                  ]
                : [],
        };
    }
    const problem = portProblem(t.port);
    if (problem) {
        return { range: t.range, message: `Invalid EXPOSE port: ${problem}.` };
    }
    if (t.proto !== undefined && !PROTOCOLS.has(t.proto.toLowerCase())) {
        return {
            range: t.protoRange ?? t.range,
            message: `\`${t.proto}\` is not a protocol EXPOSE knows: use tcp (the default), udp or sctp.`,
        };
    }
    return undefined;
}
