// Small pure formatters shared by the view models (no vscode import: unit-tested in plain Node).

/** 1536 → "1.5 kB": decimal units, as `docker image ls` prints them. */
export function formatBytes(bytes: number): string {
    if (!Number.isFinite(bytes) || bytes < 0) {
        return '?';
    }
    const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
        value /= 1000;
        unit++;
    }
    const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
    return `${value.toFixed(digits).replace(/\.0+$|(\.\d*?)0+$/, '$1')} ${units[unit]}`;
}

/** "3 minutes ago", "2 days ago", "just now" (relative to `now`, epoch ms). */
export function relativeTime(epochMs: number, now: number): string {
    const seconds = Math.round((now - epochMs) / 1000);
    if (!Number.isFinite(seconds)) {
        return '';
    }
    if (seconds < 0) {
        return 'in the future';
    }
    if (seconds < 45) {
        return 'just now';
    }
    const steps: [number, string][] = [
        [60, 'minute'],
        [60, 'hour'],
        [24, 'day'],
        [30.4375, 'month'],
        [12, 'year'],
    ];
    let value = seconds / 60;
    let name = 'minute';
    for (let i = 1; i < steps.length && value >= steps[i]![0]; i++) {
        value /= steps[i]![0];
        name = steps[i]![1];
    }
    const n = Math.max(1, Math.round(value));
    return `${n} ${name}${n === 1 ? '' : 's'} ago`;
}

/** The 12-character id `docker ps` shows (without a `sha256:` prefix). */
export function shortId(id: string): string {
    return id.replace(/^sha256:/, '').slice(0, 12);
}

/** Escapes text from the engine so it renders literally in a Markdown tooltip (names can hold `*`, `[`, `<`…). */
export function escapeMarkdown(text: string): string {
    return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&').replace(/\r?\n/g, ' ');
}

/** A Markdown inline code span that survives backticks inside the text. */
export function code(text: string): string {
    const clean = text.replace(/\r?\n/g, ' ');
    const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((m) => m.length));
    const fence = '`'.repeat(longest + 1);
    const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${clean}${pad}${fence}`;
}

/** ISO date without milliseconds, in UTC: stable across machines (tests) and unambiguous. */
export function isoDate(epochMs: number): string {
    const date = new Date(epochMs);
    // An impossible date (junk from the engine) must not throw a RangeError in a tooltip.
    return Number.isNaN(date.getTime()) ? '?' : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
