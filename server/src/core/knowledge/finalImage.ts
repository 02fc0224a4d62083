import type { Range } from 'vscode-languageserver-types';
import type { Command } from '../commands';
import type { DockerfileModel, Instruction } from '../model';
import { installedPackages, mainCommands } from '../kit/runs';
import { finalEnv, finalInstructions, stageChain } from '../kit/stages';
import { canonicalReference } from '../../shared/imageReference';
import { type KnownImage, knownImage } from './officialImages';
import { type ServerContext, serviceStart, type ServiceStart } from './serverCommands';
import { PACKAGE_FAMILY, type PackageFamily, type ServiceInfo, serviceById, serviceByPackage } from './services';

/** What the final image is built from and which services it installs and runs: the facts the practice 1–3 rules share. */

export interface BaseImage {
    /** The reference as written in the root stage's FROM (`php:8.3-apache`). */
    ref: string;
    range: Range;
    inst: Instruction;
    known: KnownImage | undefined;
    /** The repository is a build argument: nothing is known about the image. */
    dynamic: boolean;
}

/** The external image the final stage chain starts from. */
export function baseImage(model: DockerfileModel): BaseImage | undefined {
    const chain = stageChain(model.finalStage);
    const root = chain[chain.length - 1];
    if (!root) {
        return undefined;
    }
    const arg = root.from.ast.getArguments().find((a) => !a.getValue().startsWith('--'));
    if (!arg) {
        return undefined;
    }
    const ref = arg.getValue();
    return {
        ref,
        range: arg.getRange(),
        inst: root.from,
        known: knownImage(ref),
        dynamic: canonicalReference(ref).repository.includes('$'),
    };
}

export interface ServiceEvidence {
    service: ServiceInfo;
    source: 'image' | 'package' | 'command';
    /** The word that shows it: the FROM image, the package name or the program. */
    range: Range;
    text: string;
    inst: Instruction;
    /** For packages: the distribution family, which decides default paths. */
    family?: PackageFamily;
    /** For commands: what the command line says. */
    start?: ServiceStart;
    cmd?: Command;
}

/** Services the final image's CMD/ENTRYPOINT starts, in order. */
export function commandServices(model: DockerfileModel, ctx: ServerContext = {}): ServiceEvidence[] {
    const out: ServiceEvidence[] = [];
    // mainCommands reads ENTRYPOINT and CMD together: `ENTRYPOINT ["gunicorn"]` + `CMD ["-b", ":9000"]` is one command.
    for (const { inst, cmd } of mainCommands(model)) {
        const start = serviceStart(cmd, ctx);
        if (start) {
            const { service, word } = start;
            out.push({ service, source: 'command', range: word.range, text: word.value, inst, start, cmd });
        }
    }
    return out;
}

/** Services installed into the final image by a system package manager. */
export function packageServices(model: DockerfileModel): ServiceEvidence[] {
    const out: ServiceEvidence[] = [];
    for (const pkg of installedPackages(finalInstructions(model))) {
        const service = serviceByPackage(pkg.name, pkg.manager);
        if (service) {
            const family = PACKAGE_FAMILY[pkg.manager];
            out.push({
                service,
                source: 'package',
                range: pkg.word.range,
                text: pkg.word.value,
                inst: pkg.inst,
                family,
            });
        }
    }
    return out;
}

/** Services the base image itself runs (`FROM mysql:8.4`). */
export function imageServices(base: BaseImage | undefined): ServiceEvidence[] {
    if (!base?.known) {
        return [];
    }
    return base.known.services
        .map((id) => serviceById(id))
        .filter((s): s is ServiceInfo => s !== undefined)
        .map((service) => ({ service, source: 'image' as const, range: base.range, text: base.ref, inst: base.inst }));
}

export interface Volumes {
    paths: string[];
    /** A VOLUME holds a variable we cannot resolve: it may cover anything. */
    unknown: boolean;
}

/** Directories declared as VOLUME in the final stage chain, with `$VAR` resolved from ENV where possible. */
export function declaredVolumes(model: DockerfileModel): Volumes {
    const env = finalEnv(model);
    const out: Volumes = { paths: [], unknown: false };
    for (const inst of finalInstructions(model)) {
        if (inst.keyword !== 'VOLUME') {
            continue;
        }
        const text = inst.args().text.trim();
        // `VOLUME ['/data']` is broken JSON (its own rule reports it); read it as meant, not as a second problem.
        const values = inst.json
            ? inst.json.map((j) => j.value)
            : /^\[.*\]$/s.test(text)
              ? [...text.matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => m[1] ?? m[2] ?? '')
              : text.split(/\s+/).map((w) => w.replace(/^(["'])(.*)\1$/, '$2'));
        for (const raw of values) {
            const path = expand(raw, env);
            if (path === undefined) {
                out.unknown = true;
            } else if (path) {
                out.paths.push(normalizePath(path));
            }
        }
    }
    return out;
}

/** `$NAME`, `${NAME}` and `${NAME:-default}` from ENV; undefined when a variable stays unknown. */
export function expand(value: string, env: ReadonlyMap<string, string>, depth = 0): string | undefined {
    let unknown = false;
    const out = value.replace(
        /\$(?:\{(\w+)(?::?-([^}]*))?\}|(\w+))/g,
        (_m, braced?: string, def?: string, bare?: string) => {
            const name = (braced ?? bare)!;
            const v = env.get(name);
            const resolved = v !== undefined && depth < 3 ? expand(v, env, depth + 1) : def;
            if (resolved === undefined) {
                unknown = true;
                return '';
            }
            return resolved;
        },
    );
    return unknown ? undefined : out;
}

export function normalizePath(path: string): string {
    return path.length > 1 ? path.replace(/(?<!\/)\/+$/, '') : path;
}

/** A volume keeps a directory's data when it is that directory, a parent or a child of it. */
export function covers(volumes: readonly string[], dirs: readonly string[]): boolean {
    return dirs.some((dir) => {
        const d = normalizePath(dir);
        return volumes.some((v) => v === d || d.startsWith(v === '/' ? '/' : v + '/') || v.startsWith(d + '/'));
    });
}
