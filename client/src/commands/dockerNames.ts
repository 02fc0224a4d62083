// The engine's rules for what the user types: image references, volume names, key=value options. Checked
// before the request so the prompt can say what is wrong while the user types. Pure: unit-tested.
import { type ReferenceProblem, referenceProblem } from '../../../server/src/shared/imageReference';

const REFERENCE_TEXT: Record<ReferenceProblem, string> = {
    empty: 'Enter an image reference, e.g. nginx:1.27 or ghcr.io/owner/app:latest.',
    spaces: 'An image reference has no spaces.',
    'too-long': 'That reference is too long.',
    uppercase: 'Repository names must be lowercase (only a registry host may have capitals).',
    'empty-digest': 'A digest looks like @sha256: followed by 64 hex digits.',
    'bad-digest': 'A digest looks like @sha256: followed by 64 hex digits.',
    'empty-tag': 'Use [registry[:port]/]name[:tag][@digest], e.g. nginx:1.27 or localhost:5000/team/app:v2.',
    invalid: 'Use [registry[:port]/]name[:tag][@digest], e.g. nginx:1.27 or localhost:5000/team/app:v2.',
};

/** Why `text` is not an image reference the engine can pull, or undefined when it is. */
export function validateImageReference(text: string): string | undefined {
    const problem = referenceProblem(text.trim());
    return problem && REFERENCE_TEXT[problem];
}

/**
 * Container and volume names as the engine accepts them, two characters at least (the local volume driver's
 * rule: `docker volume create a` is refused).
 */
export const OBJECT_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** Why `text` cannot name a volume, or undefined (empty: the engine generates an anonymous name). */
export function validateVolumeName(text: string): string | undefined {
    const name = text.trim();
    if (!name || OBJECT_NAME.test(name)) {
        return undefined;
    }
    if (name.length === 1) {
        return 'A volume name has at least two characters.';
    }
    return 'Use letters, digits, "_", "." and "-", starting with a letter or digit.';
}

export type KeyValueParse = { readonly values: Record<string, string> } | { readonly error: string };

/**
 * `type=tmpfs device=tmpfs o=size=100m,uid=1000`: whitespace separates pairs (a value may hold "=" and ","
 * as the local driver's `o` does); double quotes keep spaces in a value.
 */
export function parseKeyValues(text: string, what = 'option'): KeyValueParse {
    const values: Record<string, string> = {};
    const tokens = text.match(/(?:[^\s"]+|"[^"]*")+/g) ?? [];
    if (text.split('"').length % 2 === 0) {
        return { error: 'A quote is not closed.' };
    }
    for (const token of tokens) {
        const pair = token.replace(/"/g, '');
        const eq = pair.indexOf('=');
        const key = eq < 0 ? '' : pair.slice(0, eq);
        if (!key || /\s/.test(key)) {
            return { error: `"${pair}" is not KEY=VALUE (separate several ${what}s with spaces).` };
        }
        if (key in values) {
            return { error: `The ${what} "${key}" is given twice.` };
        }
        values[key] = pair.slice(eq + 1);
    }
    return { values };
}
