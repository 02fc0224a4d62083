import { utilsRule, ValidationCode } from '../kit';

export const duplicateStageName = utilsRule({
    id: 'duplicate-stage-name',
    title: 'Stage names must be unique',
    category: 'correctness',
    defaultSeverity: 'error',
    codes: [ValidationCode.DUPLICATE_BUILD_STAGE_NAME],
    equivalents: { hadolint: ['DL3024'], buildkit: ['DuplicateStageName'], trivy: ['DS-0012'] },
    docs: {
        why: '`COPY --from=name` and `FROM name` refer to a stage by its name, so two stages with the same name (names are case-insensitive) make the reference ambiguous and the builder refuses the file.',
        bad: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM node:22 AS build\nRUN npm ci\nFROM alpine:3.20\nCOPY --from=build /app /app\n',
        good: 'FROM golang:1.23 AS build-api\nRUN go build -o /app .\nFROM node:22 AS build-web\nRUN npm ci\nFROM alpine:3.20\nCOPY --from=build-api /app /app\n',
        notes: 'Every stage that uses the name is reported, so each can be renamed where it is.',
    },
});
