// Turns raw container output into safe, printable text: logs are full of colour codes, cursor moves and
// progress bars drawn with carriage returns, and none of that may reach the editor as raw bytes. Bidi
// overrides go too: they can make a line read differently from what it holds ("Trojan Source").

// CSI (ESC [ … final), OSC (ESC ] … BEL or ST), DCS/SOS/PM/APC strings (ESC P|X|^|_ … ST), their 8-bit (C1)
// forms (0x9b CSI, 0x9d OSC, 0x90/0x98/0x9e/0x9f strings ending in BEL, ST or 0x9c), then any other two-byte
// ESC sequence (charset selection, keypad modes, ESC 7/8 …).
const ESCAPES = new RegExp(
    [
        '\\x1b\\[[0-?]*[ -/]*[@-~]',
        '\\x9b[0-?]*[ -/]*[@-~]',
        '\\x1b\\][^\\x07\\x1b\\x9c]*(?:\\x07|\\x1b\\\\|\\x9c)?',
        '\\x9d[^\\x07\\x1b\\x9c]*(?:\\x07|\\x1b\\\\|\\x9c)?',
        '\\x1b[PX^_][^\\x1b\\x9c]*(?:\\x1b\\\\|\\x9c)?',
        '[\\x90\\x98\\x9e\\x9f][^\\x1b\\x9c]*(?:\\x1b\\\\|\\x9c)?',
        '\\x1b[()*+][0-9A-Za-z]',
        '\\x1b[ -/]*[0-~]',
        '\\x1b',
    ].join('|'),
    'g',
);
// C0 controls except TAB (LF/CR are handled before), DEL and the C1 range.
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
// Bidi embeddings, overrides, isolates and marks: invisible, and they reorder the text around them.
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// Line and paragraph separators would draw a line break the document does not have.
const SEPARATORS = /[\u2028\u2029]/g;
const SUSPECT = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

/** Removes ANSI escape sequences, control characters and bidi controls from one line of output. */
export function stripAnsi(text: string): string {
    if (!SUSPECT.test(text)) {
        return text; // the common case: nothing to do, no allocation
    }
    let out = text.replace(/\r+$/, '');
    // A bare carriage return redraws the line in a terminal (progress bars): keep what is left visible.
    const cr = out.lastIndexOf('\r');
    if (cr >= 0) {
        out = out.slice(cr + 1);
    }
    return out.replace(ESCAPES, '').replace(CONTROLS, '').replace(BIDI, '').replace(SEPARATORS, ' ');
}
