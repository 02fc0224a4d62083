// Turns raw container output into safe, printable text: logs are full of colour codes, cursor moves and
// progress bars drawn with carriage returns, and none of that may reach the editor as raw bytes.

// CSI (ESC [ … final), OSC (ESC ] … BEL or ST), DCS/SOS/PM/APC strings (ESC P|X|^|_ … ST), 8-bit CSI (0x9b …),
// then any other two-byte ESC sequence (charset selection, keypad modes, ESC 7/8 …).
const ESCAPES = new RegExp(
    [
        '\\x1b\\[[0-?]*[ -/]*[@-~]',
        '\\x9b[0-?]*[ -/]*[@-~]',
        '\\x1b\\][^\\x07\\x1b]*(?:\\x07|\\x1b\\\\)?',
        '\\x1b[PX^_][^\\x1b]*(?:\\x1b\\\\)?',
        '\\x1b[()*+][0-9A-Za-z]',
        '\\x1b[ -/]*[0-~]',
        '\\x1b',
    ].join('|'),
    'g',
);
// C0 controls except TAB (LF/CR are handled before), DEL and the C1 range.
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/** Removes ANSI escape sequences and control characters from one line of output. */
export function stripAnsi(text: string): string {
    if (!/[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(text)) {
        return text; // the common case: nothing to do, no allocation
    }
    let out = text.replace(/\r+$/, '');
    // A bare carriage return redraws the line in a terminal (progress bars): keep what is left visible.
    const cr = out.lastIndexOf('\r');
    if (cr >= 0) {
        out = out.slice(cr + 1);
    }
    return out.replace(ESCAPES, '').replace(CONTROLS, '');
}
