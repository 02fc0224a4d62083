import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * Files above this size are neither linted nor analysed: the parser grows faster than linearly
 * (a 665k-line file takes about a minute), and the server must stay responsive. Real Dockerfiles
 * are a few kilobytes.
 */
export const MAX_DOCUMENT_CHARS = 1_000_000;

export function isTooLarge(doc: TextDocument): boolean {
    // Offsets are cheap; getText() on a huge document would copy it.
    return doc.offsetAt({ line: doc.lineCount, character: 0 }) > MAX_DOCUMENT_CHARS;
}

/**
 * A lint that runs longer than this is abandoned (a rule looping, a pathological file). Linting
 * runs in a worker thread, so waiting costs the editor nothing; typical files take milliseconds.
 */
export const LINT_TIMEOUT_MS = 10_000;

/**
 * Lines longer than this make the parser under the editor features (dockerfile-ast) slow: seconds
 * per request at 100 kB. Such a file (minified, generated, binary) is still linted, but gets no
 * completion, hover, outline or colouring from the language service.
 */
export const MAX_ANALYSED_LINE_CHARS = 10_000;

/** Whether the editor features should skip the document (too big, or with absurdly long lines). */
export function tooLargeToAnalyse(doc: TextDocument): boolean {
    if (isTooLarge(doc)) {
        return true;
    }
    const text = doc.getText();
    let lineStart = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || c === 13) {
            lineStart = i + 1;
        } else if (i - lineStart >= MAX_ANALYSED_LINE_CHARS) {
            return true;
        }
    }
    return false;
}
