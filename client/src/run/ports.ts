// `docker run -p` syntax, parsed and checked the way the CLI does (pure: unit-tested, no vscode).
import type { PortBinding } from '../engine/types';

export type PortParse = { readonly ports: PortBinding[] } | { readonly error: string };

const SPEC =
    /^(?:(?:(?<ip>\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:.]+\]):)?(?<host>\d+(?:-\d+)?)?:)?(?<ctr>\d+(?:-\d+)?)(?:\/(?<proto>[a-zA-Z]+))?$/;

function port(text: string): number | undefined {
    if (!/^\d{1,5}$/.test(text)) {
        return undefined;
    }
    const n = Number(text);
    return n >= 1 && n <= 65535 ? n : undefined;
}

/** "8080-8090" → [8080, 8090]; "80" → [80, 80]; undefined when malformed or reversed. */
function range(text: string): [number, number] | undefined {
    const [a, b = a] = text.split('-') as [string, string?];
    const lo = port(a);
    const hi = port(b!);
    return lo !== undefined && hi !== undefined && lo <= hi ? [lo, hi] : undefined;
}

function validIp(ip: string): boolean {
    if (ip.startsWith('[')) {
        return /^\[[0-9a-fA-F:.]*:[0-9a-fA-F:.]*\]$/.test(ip);
    }
    return ip.split('.').every((o) => Number(o) <= 255);
}

/**
 * One `-p` entry: `80`, `8080:80`, `127.0.0.1:8080:80/tcp`, `127.0.0.1::80` (any free host port),
 * `[::1]:8080:80`, ranges `8080-8081:80-81` (pairwise) and `8000-8010:80` (the engine picks a free one).
 */
export function parsePortSpec(spec: string): PortParse {
    const text = spec.trim();
    const m = SPEC.exec(text);
    const example = 'HOST:CONTAINER, e.g. 8080:80, 127.0.0.1:8080:80/tcp or 53:53/udp';
    if (!m?.groups) {
        return { error: `"${text}" is not a port mapping (${example}).` };
    }
    const { ip, host, ctr, proto } = m.groups as { ip?: string; host?: string; ctr: string; proto?: string };
    const protocol = (proto ?? 'tcp').toLowerCase();
    if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'sctp') {
        return { error: `"${text}": the protocol is tcp, udp or sctp.` };
    }
    if (ip && !validIp(ip)) {
        return { error: `"${text}": ${ip} is not an IP address.` };
    }
    const c = range(ctr);
    const h = host === undefined ? undefined : range(host);
    if (!c || (host !== undefined && !h)) {
        return { error: `"${text}": ports are numbers from 1 to 65535 (a range is LOW-HIGH).` };
    }
    const hostIp = ip?.replace(/^\[|\]$/g, '') || undefined;
    const binding = (containerPort: number, hostPort: number | undefined): PortBinding => ({
        containerPort,
        hostPort,
        protocol: protocol as PortBinding['protocol'],
        hostIp,
    });
    const count = c[1] - c[0] + 1;
    if (!h) {
        return { ports: Array.from({ length: count }, (_, i) => binding(c[0] + i, undefined)) };
    }
    const hostCount = h[1] - h[0] + 1;
    if (count === 1 && hostCount > 1) {
        return { ports: [{ ...binding(c[0], h[0]), hostPortEnd: h[1] }] };
    }
    if (count !== hostCount) {
        return { error: `"${text}": the host range and the container range must have the same length.` };
    }
    return { ports: Array.from({ length: count }, (_, i) => binding(c[0] + i, h[0] + i)) };
}

const WILDCARD = new Set(['', '0.0.0.0', '::']);

/** The first host port two bindings would both claim, as words; undefined when they can coexist. */
export function portClash(bindings: readonly PortBinding[]): string | undefined {
    const claimed: PortBinding[] = [];
    for (const p of bindings) {
        if (p.hostPort === undefined) {
            continue;
        }
        const lo = p.hostPort;
        const hi = p.hostPortEnd ?? lo;
        const clash = claimed.find((q) => {
            const sameIp = WILDCARD.has(p.hostIp ?? '') || WILDCARD.has(q.hostIp ?? '') || p.hostIp === q.hostIp;
            // A host range lets the engine pick, so only single host ports can be known to clash.
            return (
                sameIp &&
                q.protocol === p.protocol &&
                p.hostPortEnd === undefined &&
                q.hostPortEnd === undefined &&
                q.hostPort! <= hi &&
                lo <= q.hostPort!
            );
        });
        if (clash) {
            return `Host port ${lo}/${p.protocol} is used twice.`;
        }
        claimed.push(p);
    }
    return undefined;
}

/** Several entries (comma or space separated, as in the simple prompt), checked together. */
export function parsePorts(text: string): PortParse {
    const ports: PortBinding[] = [];
    for (const spec of text.split(/[\s,]+/).filter(Boolean)) {
        const parsed = parsePortSpec(spec);
        if ('error' in parsed) {
            return parsed;
        }
        ports.push(...parsed.ports);
    }
    const clash = portClash(ports);
    return clash ? { error: clash } : { ports };
}

/** Entries for the image's EXPOSEd ports ("80/tcp" → "80:80", "53/udp" → "53:53/udp"). */
export function exposedPortEntries(exposed: readonly string[]): string[] {
    return exposed
        .map((e) => /^(\d+)(?:\/(tcp|udp|sctp))?$/.exec(e))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => `${m[1]}:${m[1]}${m[2] && m[2] !== 'tcp' ? `/${m[2]}` : ''}`);
}
