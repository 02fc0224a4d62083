import { type Property, PropertyInstruction } from 'dockerfile-ast';
import { isHarmlessValue, isSecretName, secretValues } from '../knowledge/secrets';
import type { DockerfileModel, Instruction } from '../model';
import type { Finding, Rule } from '../types';
import { rangeText } from '../kit';

const KEYWORDS = new Set(['ENV', 'ARG', 'LABEL']);

function properties(inst: Instruction): Property[] {
    return inst.ast instanceof PropertyInstruction ? inst.ast.getProperties() : [];
}

const HOW =
    'Pass it when the container starts (`docker run -e NAME=…` or `--env-file`), keep at most a harmless default in the Dockerfile, and give build steps their secrets with `RUN --mount=type=secret,id=…`.';

function nameMessage(inst: Instruction, name: string, value: string | null): string {
    if (inst.keyword === 'ARG') {
        return `ARG ${name} looks like a secret: build arguments are recorded in the image history (\`docker history\`) as soon as a RUN uses them. Use \`RUN --mount=type=secret,id=${name.toLowerCase()}\` instead and pass it with \`docker build --secret id=${name.toLowerCase()},env=${name}\`.`;
    }
    const copies = value !== null && /^\$\{?\w+\}?$/.test(value.trim());
    const what = inst.keyword === 'ENV' ? 'environment variable' : 'label';
    const where = copies
        ? `copies a value into the image's ${what}s, where anyone with the image can read it (\`docker inspect\`)`
        : `bakes a secret into the image's ${what}s, where anyone with the image can read it (\`docker inspect\`)`;
    return `${inst.keyword} ${name} ${where}. ${HOW}`;
}

function valueMessage(inst: Instruction, name: string, what: string, critical: boolean): string {
    const revoke = critical ? ' Treat it as leaked: revoke it and issue a new one.' : '';
    return `${inst.keyword} ${name} holds ${what}, which ends up in the image and in the Dockerfile's history.${revoke} ${HOW}`;
}

function check(model: DockerfileModel): Finding[] {
    const findings: Finding[] = [];
    for (const inst of model.instructions) {
        if (!KEYWORDS.has(inst.keyword)) {
            continue;
        }
        for (const prop of properties(inst)) {
            const name = prop.getName();
            const value = prop.getValue();
            const valueRange = prop.getValueRange();
            // An ARG without a default is still a secret once `--build-arg` fills it in.
            const nameHit =
                isSecretName(name) &&
                (inst.keyword === 'ARG' ? !value || !isHarmlessValue(value) : !isHarmlessValue(value ?? ''));
            if (nameHit) {
                findings.push({ range: prop.getNameRange(), message: nameMessage(inst, name, value) });
                continue;
            }
            if (!valueRange) {
                continue;
            }
            const start = model.offsetAt(valueRange.start);
            for (const m of secretValues(rangeText(model, valueRange))) {
                findings.push({
                    range: model.rangeOf(start + m.start, start + m.end),
                    message: valueMessage(inst, name, m.what, m.critical),
                });
            }
        }
    }
    return findings;
}

export const secretInEnv: Rule = {
    id: 'secret-in-env',
    title: 'Do not bake secrets into ENV, ARG or LABEL',
    category: 'configuration',
    defaultSeverity: 'warning',
    docs: {
        why: 'Configuration belongs in environment variables set when the container starts, not in the image. A password, token or key written in ENV, LABEL or an ARG default is stored in the image, where anyone who can pull it reads it with `docker inspect` or `docker history`, and it is the same for every environment. Pass secrets at run time, and give build steps their secrets with `RUN --mount=type=secret`.',
        bad: 'FROM mysql:8.4\nENV MYSQL_ROOT_PASSWORD=s3cret\nARG NPM_TOKEN\n',
        good: 'FROM mysql:8.4\n# docker run -e MYSQL_ROOT_PASSWORD_FILE=/run/secrets/db_root …\nENV MYSQL_ROOT_PASSWORD_FILE=/run/secrets/db_root\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci\n',
        notes: [
            'A name denotes a secret when one of its parts (split on `_`, `-`, `.` and camelCase) is `PASSWORD`, `PASSWD`, `PASS`, `PWD`, `SECRET`, `TOKEN`, `APIKEY`, `CREDENTIALS`, a qualified key (`API_KEY`, `PRIVATE_KEY`, `ACCESS_KEY`, `SECRET_KEY`, `MASTER_KEY`, …) or a trailing `AUTH`.',
            'Names that point to a secret or describe one are fine: `*_FILE`, `*_PATH`, `*_DIR`, `*_URL`, `*_ID` (`AWS_ACCESS_KEY_ID`), `*_NAME`, `PUBLIC`, `GPG_KEY` (official images keep release-signing fingerprints there), `MYSQL_ALLOW_EMPTY_PASSWORD`. ENV and LABEL with an empty value, a switch (`yes`, `false`) or a file path are fine too; an ARG with a secret name is reported even without a default, because its value comes from `--build-arg`.',
            'Whatever the name, values in a known credential format are reported on the value: private key blocks, AWS access keys (`AKIA…`), GitHub (`ghp_…`, `github_pat_…`), GitLab, Slack, Stripe live, npm, Google, Hugging Face and SendGrid tokens, JSON Web Tokens and URLs with `user:password@`.',
            'The rule has one severity (warning) so that a setting or an equivalent id (`DL3064`, `SecretsUsedInArgOrEnv`, `DS-0031`) maps onto it directly; raise it to error in settings to fail CI on it. Messages say when a value is a live credential that must be revoked.',
        ].join('\n\n'),
    },
    equivalents: { hadolint: ['DL3064'], buildkit: ['SecretsUsedInArgOrEnv'], trivy: ['DS-0031'] },
    check({ model }) {
        return check(model);
    },
};
