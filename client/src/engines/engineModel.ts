// Pure item models for an engine: the Engines view row, the quick pick row, the status bar text.
import type { EngineEntry } from '../engine/discovery';
import type { ProbeResult } from '../engine/probe';

export type ProbeState = ProbeResult | { readonly state: 'checking' } | undefined;

const KIND_NAMES = { docker: 'Docker', podman: 'Podman', unknown: 'Engine' } as const;

/** "Docker 20.10.24 · 2 running", "unreachable: …", "checking…". */
export function probeSummary(probe: ProbeState): string {
    if (!probe || probe.state === 'checking') {
        return 'checking…';
    }
    if (probe.state === 'unreachable') {
        return `unreachable (${probe.error.cause})`;
    }
    return `${KIND_NAMES[probe.kind]} ${probe.version} · ${probe.running} running`;
}

const ORIGIN_TEXT = {
    context: 'Docker context',
    env: 'DOCKER_HOST',
    podman: 'Podman socket',
    user: 'dockwise.engines',
} as const;

export interface EngineRow {
    readonly id: string;
    readonly label: string;
    readonly description: string;
    readonly tooltip: string;
    readonly iconId: string;
    readonly colorId?: string;
    readonly contextValue: string;
}

/** `inUse`: this window's engine; the tooltip says where the entry came from and why it does not answer. */
export function engineRow(entry: EngineEntry, probe: ProbeState, inUse: boolean): EngineRow {
    const marks = [inUse ? 'in use' : '', entry.cliCurrent ? 'CLI default' : ''].filter(Boolean);
    const lines = [
        `**${entry.name}** — ${ORIGIN_TEXT[entry.origin]}`,
        '',
        `Host: \`${entry.connection.host}\`${entry.connection.tls ? ' (TLS)' : ''}`,
        '',
        probeSummary(probe),
    ];
    if (probe?.state === 'unreachable') {
        lines.push('', probe.error.message, ...(probe.error.fix ? ['', probe.error.fix] : []));
    }
    if (inUse) {
        lines.push('', 'This window uses this engine.');
    }
    if (entry.cliCurrent) {
        lines.push('', 'The Docker CLI uses this context by default.');
    }
    const unreachable = probe?.state === 'unreachable';
    return {
        id: entry.id,
        label: entry.name,
        description: [probeSummary(probe), ...marks].join(' · '),
        tooltip: lines.join('\n'),
        iconId: inUse ? 'pass-filled' : unreachable ? 'debug-disconnect' : 'server-environment',
        colorId: unreachable ? 'problemsWarningIcon.foreground' : inUse ? 'charts.green' : undefined,
        contextValue: [
            'engine',
            inUse ? 'inUse' : 'notInUse',
            entry.origin === 'context' ? 'context' : entry.origin,
            entry.cliCurrent ? 'cliDefault' : '',
        ]
            .filter(Boolean)
            .join('.'),
    };
}
