import { closeMatches, rangeText, utilsRule, ValidationCode } from '../kit';

/** Linux signal names as the builder's signal table has them (moby/sys/signal), without SIG. */
const SIGNALS = [
    'ABRT',
    'ALRM',
    'BUS',
    'CHLD',
    'CLD',
    'CONT',
    'FPE',
    'HUP',
    'ILL',
    'INT',
    'IO',
    'IOT',
    'KILL',
    'PIPE',
    'POLL',
    'PROF',
    'PWR',
    'QUIT',
    'SEGV',
    'STKFLT',
    'STOP',
    'SYS',
    'TERM',
    'TRAP',
    'TSTP',
    'TTIN',
    'TTOU',
    'URG',
    'USR1',
    'USR2',
    'VTALRM',
    'WINCH',
    'XCPU',
    'XFSZ',
];

/** The builder upper-cases the value and drops a `SIG` prefix, so `QUIT` and `sigterm` are valid. */
function signalName(written: string): string {
    return written.toUpperCase().replace(/^SIG/, '');
}

function known(name: string): boolean {
    return SIGNALS.includes(name) || /^RTMIN(\+([1-9]|1[0-5]))?$|^RTMAX(-([1-9]|1[0-4]))?$/.test(name);
}

export const invalidSignal = utilsRule({
    id: 'invalid-signal',
    title: 'STOPSIGNAL must name a signal',
    category: 'syntax',
    defaultSeverity: 'error',
    codes: [ValidationCode.INVALID_SIGNAL],
    docs: {
        why: '`docker stop` sends the STOPSIGNAL to the main process. It must be a signal name (`SIGTERM`, `SIGQUIT`, or `QUIT`) or a number; anything else fails the build.',
        bad: 'FROM nginx:1.27\nSTOPSIGNAL GRACEFUL\n',
        good: 'FROM nginx:1.27\nSTOPSIGNAL SIGQUIT\n',
        notes: 'dockerfile-utils rejects every name without the `SIG` prefix; the builder accepts `QUIT` or `sigterm` too, so Dockwise does not report those.',
    },
    // Drop dockerfile-utils' false positives: names the builder accepts without the prefix.
    accept(d, model) {
        return !known(signalName(rangeText(model, d.range)));
    },
    hint() {
        return 'write a signal name (`SIGTERM`) or number (`15`)';
    },
    fixes(d, model) {
        const name = signalName(rangeText(model, d.range));
        const matches = name ? closeMatches(name, SIGNALS) : [];
        return matches.map((m) => ({
            title: `Change to SIG${m}`,
            edits: [{ range: d.range, newText: `SIG${m}` }],
            preferred: matches.length === 1,
        }));
    },
});
