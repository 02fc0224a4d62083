// The answers of Run Image, as typed (`-p`/`-e`/`-v` entries): checked all together, turned into the engine's
// ContainerRunSpec, and shown as the equivalent `docker run` command line. Pure: unit-tested, no vscode.
import { shellQuote } from '../build/buildPlan';
import { OBJECT_NAME } from '../commands/dockerNames';
import type { ContainerRunSpec, RunMount } from '../engine/types';
import { parsePortSpec, portClash } from './ports';
import {
    missingLogOptions,
    mountClash,
    parseEnv,
    parseLogOption,
    parseMount,
    parseRestart,
    restartConflict,
    validateLogDriver,
} from './runOptions';

/** What Run Image asks for and Run Again replays. Plain JSON: kept in the workspace state. */
export interface RunPlan {
    readonly image: string;
    /** Empty: the engine picks a name. */
    readonly name?: string;
    /** `-p` entries. */
    readonly ports?: readonly string[];
    /** `-e KEY=VALUE` entries. */
    readonly env?: readonly string[];
    /** `-v` entries with absolute host paths. */
    readonly mounts?: readonly string[];
    /** Undefined: the engine's default driver. */
    readonly logDriver?: string;
    /** `--log-opt key=value` entries. */
    readonly logOptions?: readonly string[];
    /** `no`, `on-failure[:N]`, `always`, `unless-stopped`; undefined means no. */
    readonly restart?: string;
    /** `--rm`. */
    readonly autoRemove?: boolean;
    /** `-it` in a terminal; otherwise `-d`. */
    readonly interactive?: boolean;
    /** `--network`: bridge (default), host, none or a network name. */
    readonly network?: string;
    /** Arguments after the image (the command); undefined: the image's CMD. */
    readonly cmd?: readonly string[];
    readonly labels?: Readonly<Record<string, string>>;
}

function strings(v: unknown): boolean {
    return v === undefined || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
}

/** A RunPlan passed as a command argument (Run Again, tests); explorer nodes and strings are not. */
export function isRunPlan(v: unknown): v is RunPlan {
    if (typeof v !== 'object' || v === null || Array.isArray(v) || 'kind' in v) {
        return false;
    }
    const p = v as Record<string, unknown>;
    return (
        typeof p.image === 'string' &&
        ['ports', 'env', 'mounts', 'logOptions', 'cmd'].every((k) => strings(p[k])) &&
        ['name', 'logDriver', 'restart', 'network'].every((k) => p[k] === undefined || typeof p[k] === 'string')
    );
}

export type Resolved = { readonly spec: ContainerRunSpec } | { readonly errors: string[] };

/** Every problem of the plan (as words), or the engine spec. */
export function resolvePlan(plan: RunPlan): Resolved {
    const errors: string[] = [];
    const image = plan.image.trim();
    if (!image || /\s/.test(image)) {
        errors.push('The image reference is missing or contains spaces.');
    }
    const name = plan.name?.trim() || undefined;
    if (name && !OBJECT_NAME.test(name)) {
        errors.push(
            `Container name "${name}": use at least two letters, digits, "_", "." or "-", starting with a letter or digit.`,
        );
    }
    const ports = (plan.ports ?? []).flatMap((p) => {
        const r = parsePortSpec(p);
        return 'error' in r ? (errors.push(r.error), []) : r.ports;
    });
    const clash = portClash(ports);
    if (clash) {
        errors.push(clash);
    }
    const env = (plan.env ?? []).filter((e) => {
        const r = parseEnv(e);
        return 'error' in r ? (errors.push(r.error), false) : true;
    });
    const mounts = (plan.mounts ?? []).flatMap((m): RunMount[] => {
        const r = parseMount(m);
        return 'error' in r ? (errors.push(r.error), []) : [r.value];
    });
    const mountError = mountClash(mounts);
    if (mountError) {
        errors.push(mountError);
    }
    const logDriver = plan.logDriver?.trim() || undefined;
    const logOptions: Record<string, string> = {};
    if (logDriver) {
        const bad = validateLogDriver(logDriver);
        if (bad) {
            errors.push(bad);
        }
        for (const o of plan.logOptions ?? []) {
            const r = parseLogOption(o);
            if ('error' in r) {
                errors.push(`--log-opt "${o}": ${r.error}`);
            } else {
                logOptions[r.value.key] = r.value.value;
            }
        }
        const missing = missingLogOptions(logDriver, plan.logOptions ?? []);
        if (missing) {
            errors.push(missing);
        }
    } else if ((plan.logOptions ?? []).length > 0) {
        errors.push('Log options need a log driver.');
    }
    const restart = plan.restart?.trim() ? parseRestart(plan.restart) : undefined;
    if (restart && 'error' in restart) {
        errors.push(restart.error);
    }
    const conflict = restartConflict(plan.autoRemove, plan.restart?.trim() || undefined);
    if (conflict) {
        errors.push(conflict);
    }
    if (errors.length > 0) {
        return { errors };
    }
    const interactive = !!plan.interactive;
    const policy = restart && 'value' in restart && restart.value.name !== 'no' ? restart.value : undefined;
    return {
        spec: {
            image,
            name,
            ports,
            env: env.length ? env : undefined,
            mounts,
            autoRemove: !!plan.autoRemove,
            cmd: plan.cmd?.length ? [...plan.cmd] : undefined,
            labels: plan.labels,
            networkMode: plan.network?.trim() || undefined,
            tty: interactive || undefined,
            openStdin: interactive || undefined,
            stdinOnce: interactive || undefined,
            logDriver,
            logOptions: logDriver ? logOptions : undefined,
            restartPolicy: policy,
        },
    };
}

/** The `docker run` invocation that creates the same container (POSIX shell quoting). */
export function runCommandLine(plan: RunPlan): string {
    const parts = ['docker', 'run', plan.interactive ? '-it' : '-d'];
    if (plan.autoRemove) {
        parts.push('--rm');
    }
    if (plan.name?.trim()) {
        parts.push('--name', plan.name.trim());
    }
    for (const p of plan.ports ?? []) {
        parts.push('-p', p.trim());
    }
    for (const e of plan.env ?? []) {
        parts.push('-e', e);
    }
    for (const m of plan.mounts ?? []) {
        parts.push('-v', m.trim());
    }
    if (plan.logDriver?.trim()) {
        parts.push('--log-driver', plan.logDriver.trim());
        for (const o of plan.logOptions ?? []) {
            parts.push('--log-opt', o.trim());
        }
    }
    const restart = plan.restart?.trim();
    if (restart && restart !== 'no') {
        parts.push('--restart', restart);
    }
    if (plan.network?.trim()) {
        parts.push('--network', plan.network.trim());
    }
    for (const [k, v] of Object.entries(plan.labels ?? {})) {
        parts.push('--label', `${k}=${v}`);
    }
    parts.push(plan.image.trim(), ...(plan.cmd ?? []));
    return parts.map(shellQuote).join(' ');
}
