import { utilsRule, ValidationCode } from '../dockerfileUtils';

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
    fixes(d) {
        if (d.code !== ValidationCode.DUPLICATED_ESCAPE_DIRECTIVE) {
            return [];
        }
        const line = d.range.start.line;
        const range = { start: { line, character: 0 }, end: { line: line + 1, character: 0 } };
        return [{ title: 'Remove the repeated escape directive', edits: [{ range, newText: '' }] }];
    },
});
