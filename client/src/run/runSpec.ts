// Names and defaults for the Run… prompts and volumes (pure: unit-tested).
import { OBJECT_NAME } from '../commands/dockerNames';

/** An error message for an invalid container (or volume) name, undefined when valid or empty. */
export function validateName(name: string): string | undefined {
    const trimmed = name.trim();
    if (!trimmed || OBJECT_NAME.test(trimmed)) {
        return undefined;
    }
    return 'Use at least two letters, digits, "_", "." or "-", starting with a letter or digit.';
}

export { parsePorts, type PortParse } from './ports';

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
    return clean.length === 1 ? `${clean}-1` : clean;
}
