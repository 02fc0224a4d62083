import { utilsRule, ValidationCode } from '../kit';

export const directiveCasing = utilsRule({
    id: 'directive-casing',
    title: 'Write parser directives in lowercase',
    category: 'maintainability',
    defaultSeverity: 'warning',
    codes: [ValidationCode.CASING_DIRECTIVE],
    docs: {
        why: 'Parser directives such as `# escape=` are case-insensitive, but the convention is lowercase; an uppercase directive is easily mistaken for an ordinary comment.',
        bad: '# ESCAPE=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n',
        good: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n',
        notes: 'A quick fix lowercases the directive name.',
    },
});
