import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSecretName, secretValues } from '../../../server/src/core/knowledge/secrets';
import { lint } from '../../../server/src/core/lint';
import { crlf, findings, hits } from '../helpers';

const ID = 'secret-in-env';

describe(ID, () => {
    it('flags ENV, ARG and LABEL keys that name a secret', () => {
        const text = [
            'FROM mysql:8.4',
            'ENV MYSQL_ROOT_PASSWORD=s3cret',
            'ARG NPM_TOKEN',
            'ARG GITHUB_TOKEN=""',
            'LABEL com.example.api-key="abc123"',
            'ENV AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI DB_PASS=x',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), [
            [1, 'MYSQL_ROOT_PASSWORD'],
            [2, 'NPM_TOKEN'],
            [3, 'GITHUB_TOKEN'],
            [4, 'com.example.api-key'],
            [5, 'AWS_SECRET_ACCESS_KEY'],
            [5, 'DB_PASS'],
        ]);
    });
    it('says what to do instead', () => {
        const [env] = findings(ID, 'FROM a\nENV DB_PASSWORD=x\n');
        assert.match(env!.message, /docker run -e/);
        assert.match(env!.message, /--env-file/);
        assert.match(env!.message, /--mount=type=secret/);
        const [arg] = findings(ID, 'FROM a\nARG NPM_TOKEN\n');
        assert.match(arg!.message, /docker history/);
        assert.match(arg!.message, /RUN --mount=type=secret,id=npm_token/);
    });
    it('flags values in known credential formats, on the value', () => {
        const text = [
            'FROM alpine:3.20',
            'ENV AWS_ACCESS_KEY_ID=AKIAZ7Q3EXAMPLE4KEYS',
            'ENV CONFIG="token ghp_0123456789abcdefABCDEF0123456789abcd here"',
            'ENV DATABASE_URL=postgres://app:hunter2@db:5432/app',
            'LABEL key="-----BEGIN RSA PRIVATE KEY-----"',
            'ARG HOOK=https://hooks.slack.com/services/T0001/B0002/XXXXXXXXXXXXXXXX',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), [
            [1, 'AKIAZ7Q3EXAMPLE4KEYS'],
            [2, 'ghp_0123456789abcdefABCDEF0123456789abcd'],
            [3, 'app:hunter2'],
            [4, '-----BEGIN RSA PRIVATE KEY-----'],
            [5, 'https://hooks.slack.com/services/T0001/B0002/XXXXXXXXXXXXXXXX'],
        ]);
        const [key] = findings(ID, 'FROM a\nENV K="-----BEGIN OPENSSH PRIVATE KEY-----"\n');
        assert.match(key!.message, /revoke/);
    });
    it('accepts what official images write', () => {
        const text = [
            'FROM debian:bookworm-slim',
            'ENV NGINX_VERSION=1.27.3',
            'ENV GPG_KEY A035C8C19219BA821ECEA86B64E628F8D684696D',
            'ENV PGDATA /var/lib/postgresql/data',
            'ENV MYSQL_ALLOW_EMPTY_PASSWORD=yes MYSQL_RANDOM_ROOT_PASSWORD=1',
            'ENV POSTGRES_HOST_AUTH_METHOD=trust',
            'ENV POSTGRES_PASSWORD_FILE=/run/secrets/pg AWS_ACCESS_KEY_ID_FILE=/run/secrets/id',
            'ENV TOKEN_URL=https://auth.example.com/token SECRET_NAME=db-creds KEY_ID=1234',
            'ARG PUBLIC_KEY',
            'ENV DB_PASSWORD=""',
            'ENV API_TOKEN=',
            'ENV GOOGLE_APPLICATION_CREDENTIALS=/secrets/gcp.json',
            'ENV PWD=/app',
            'ENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE',
            'ENV DATABASE_URL=postgres://app:${DB_PASSWORD}@db/app',
            'LABEL org.opencontainers.image.source=https://github.com/x/y',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), []);
    });
    it('classifies names by their parts', () => {
        for (const name of ['PASSWORD', 'db_password', 'dbPassword', 'APIKey', 'SECRET_KEY_BASE', 'RAILS_MASTER_KEY']) {
            assert.ok(isSecretName(name), name);
        }
        for (const name of ['NPM_AUTH', 'REGISTRY_AUTH', 'PGPASSWORD', 'MYSQL_PWD', 'CLIENT_SECRET', 'JWT_SECRET']) {
            assert.ok(isSecretName(name), name);
        }
        for (const name of ['AUTH_METHOD', 'AUTH_URL', 'SSH_AUTH_SOCK', 'ACCESS_KEY_ID', 'PASSWORD_FILE', 'KEY']) {
            assert.ok(!isSecretName(name), name);
        }
        for (const name of [
            'TOKENIZER_PATH',
            'BYPASS',
            'PASS_THROUGH',
            'GPG_KEY',
            'TOKEN_TTL',
            'PWD',
            'PUBLIC_TOKEN',
        ]) {
            assert.ok(!isSecretName(name), name);
        }
    });
    it('finds token formats with exact offsets', () => {
        const text = 'x npm_abcdefghijklmnopqrstuvwxyz0123456789 y';
        assert.deepEqual(
            secretValues(text).map((m) => text.slice(m.start, m.end)),
            ['npm_abcdefghijklmnopqrstuvwxyz0123456789'],
        );
        assert.deepEqual(secretValues('https://user:$TOKEN@github.com https://$U:$P@x'), []);
    });
    it('keeps exact ranges across continuations, CRLF and the escape directive', () => {
        const text = 'FROM alpine:3.20\nENV A=1 \\\n    API_KEY=abc \\\n    B=2\n';
        assert.deepEqual(hits(ID, text), [[2, 'API_KEY']]);
        assert.deepEqual(hits(ID, crlf(text)), [[2, 'API_KEY']]);
        const tick =
            '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nENV A=1 `\n    SA_PASSWORD=Passw0rd!\n';
        assert.deepEqual(hits(ID, tick), [[3, 'SA_PASSWORD']]);
        assert.deepEqual(hits(ID, crlf(tick)), [[3, 'SA_PASSWORD']]);
    });
    it('handles the legacy `ENV name value` form', () => {
        assert.deepEqual(hits(ID, 'FROM a\nENV ADMIN_PASSWORD hunter2 and more\n'), [[1, 'ADMIN_PASSWORD']]);
        assert.deepEqual(hits(ID, 'FROM a\nENV DB_PASSWORD $DB_PASSWORD\n'), [[1, 'DB_PASSWORD']]);
    });
    it('honours inline suppression, also by hadolint and BuildKit ids', () => {
        assert.deepEqual(hits(ID, 'FROM a\n# dockwise ignore=secret-in-env\nENV DB_PASSWORD=x\n'), []);
        assert.deepEqual(hits(ID, 'FROM a\n# hadolint ignore=DL3064\nENV DB_PASSWORD=x\n'), []);
        const off = lint('FROM a\nENV DB_PASSWORD=x\n', { rules: { SecretsUsedInArgOrEnv: 'off' } });
        assert.deepEqual(
            off.diagnostics.filter((d) => d.ruleId === ID),
            [],
        );
    });
});
