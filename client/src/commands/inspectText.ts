// The text of an "Inspect" document, pure so it is unit-tested without VS Code. The engine's JSON holds
// strings the container's author chose (labels, env, command): JSON.stringify escapes C0 controls but lets
// C1 controls, bidi overrides and line separators through raw, and those could make the document read
// differently from what it holds. Escaping them as \uXXXX keeps the JSON valid and equal, and visible.

// C1 and DEL, bidi marks/embeddings/overrides/isolates, zero-width characters, line/paragraph separators, BOM.
const INVISIBLE = /[\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\u2028\u2029\ufeff]/g;

const hex4 = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Pretty JSON with every invisible or reordering character escaped (they only occur inside strings). */
export function inspectJson(raw: unknown): string {
    return `${(JSON.stringify(raw, null, 2) ?? 'null').replace(INVISIBLE, hex4)}\n`;
}

/** A document title from an engine-provided name: no path or URI syntax, no control or bidi characters. */
export function inspectTitle(name: string, id: string): string {
    const clean = name.replace(/[\x00-\x1f/\\?#%]/g, '_').replace(INVISIBLE, '');
    return clean || id.slice(0, 12);
}
