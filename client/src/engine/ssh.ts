// ssh:// engines: check the server's host key against known_hosts like OpenSSH does, because ssh2 accepts any
// key by default and a Docker socket is root-equivalent.
import { createHmac } from 'node:crypto';

function wildcardToRegExp(pattern: string): RegExp {
    const escaped = pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.');
    return new RegExp(`^${escaped}$`, 'i');
}

/** Does one known_hosts host field (comma list, hashed |1|salt|hash, wildcards, !negation) name this host? */
export function hostFieldMatches(field: string, names: string[]): boolean {
    if (field.startsWith('|1|')) {
        const [, , salt, hash] = field.split('|');
        if (!salt || !hash) {
            return false;
        }
        return names.some((n) => createHmac('sha1', Buffer.from(salt, 'base64')).update(n).digest('base64') === hash);
    }
    let matched = false;
    for (const pattern of field.split(',')) {
        const negated = pattern.startsWith('!');
        const re = wildcardToRegExp(negated ? pattern.slice(1) : pattern);
        if (names.some((n) => re.test(n))) {
            if (negated) {
                return false;
            }
            matched = true;
        }
    }
    return matched;
}

/** The names OpenSSH looks up: "host" on port 22, "[host]:port" otherwise. */
export function knownHostNames(hostname: string, port: number): string[] {
    return port === 22 ? [hostname] : [`[${hostname}]:${port}`];
}

/** Public key blobs (wire format) recorded for the host; `revoked` ones are listed separately. */
export function knownKeysFor(
    knownHosts: string,
    hostname: string,
    port: number,
): { keys: Buffer[]; revoked: Buffer[] } {
    const names = knownHostNames(hostname, port);
    const keys: Buffer[] = [];
    const revoked: Buffer[] = [];
    for (const line of knownHosts.split(/\r?\n/)) {
        const trimmed = line.trim();
        if (!trimmed || trimmed.startsWith('#')) {
            continue;
        }
        const fields = trimmed.split(/\s+/);
        const marker = fields[0]?.startsWith('@') ? fields.shift() : undefined;
        const [hostField, , keyB64] = fields;
        if (!hostField || !keyB64 || marker === '@cert-authority' || !hostFieldMatches(hostField, names)) {
            continue;
        }
        (marker === '@revoked' ? revoked : keys).push(Buffer.from(keyB64, 'base64'));
    }
    return { keys, revoked };
}

/** An ssh2 `hostVerifier`: accept only a key recorded for this host and not revoked. */
export function knownHostsVerifier(knownHosts: string, hostname: string, port: number): (key: Buffer) => boolean {
    const { keys, revoked } = knownKeysFor(knownHosts, hostname, port);
    return (key: Buffer) => !revoked.some((k) => k.equals(key)) && keys.some((k) => k.equals(key));
}
