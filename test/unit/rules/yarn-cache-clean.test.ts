import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'yarn-cache-clean';

describe(ID, () => {
    it("flags hadolint's bad example and accepts its good one", () => {
        assert.deepEqual(hits(ID, 'FROM node:22\nRUN yarn install\n'), [[1, 'yarn install']]);
        assert.deepEqual(hits(ID, 'FROM node:22\nRUN yarn install && yarn cache clean\n'), []);
        assert.equal(findings(ID, 'FROM node:22\nRUN yarn install\n')[0]!.severity, 'info');
    });
    it('counts a bare yarn as an install, but not other yarn commands', () => {
        assert.deepEqual(hits(ID, 'FROM node:22\nRUN yarn --frozen-lockfile --production\n'), [[1, 'yarn']]);
        assert.deepEqual(hits(ID, 'FROM node:22\nRUN yarn\n'), [[1, 'yarn']]);
        for (const run of ['yarn build', 'yarn add left-pad@1.3.0', 'yarn --version', 'yarn global add serve@14.2.4']) {
            assert.deepEqual(hits(ID, `FROM node:22\nRUN ${run}\n`), [], run);
        }
    });
    it('accepts removing the cache folder and cache mounts, but not a clean before the install', () => {
        for (const run of [
            'yarn install --frozen-lockfile && rm -rf /usr/local/share/.cache/yarn',
            'yarn install && rm -rf "$(yarn cache dir)"',
            '--mount=type=cache,target=/usr/local/share/.cache/yarn yarn install',
        ]) {
            assert.deepEqual(hits(ID, `FROM node:22\nRUN ${run}\n`), [], run);
        }
        assert.deepEqual(hits(ID, 'FROM node:22\nRUN yarn cache clean && yarn install\n'), [[1, 'yarn install']]);
    });
    it('only looks at the stages that make the final image, ONBUILD and sh -c included', () => {
        const text = [
            'FROM node:22 AS build',
            'RUN yarn install && yarn build',
            'FROM node:22-slim',
            'COPY --from=build /app/dist /app',
            `RUN sh -c 'yarn install --production'`,
            'ONBUILD RUN yarn install',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), [
            [4, 'yarn install'],
            [5, 'yarn install'],
        ]);
    });
    it('appends yarn cache clean', () => {
        assert.equal(
            fixAndRelint(ID, 'FROM node:22\nRUN yarn install\n'),
            'FROM node:22\nRUN yarn install && yarn cache clean\n',
        );
        assert.equal(
            fixAndRelint(ID, crlf('# escape=`\nFROM node:22\nRUN yarn install `\n    --frozen-lockfile\n')),
            crlf('# escape=`\nFROM node:22\nRUN yarn install `\n    --frozen-lockfile && yarn cache clean\n'),
        );
    });
    it('offers no fix where `&&` is not the shell’s', () => {
        for (const text of [
            'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN yarn install\n',
            'FROM node:22\nSHELL ["pwsh", "-Command"]\nRUN yarn install\n',
        ]) {
            const [d] = findings(ID, text);
            assert.ok(d, text);
            assert.deepEqual(d.fixes, [], text);
        }
    });
    it('answers to DL3060', () => {
        assert.deepEqual(hits(ID, 'FROM node:22\n# hadolint ignore=DL3060\nRUN yarn install\n'), []);
    });
});
