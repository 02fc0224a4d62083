// Parsing and validation for the simple "Run…" prompts (pure: unit-tested).
import type { PortBinding } from './engineExtras';

/** Container names as the engine accepts them. */
const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** An error message for an invalid container (or volume) name, undefined when valid or empty. */
export function validateName(name: string): string | undefined {
    const trimmed = name.trim();
    if (!trimmed || NAME.test(trimmed)) {
        return undefined;
    }
    return 'Use letters, digits, "_", "." and "-", starting with a letter or digit.';
}

export type PortParse = { readonly ports: PortBinding[] } | { readonly error: string };

function port(text: string): number | undefined {
    if (!/^\d{1,5}$/.test(text)) {
        return undefined;
    }
    const n = Number(text);
    return n >= 1 && n <= 65535 ? n : undefined;
}

/**
 * `docker run -p` syntax, comma or space separated: `8080:80`, `127.0.0.1:8080:80`, `80` (random host port),
 * `5353:53/udp`.
 */
export function parsePorts(text: string): PortParse {
    const ports: PortBinding[] = [];
    for (const spec of text.split(/[\s,]+/).filter(Boolean)) {
        const m = /^(?:(?:(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):)?(\d+)?:)?(\d+)(?:\/(tcp|udp))?$/.exec(spec);
        if (!m) {
            return { error: `"${spec}" is not a port mapping (HOST:CONTAINER, e.g. 8080:80 or 53:53/udp).` };
        }
        const [, ip, host, container, protocol] = m;
        const containerPort = port(container!);
        const hostPort = host === undefined ? undefined : port(host);
        if (containerPort === undefined || (host !== undefined && hostPort === undefined)) {
            return { error: `"${spec}": ports are numbers from 1 to 65535.` };
        }
        ports.push({
            containerPort,
            hostPort,
            protocol: protocol === 'udp' ? 'udp' : 'tcp',
            hostIp: ip?.replace(/^\[|\]$/g, ''),
        });
    }
    const seen = new Set<string>();
    for (const p of ports) {
        if (p.hostPort === undefined) {
            continue;
        }
        const key = `${p.hostIp ?? ''}:${p.hostPort}/${p.protocol}`;
        if (seen.has(key)) {
            return { error: `Host port ${p.hostPort}/${p.protocol} is used twice.` };
        }
        seen.add(key);
    }
    return { ports };
}

/** A default for the ports prompt from the image's exposed ports ("80/tcp" → "80:80"). */
export function defaultPortText(exposed: readonly string[]): string {
    return exposed
        .map((e) => /^(\d+)(?:\/(tcp|udp|sctp))?$/.exec(e))
        .filter((m): m is RegExpExecArray => m !== null && m[2] !== 'sctp')
        .map((m) => `${m[1]}:${m[1]}${m[2] === 'udp' ? '/udp' : ''}`)
        .join(', ');
}

/** A container name suggestion from an image reference: `docker.io/library/nginx:1.25` → `nginx`. */
export function suggestName(reference: string): string {
    const last = reference.split('/').pop() ?? reference;
    const base = last.split('@')[0]!.split(':')[0]!;
    const clean = base.replace(/[^a-zA-Z0-9_.-]/g, '-').replace(/^[^a-zA-Z0-9]+/, '');
    return clean;
}
