import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'npm-pin';

describe(ID, () => {
    it("flags hadolint's bad example and accepts its good one", () => {
        assert.deepEqual(hits(ID, 'FROM node:22\nRUN npm install express\n'), [[1, 'express']]);
        assert.deepEqual(hits(ID, 'FROM node:22\nRUN npm install express@4.1.1\n'), []);
        assert.equal(findings(ID, 'FROM node:22\nRUN npm install express\n')[0]!.severity, 'warning');
    });
    it('accepts installs from package.json and pinned or local sources', () => {
        for (const run of [
            'npm ci --omit=dev',
            'npm install',
            'npm install --production --no-audit',
            'npm install -g npm@10.9.0 @angular/cli@^18.2.0 typescript@~5.6',
            'npm install git+https://github.com/x/y.git#v1.0.0 github:x/z#abc123 x/y#main',
            'npm install ./local-pkg ../other /abs/pkg ~/home-pkg file:vendor/x app.tgz https://example.com/x.tar.gz',
            'npm install --prefix /opt/app --registry https://registry.example.com x@1',
            'npm run build && npm test',
            'npm install $PKG',
        ]) {
            assert.deepEqual(hits(ID, `FROM node:22\nRUN ${run}\n`), [], run);
        }
    });
    it('flags latest, unpinned scoped packages, git URLs without a ref, and i/add', () => {
        const text = [
            'FROM node:22',
            'RUN npm i -g pnpm@latest @nestjs/cli && npm add git+https://github.com/x/y.git x/y',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), [
            [1, 'pnpm@latest @nestjs/cli'],
            [1, 'git+https://github.com/x/y.git x/y'],
        ]);
    });
    it('checks sh -c, heredocs and ONBUILD, with CRLF', () => {
        const text = [
            'FROM node:22',
            `RUN sh -c 'npm install -g yarn'`,
            'ONBUILD RUN npm install nodemon',
            'RUN <<EOF',
            'npm install -g corepack',
            'EOF',
            '',
        ].join('\n');
        const want: [number, string][] = [
            [1, 'yarn'],
            [2, 'nodemon'],
            [4, 'corepack'],
        ];
        assert.deepEqual(hits(ID, text), want);
        assert.deepEqual(hits(ID, crlf(text)), want);
    });
    it('answers to DL3016', () => {
        assert.deepEqual(hits(ID, 'FROM node:22\n# hadolint ignore=DL3016\nRUN npm install express\n'), []);
    });
});
