import { instructionAt, utilsRule, ValidationCode } from '../kit';

export const instructionArguments = utilsRule({
    id: 'instruction-arguments',
    title: 'Instructions must have the arguments the builder expects',
    category: 'syntax',
    defaultSeverity: 'error',
    codes: [
        ValidationCode.ARGUMENT_MISSING,
        ValidationCode.ARGUMENT_EXTRA,
        ValidationCode.ARGUMENT_REQUIRES_ONE,
        ValidationCode.ARGUMENT_REQUIRES_AT_LEAST_ONE,
        ValidationCode.ARGUMENT_REQUIRES_TWO,
        ValidationCode.ARGUMENT_REQUIRES_AT_LEAST_TWO,
        ValidationCode.ARGUMENT_REQUIRES_ONE_OR_THREE,
        ValidationCode.ARGUMENT_UNNECESSARY,
        ValidationCode.INVALID_AS,
        ValidationCode.UNKNOWN_TYPE,
        ValidationCode.HEALTHCHECK_CMD_ARGUMENT_MISSING,
        ValidationCode.SHELL_REQUIRES_ONE,
    ],
    docs: {
        why: 'The builder rejects an instruction with missing or extra arguments: `COPY` with no destination, `ENV` with a name but no value, `FROM image name` without `AS`, `STOPSIGNAL` with two signals, `HEALTHCHECK CMD` with no command. The build fails at that line.',
        bad: 'FROM node:22-slim builder\nCOPY package.json\nENV NODE_ENV\nSTOPSIGNAL SIGTERM SIGKILL\n',
        good: 'FROM node:22-slim AS builder\nCOPY package.json ./\nENV NODE_ENV=production\nSTOPSIGNAL SIGTERM\n',
        notes: 'Quick fixes: insert the missing `AS` in `FROM image name`, replace a misspelt `AS`, remove the extra argument of `STOPSIGNAL` and the arguments after `HEALTHCHECK NONE`.',
    },
    hint(d) {
        switch (d.code) {
            case ValidationCode.ARGUMENT_REQUIRES_ONE_OR_THREE:
                return 'write `FROM image` or `FROM image AS name`';
            case ValidationCode.ARGUMENT_REQUIRES_TWO:
                return 'write `ENV name=value`';
            case ValidationCode.ARGUMENT_REQUIRES_AT_LEAST_TWO:
                return 'give one or more sources and a destination';
            default:
                return undefined;
        }
    },
    // The language service removes the last argument only: with two extra the finding stayed, and an
    // escape character before it was left dangling (found by the fix property tests). One edit
    // removes everything after the first argument.
    filterServiceFixes(fixes, d, model) {
        const args =
            d.code === ValidationCode.ARGUMENT_EXTRA ? instructionAt(model, d.range.start)?.ast.getArguments() : [];
        const [first, last] = [args?.[0], args?.[args.length - 1]];
        if (!args || args.length < 2 || !first || !last) {
            return fixes;
        }
        const range = { start: first.getRange().end, end: last.getRange().end };
        const title = args.length > 2 ? 'Remove the extra arguments' : 'Remove the extra argument';
        return [{ title, edits: [{ range, newText: '' }], preferred: true }];
    },
    fixes(d, model) {
        if (d.code === ValidationCode.ARGUMENT_UNNECESSARY) {
            return [
                { title: 'Remove the arguments after NONE', edits: [{ range: d.range, newText: '' }], preferred: true },
            ];
        }
        // `FROM image name`: the name is reported; `AS` goes before it.
        const from = instructionAt(model, d.range.start);
        // Only when the second word can be a stage name: `FROM a:1 b:2` is not `FROM a:1 AS b:2` (found by the
        // fix property tests, test/unit/fixProperties.test.ts).
        const name = from?.ast.getArguments()[1]?.getValue() ?? '';
        if (
            d.code === ValidationCode.ARGUMENT_REQUIRES_ONE_OR_THREE &&
            from?.ast.getArguments().length === 2 &&
            /^[a-z][a-z0-9_.-]*$/i.test(name)
        ) {
            const at = d.range.start;
            return [
                { title: 'Insert AS', edits: [{ range: { start: at, end: at }, newText: 'AS ' }], preferred: true },
            ];
        }
        return [];
    },
});
