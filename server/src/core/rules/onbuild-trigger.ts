import { utilsRule, ValidationCode } from '../kit';

export const onbuildTrigger = utilsRule({
    id: 'onbuild-trigger',
    title: 'ONBUILD cannot trigger FROM, MAINTAINER or another ONBUILD',
    category: 'syntax',
    defaultSeverity: 'error',
    codes: [ValidationCode.ONBUILD_TRIGGER_DISALLOWED, ValidationCode.ONBUILD_CHAINING_DISALLOWED],
    equivalents: { hadolint: ['DL3043'] },
    docs: {
        why: 'ONBUILD stores an instruction to run when another image builds FROM this one. The builder refuses `ONBUILD FROM`, `ONBUILD MAINTAINER` and `ONBUILD ONBUILD`.',
        bad: 'FROM node:22-slim\nONBUILD ONBUILD COPY . /app/\n',
        good: 'FROM node:22-slim\nONBUILD COPY . /app/\n',
    },
});
