import type { Fix } from '../types';
import { closeMatches, rangeText, utilsRule, ValidationCode } from '../kit';

/** The flags the builder accepts, per instruction whose flags dockerfile-utils checks. */
const VALID_FLAGS: Partial<Record<ValidationCode, readonly string[]>> = {
    [ValidationCode.UNKNOWN_ADD_FLAG]: ['chmod', 'chown', 'checksum', 'exclude', 'keep-git-dir', 'link'],
    [ValidationCode.UNKNOWN_COPY_FLAG]: ['chmod', 'chown', 'exclude', 'from', 'link', 'parents'],
    [ValidationCode.UNKNOWN_FROM_FLAG]: ['platform'],
    [ValidationCode.UNKNOWN_HEALTHCHECK_FLAG]: ['interval', 'retries', 'start-interval', 'start-period', 'timeout'],
};

/** Valid flags one or two typos away from the unknown one (`--chwn` → `--chown`). */
function suggestions(code: ValidationCode, written: string): string[] {
    const valid = VALID_FLAGS[code];
    const name = written.replace(/^--/, '');
    return valid && name ? closeMatches(name, valid).map((f) => `--${f}`) : [];
}

export const invalidFlag = utilsRule({
    id: 'invalid-flag',
    title: 'Flags must be known to the instruction and have valid values',
    category: 'syntax',
    defaultSeverity: 'error',
    codes: [
        ValidationCode.UNKNOWN_ADD_FLAG,
        ValidationCode.UNKNOWN_COPY_FLAG,
        ValidationCode.UNKNOWN_FROM_FLAG,
        ValidationCode.UNKNOWN_HEALTHCHECK_FLAG,
        ValidationCode.FLAG_DUPLICATE,
        ValidationCode.FLAG_MISSING_VALUE,
        ValidationCode.FLAG_EXPECTED_BOOLEAN_VALUE,
        ValidationCode.FLAG_AT_LEAST_ONE,
        ValidationCode.FLAG_INVALID_DURATION,
        ValidationCode.FLAG_LESS_THAN_1MS,
        ValidationCode.FLAG_MISSING_DURATION,
        ValidationCode.FLAG_UNKNOWN_UNIT,
        ValidationCode.INVALID_SYNTAX,
    ],
    docs: {
        why: 'The builder fails on a flag it does not know (`COPY --chwn`), a flag given twice, a flag without its value, a `--link` that is not a boolean, a HEALTHCHECK duration without a unit (`--interval=30`) or a `--retries` below 1.',
        bad: 'FROM alpine:3.20\nCOPY --chwn=app:app . /app/\nHEALTHCHECK --interval=30 --retries=0 CMD wget -q --spider http://localhost:8080/ || exit 1\n',
        good: 'FROM alpine:3.20\nCOPY --chown=app:app . /app/\nHEALTHCHECK --interval=30s --retries=3 CMD wget -q --spider http://localhost:8080/ || exit 1\n',
        notes: 'For an unknown flag that is a typo of a valid one, a quick fix renames it. Flags of RUN (`--mount`, `--network`, `--security`) are not checked.',
    },
    hint(d) {
        switch (d.code) {
            case ValidationCode.FLAG_MISSING_DURATION:
                return 'add a unit such as `s` or `m` (`30s`)';
            default:
                return undefined;
        }
    },
    // The language service offers every rename it knows (`--chown` for any unknown ADD flag):
    // keep only those that are close to what was written.
    filterServiceFixes(fixes, d, model) {
        const wanted = suggestions(d.code, rangeText(model, d.range));
        return fixes.filter((f) => f.edits.every((e) => wanted.includes(e.newText)));
    },
    // Renames the language service lacks (--start-interval, --chmod, --link, …); duplicates of its
    // own are dropped.
    fixes(d, model) {
        const wanted = suggestions(d.code, rangeText(model, d.range));
        return wanted.map((w): Fix => ({
            title: `Convert to ${w}`,
            edits: [{ range: d.range, newText: w }],
            preferred: wanted.length === 1,
        }));
    },
});
