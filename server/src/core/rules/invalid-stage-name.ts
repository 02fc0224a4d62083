import { utilsRule, ValidationCode } from '../kit';

export const invalidStageName = utilsRule({
    id: 'invalid-stage-name',
    title: 'Stage names must start with a letter and use only letters, digits, _ - .',
    category: 'syntax',
    defaultSeverity: 'error',
    codes: [ValidationCode.INVALID_BUILD_STAGE_NAME],
    docs: {
        why: 'The builder accepts a stage name only if it starts with a letter and contains letters, digits, `_`, `-` or `.`; any other name (`1st`, `build:dev`) fails the build.',
        bad: 'FROM golang:1.23 AS 1st-build\nFROM alpine:3.20\nCOPY --from=1st-build /app /app\n',
        good: 'FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build /app /app\n',
    },
});
