// `docker run` options other than ports, parsed and checked as the CLI and the engine would: -e, -v,
// --restart, --log-driver/--log-opt (pure: unit-tested, no vscode).
import * as path from 'node:path';
import { OBJECT_NAME } from '../commands/dockerNames';
import type { RunMount, RunRestartPolicy } from '../engine/types';

export type Parsed<T> = { readonly value: T } | { readonly error: string };

// ---------------------------------------------------------------- -e KEY=VALUE

/** `KEY=VALUE` (empty value allowed: `KEY=`). The CLI's bare `-e KEY` copies the caller's environment, so not here. */
export function parseEnv(entry: string): Parsed<{ key: string; value: string }> {
    const eq = entry.indexOf('=');
    const key = eq < 0 ? entry.trim() : entry.slice(0, eq).trim();
    if (eq < 0) {
        return { error: `Write ${key || 'KEY'}=VALUE (${key || 'KEY'}= for an empty value).` };
    }
    if (!key) {
        return { error: 'The variable name before "=" is missing.' };
    }
    if (/[\s\0]/.test(key)) {
        return { error: `"${key}": a variable name has no spaces.` };
    }
    if (entry.includes('\0')) {
        return { error: 'A value cannot contain a NUL character.' };
    }
    return { value: { key, value: entry.slice(eq + 1) } };
}

/** Adds or replaces (same key) an entry: the engine would keep only the last one anyway. */
export function withEnv(list: readonly string[], entry: string): string[] {
    const key = entry.slice(0, entry.indexOf('='));
    return [...list.filter((e) => e.slice(0, e.indexOf('=')) !== key), entry];
}

// ---------------------------------------------------------------- -v SOURCE:TARGET[:ro]

const WINDOWS_PATH = /^[A-Za-z]:[\\/]/;

function isHostPath(source: string): boolean {
    return source.startsWith('/') || WINDOWS_PATH.test(source);
}

function checkTarget(target: string): string | undefined {
    if (!target.startsWith('/')) {
        return `The container path "${target}" must be absolute (start with /).`;
    }
    if (/^\/+$/.test(target)) {
        return 'The container path cannot be / itself.';
    }
    return undefined;
}

/**
 * One `-v` entry: `/host/dir:/data[:ro]` (bind), `name:/data[:ro]` (named volume, created on first use),
 * `/data` (anonymous volume). `./dir` and `~/dir` resolve against `baseDir` / `home` when given (the CLI needs
 * absolute paths).
 */
export function parseMount(entry: string, dirs: { baseDir?: string; home?: string } = {}): Parsed<RunMount> {
    const text = entry.trim();
    // A Windows drive letter has a colon of its own (`C:\site:/html`); `v:/data` is a (too short) volume name.
    const drive = WINDOWS_PATH.test(text) && text.slice(2).includes(':') ? text.slice(0, 2) : '';
    const parts = text.slice(drive.length).split(':');
    parts[0] = drive + parts[0];
    if (parts.length === 1) {
        const err = checkTarget(text);
        return err ? { error: err } : { value: { type: 'volume', source: '', target: text } };
    }
    if (parts.length > 3) {
        return { error: `"${text}" has too many ":" (SOURCE:TARGET or SOURCE:TARGET:ro).` };
    }
    const [first, target, mode] = parts as [string, string, string?];
    let source = first;
    if (mode !== undefined && mode !== 'ro' && mode !== 'rw') {
        return { error: `"${mode}": the mode is ro (read-only) or rw.` };
    }
    if (!source) {
        return { error: 'The source (a host folder or a volume name) is missing before ":".' };
    }
    const targetError = checkTarget(target);
    if (targetError) {
        return { error: targetError };
    }
    if (source === '~' || source.startsWith('~/')) {
        if (!dirs.home) {
            return { error: `"${source}": write the home folder out in full.` };
        }
        source = path.join(dirs.home, source.slice(1));
    } else if (source === '.' || source === '..' || source.startsWith('./') || source.startsWith('../')) {
        if (!dirs.baseDir) {
            return { error: `"${source}": a host folder must be an absolute path.` };
        }
        source = path.resolve(dirs.baseDir, source);
    }
    if (isHostPath(source)) {
        return { value: { type: 'bind', source, target, readOnly: mode === 'ro' } };
    }
    if (!OBJECT_NAME.test(source)) {
        return {
            error: `"${source}" is neither an absolute host path nor a volume name (two or more letters, digits, "_", "." or "-").`,
        };
    }
    return { value: { type: 'volume', source, target, readOnly: mode === 'ro' } };
}

/** The `-v` entry of a mount (what the command line shows and Run Again keeps). */
export function mountEntry(m: RunMount): string {
    return m.source ? `${m.source}:${m.target}${m.readOnly ? ':ro' : ''}` : m.target;
}

/** The engine refuses two mounts on one container path. */
export function mountClash(mounts: readonly RunMount[]): string | undefined {
    const seen = new Set<string>();
    for (const m of mounts) {
        const target = m.target.replace(/\/+$/, '');
        if (seen.has(target)) {
            return `Two mounts use the container path ${m.target}.`;
        }
        seen.add(target);
    }
    return undefined;
}

// ---------------------------------------------------------------- --restart

/** `no`, `always`, `unless-stopped`, `on-failure` or `on-failure:N`. */
export function parseRestart(text: string): Parsed<RunRestartPolicy> {
    const m = /^(no|always|unless-stopped|on-failure)(?::(\d+))?$/.exec(text.trim());
    if (!m) {
        return { error: `"${text.trim()}": the restart policy is no, on-failure[:N], always or unless-stopped.` };
    }
    const name = m[1] as RunRestartPolicy['name'];
    if (m[2] === undefined) {
        return { value: { name } };
    }
    if (name !== 'on-failure') {
        return { error: `A retry count only goes with on-failure (not ${name}).` };
    }
    const count = Number(m[2]);
    return count > 1_000_000
        ? { error: 'The retry count is too large.' }
        : { value: { name, maximumRetryCount: count } };
}

/** --rm and a restart policy exclude each other (the engine says "can't create 'AutoRemove' container with restart policy"). */
export function restartConflict(autoRemove: boolean | undefined, restart: string | undefined): string | undefined {
    const parsed = restart === undefined ? undefined : parseRestart(restart);
    if (autoRemove && parsed && 'value' in parsed && parsed.value.name !== 'no') {
        return `--rm and --restart ${restart} exclude each other: a removed container cannot be restarted.`;
    }
    return undefined;
}

// ---------------------------------------------------------------- --log-driver / --log-opt

export interface LogDriverInfo {
    readonly id: string;
    readonly description: string;
    /** 'yes': `docker logs` reads it; 'cache': only through the engine's dual-logging cache (20.10+); 'no': never. */
    readonly readBack: 'yes' | 'cache' | 'no';
    /** Options the driver cannot start without. */
    readonly required?: readonly string[];
    /** A starting point for its options, shown to the user. */
    readonly example?: readonly string[];
    readonly windowsOnly?: boolean;
}

export const LOG_DRIVERS: readonly LogDriverInfo[] = [
    {
        id: 'json-file',
        description: 'JSON files on the engine host',
        readBack: 'yes',
        example: ['max-size=10m', 'max-file=3'],
    },
    {
        id: 'local',
        description: 'Compact files on the engine host, rotated',
        readBack: 'yes',
        example: ['max-size=20m'],
    },
    { id: 'journald', description: 'The systemd journal of the engine host', readBack: 'yes' },
    { id: 'none', description: 'No logs at all', readBack: 'no' },
    { id: 'syslog', description: 'A syslog server', readBack: 'cache', example: ['syslog-address=udp://HOST:514'] },
    { id: 'gelf', description: 'Graylog (GELF)', readBack: 'cache', required: ['gelf-address'] },
    {
        id: 'fluentd',
        description: 'A Fluentd/Fluent Bit collector (default localhost:24224)',
        readBack: 'cache',
        example: ['fluentd-address=HOST:24224', 'fluentd-async=true'],
    },
    { id: 'awslogs', description: 'Amazon CloudWatch Logs', readBack: 'cache', required: ['awslogs-group'] },
    {
        id: 'splunk',
        description: 'Splunk HTTP Event Collector',
        readBack: 'cache',
        required: ['splunk-url', 'splunk-token'],
    },
    { id: 'etwlogs', description: 'Event Tracing for Windows', readBack: 'cache', windowsOnly: true },
    { id: 'gcplogs', description: 'Google Cloud Logging', readBack: 'cache', example: ['gcp-project=PROJECT'] },
];

export function logDriverInfo(id: string): LogDriverInfo | undefined {
    return LOG_DRIVERS.find((d) => d.id === id);
}

/** The hint shown with a driver: can `docker logs` (and Dockwise's log view) read its output back? */
export function readBackHint(id: string): string {
    switch (logDriverInfo(id)?.readBack) {
        case 'yes':
            return '`docker logs` and the log view read it back.';
        case 'no':
            return 'Nothing is kept: `docker logs` and the log view show nothing.';
        case 'cache':
            return "Sends logs elsewhere: `docker logs` reads them back only through the engine's dual-logging cache (Docker 20.10+, unless cache-disabled).";
        default:
            return 'A plugin driver: `docker logs` may not read it back.';
    }
}

/** A log driver name: a built-in one or a plugin (`name` or `name:tag`). */
export function validateLogDriver(id: string): string | undefined {
    return /^[a-z0-9][a-z0-9_./-]*(?::[\w.-]+)?$/i.test(id.trim())
        ? undefined
        : `"${id.trim()}" is not a log driver name.`;
}

/** One `--log-opt key=value`. */
export function parseLogOption(entry: string): Parsed<{ key: string; value: string }> {
    const m = /^([a-zA-Z0-9][\w.-]*)=(.*)$/s.exec(entry.trim());
    return m ? { value: { key: m[1]!, value: m[2]! } } : { error: `Write KEY=VALUE, e.g. max-size=10m.` };
}

/** What the driver needs and is missing, as words. */
export function missingLogOptions(driver: string, options: readonly string[]): string | undefined {
    const keys = new Set(options.map((o) => o.slice(0, o.indexOf('='))));
    const missing = (logDriverInfo(driver)?.required ?? []).filter((k) => !keys.has(k));
    return missing.length ? `The ${driver} driver needs ${missing.map((k) => `${k}=…`).join(' and ')}.` : undefined;
}
