import { utilsRule, ValidationCode } from '../kit';

export const escapeDirective = utilsRule({
    id: 'escape-directive',
    title: 'The escape directive must be a backslash or a backtick, given once',
    category: 'syntax',
    defaultSeverity: 'error',
    codes: [ValidationCode.INVALID_ESCAPE_DIRECTIVE, ValidationCode.DUPLICATED_ESCAPE_DIRECTIVE],
    docs: {
        why: 'The `# escape=` parser directive accepts only `\\` (the default) or `` ` `` (handy on Windows, where `\\` separates paths), and only once. Anything else fails the build before the first instruction.',
        bad: '# escape=^\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n',
        good: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n',
        notes: 'Quick fixes change an invalid escape character to a backslash or a backtick, or remove a repeated directive.',
    },
    // Converting to the character the file does not continue its lines with changes how every continued
    // instruction parses, and brings errors (found by the fix property tests): when the file continues
    // lines with one of them only, that one is the fix.
    filterServiceFixes(fixes, _d, model) {
        // Lines that are no comment (the directive itself ends with its character).
        // `\r` ends a line for `^`/`$` too: without it in the classes each `\r` restarted the scan (quadratic).
        const backslash = /^[^#\r\n][^\r\n]*\\[ \t]*$/m.test(model.text);
        if (backslash === /^[^#\r\n][^\r\n]*`[ \t]*$/m.test(model.text)) {
            return fixes;
        }
        const kept = fixes.filter((f) => f.edits.every((e) => e.newText === (backslash ? '\\' : '`')));
        return kept.length > 0 ? kept : fixes;
    },
    fixes(d) {
        if (d.code !== ValidationCode.DUPLICATED_ESCAPE_DIRECTIVE) {
            return [];
        }
        const line = d.range.start.line;
        const range = { start: { line, character: 0 }, end: { line: line + 1, character: 0 } };
        return [{ title: 'Remove the repeated escape directive', edits: [{ range, newText: '' }] }];
    },
});
