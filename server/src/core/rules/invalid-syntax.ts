import { rangeText, utilsRule, ValidationCode } from '../kit';

const QUOTE_CODES = new Set([ValidationCode.SYNTAX_MISSING_SINGLE_QUOTE, ValidationCode.SYNTAX_MISSING_DOUBLE_QUOTE]);

/**
 * Whether a quote is left open, scanning as the builder does: the escape character escapes the
 * next character outside single quotes. dockerfile-utils looks at the unescaped value instead, so
 * it reports `LABEL a="\"quoted\" text"` and `ENV A=\"x`, which build fine.
 */
export function unterminatedQuote(raw: string, escape: string): boolean {
    let quote: string | undefined;
    for (let i = 0; i < raw.length; i++) {
        const ch = raw[i];
        if (quote === "'") {
            quote = ch === "'" ? undefined : quote;
        } else if (ch === escape) {
            i++;
        } else if (quote === '"') {
            quote = ch === '"' ? undefined : quote;
        } else if (ch === '"' || ch === "'") {
            quote = ch;
        }
    }
    return quote !== undefined;
}

export const invalidSyntax = utilsRule({
    id: 'invalid-syntax',
    title: 'Arguments must parse: quotes closed, name=value pairs, SHELL as JSON',
    category: 'syntax',
    defaultSeverity: 'error',
    codes: [
        ValidationCode.SYNTAX_MISSING_EQUALS,
        ValidationCode.SYNTAX_MISSING_NAMES,
        ValidationCode.SYNTAX_MISSING_SINGLE_QUOTE,
        ValidationCode.SYNTAX_MISSING_DOUBLE_QUOTE,
        ValidationCode.UNSUPPORTED_MODIFIER,
        ValidationCode.SHELL_JSON_FORM,
    ],
    docs: {
        why: 'The builder cannot parse an unterminated quote in ENV, LABEL or ARG, a pair without `=` once one pair has it, an empty name, a `${var…}` modifier other than `-`, `+` or `?` (as in `${var:-default}`), or a SHELL that is not a JSON array. The build fails at that line.',
        bad: 'FROM alpine:3.20\nENV GREETING="hello world\nLABEL maintainer=me version\nSHELL /bin/ash -c\n',
        good: 'FROM alpine:3.20\nENV GREETING="hello world"\nLABEL maintainer=me version=1.0\nSHELL ["/bin/ash", "-c"]\n',
    },
    accept: (d, model) => !QUOTE_CODES.has(d.code) || unterminatedQuote(rangeText(model, d.range), model.escape),
    hint(d) {
        switch (d.code) {
            case ValidationCode.SHELL_JSON_FORM:
                return 'write `SHELL ["/bin/sh", "-c"]`';
            default:
                return undefined;
        }
    },
});
