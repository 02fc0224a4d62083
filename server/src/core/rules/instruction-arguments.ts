import { instructionAt, utilsRule, ValidationCode } from '../dockerfileUtils';

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
    fixes(d, model) {
        if (d.code === ValidationCode.ARGUMENT_UNNECESSARY) {
            return [
                { title: 'Remove the arguments after NONE', edits: [{ range: d.range, newText: '' }], preferred: true },
            ];
        }
        // `FROM image name`: the name is reported; `AS` goes before it.
        const from = instructionAt(model, d.range.start);
        if (d.code === ValidationCode.ARGUMENT_REQUIRES_ONE_OR_THREE && from?.ast.getArguments().length === 2) {
            const at = d.range.start;
            return [
                { title: 'Insert AS', edits: [{ range: { start: at, end: at }, newText: 'AS ' }], preferred: true },
            ];
        }
        return [];
    },
});
