// The container tooltip (Markdown), built lazily from `inspect` by resolveTreeItem. Pure.
import type { ContainerDetails, ContainerInfo, MountInfo, PortMapping } from '../engine/types';
import { containerStateIcon } from './containerModel';
import { code, escapeMarkdown, isoDate, shortId } from './format';

/** A published port as the user reaches it from this machine. */
export interface PublishedPort {
    readonly hostPort: number;
    readonly containerPort: number;
    readonly protocol: PortMapping['type'];
    /** `http://host:port` for TCP ports; undefined for UDP/SCTP (a browser cannot open them). */
    readonly url?: string;
}

const WILDCARD_OR_LOOPBACK = new Set(['', '0.0.0.0', '::', '127.0.0.1', '::1']);

/**
 * Published ports, one per host port and protocol (the engine lists IPv4 and IPv6 bindings separately).
 * `browserHost` is `localhost` for a local engine, the engine's host name for a remote (tcp/ssh) one.
 */
export function publishedPorts(info: Pick<ContainerInfo, 'ports'>, browserHost = 'localhost'): PublishedPort[] {
    const seen = new Set<string>();
    const out: PublishedPort[] = [];
    for (const p of info.ports) {
        if (p.publicPort === undefined || p.publicPort <= 0) {
            continue;
        }
        const key = `${p.publicPort}/${p.type}`;
        if (seen.has(key)) {
            continue;
        }
        seen.add(key);
        // A port bound to one specific interface is only reachable there; anything else via the engine's host.
        const ip = p.ip ?? '';
        const host = WILDCARD_OR_LOOPBACK.has(ip) ? browserHost : ip.includes(':') ? `[${ip}]` : ip;
        out.push({
            hostPort: p.publicPort,
            containerPort: p.privatePort,
            protocol: p.type,
            url: p.type === 'tcp' ? `http://${host}:${p.publicPort}` : undefined,
        });
    }
    return out.sort((a, b) => a.hostPort - b.hostPort || a.protocol.localeCompare(b.protocol));
}

/** Exposed but unpublished ports ("80/tcp"), deduplicated. */
function unpublishedPorts(info: Pick<ContainerInfo, 'ports'>): string[] {
    const published = new Set(info.ports.filter((p) => p.publicPort).map((p) => `${p.privatePort}/${p.type}`));
    const names = info.ports
        .filter((p) => !p.publicPort && !published.has(`${p.privatePort}/${p.type}`))
        .map((p) => `${p.privatePort}/${p.type}`);
    return [...new Set(names)];
}

/** One Markdown line per mount: kind, source → destination, access. */
export function mountLine(m: MountInfo): string {
    const access = m.rw ? 'read-write' : '**read-only**';
    switch (m.type) {
        case 'volume':
            return `volume ${code(m.name ?? m.source)} → ${code(m.destination)} (${access})`;
        case 'bind':
            return `bind mount ${code(m.source)} → ${code(m.destination)} (${access})`;
        case 'tmpfs':
            return `tmpfs → ${code(m.destination)} (in memory, ${access})`;
        default:
            return `${m.type} ${code(m.source)} → ${code(m.destination)} (${access})`;
    }
}

/** Log drivers `docker logs` reads natively; others only through the engine's dual-logging cache (20.10+). */
const READABLE_DRIVERS = new Set(['json-file', 'local', 'journald']);

/** Why `docker logs` cannot (or may not) show this container's output; undefined when it can. */
export function logDriverNote(logConfig: { type: string; config: Record<string, string> }): string | undefined {
    if (logConfig.type === 'none') {
        return 'logging is disabled for this container: `docker logs` and the log viewer show nothing.';
    }
    if (READABLE_DRIVERS.has(logConfig.type)) {
        return undefined;
    }
    if (logConfig.config['cache-disabled'] === 'true') {
        return `logs go to ${logConfig.type} only (the dual-logging cache is disabled): \`docker logs\` cannot read them.`;
    }
    return `logs go to ${logConfig.type}; \`docker logs\` reads the engine's local cache (Docker 20.10+), which holds only recent output.`;
}

function isDetails(info: ContainerInfo | ContainerDetails): info is ContainerDetails {
    return 'logConfig' in info;
}

export interface TooltipOptions {
    /** Host for port links: `localhost`, or the remote engine's host name. */
    readonly browserHost?: string;
}

/** The Markdown tooltip: identity, state, ports (links), mounts, logging, networks, health. */
export function containerTooltip(info: ContainerInfo | ContainerDetails, options: TooltipOptions = {}): string {
    const lines: string[] = [];
    const icon = containerStateIcon(info);
    lines.push(`**${escapeMarkdown(info.name)}** ${code(shortId(info.id))}`, '');
    lines.push(`Image: ${code(info.image)}  `);
    lines.push(`State: ${escapeMarkdown(icon.words)}${info.status ? ` — ${escapeMarkdown(info.status)}` : ''}  `);
    if (info.composeProject) {
        const service = info.composeService ? ` / service ${code(info.composeService)}` : '';
        lines.push(`Compose: project ${code(info.composeProject)}${service}  `);
    }
    lines.push(`Created: ${isoDate(info.created)}  `);
    if (isDetails(info)) {
        if (info.restartPolicy.name && info.restartPolicy.name !== 'no') {
            lines.push(`Restart policy: ${info.restartPolicy.name} (restarted ${info.restartCount}×)  `);
        }
        if (info.oomKilled) {
            lines.push('**Killed: out of memory**  ');
        }
        if (info.error) {
            lines.push(`Error: ${escapeMarkdown(info.error)}  `);
        }
    }

    const published = publishedPorts(info, options.browserHost);
    const unpublished = unpublishedPorts(info);
    if (published.length > 0 || unpublished.length > 0) {
        lines.push('', '**Ports**', '');
        for (const p of published) {
            const target = `${p.containerPort}/${p.protocol}`;
            lines.push(
                p.url
                    ? `- [${p.url}](${p.url}) → ${target}`
                    : `- host ${p.hostPort}/${p.protocol} → ${target} (not HTTP)`,
            );
        }
        for (const name of unpublished) {
            lines.push(`- ${name} (exposed, not published)`);
        }
    }

    if (info.mounts.length > 0) {
        lines.push('', '**Mounts**', '');
        for (const m of info.mounts) {
            lines.push(`- ${mountLine(m)}`);
        }
    }

    const driver = isDetails(info) ? info.logConfig.type : info.logDriver;
    if (driver) {
        lines.push('', `**Logging**: ${code(driver)}`);
        const note = isDetails(info) ? logDriverNote(info.logConfig) : logDriverNote({ type: driver, config: {} });
        if (note) {
            lines.push('', `⚠ ${note}`);
        }
    }

    const networks: { name: string; ip?: string }[] =
        info.networkDetails.length > 0
            ? info.networkDetails.map((n) => ({ name: n.name, ip: n.ipAddress }))
            : info.networks.map((name) => ({ name }));
    if (networks.length > 0 || info.networkMode) {
        lines.push('', '**Networks**', '');
        for (const n of networks) {
            lines.push(`- ${code(n.name)}${n.ip ? ` — ${code(n.ip)}` : ''}`);
        }
        if (networks.length === 0 && info.networkMode) {
            lines.push(`- mode ${code(info.networkMode)}`);
        }
    }

    if (info.health) {
        lines.push('', `**Health**: ${info.health}`);
        const last = isDetails(info) ? info.healthLog?.at(-1) : undefined;
        if (last) {
            const output = last.output.trim().replace(/\s+/g, ' ');
            const shown = output.length > 200 ? `${output.slice(0, 200)}…` : output;
            lines.push('', `Last check: exit ${last.exitCode}${shown ? ` — ${code(shown)}` : ''}`);
        }
    }
    return lines.join('\n');
}
