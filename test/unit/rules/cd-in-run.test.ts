import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'cd-in-run';

describe(ID, () => {
    it("flags hadolint's bad example and accepts its good one", () => {
        const bad = 'FROM debian:12\nRUN cd /usr/src/app && git clone git@github.com:lukasmartinelli/hadolint.git\n';
        assert.deepEqual(hits(ID, bad), [[1, 'cd /usr/src/app']]);
        assert.deepEqual(
            hits(
                ID,
                'FROM debian:12\nWORKDIR /usr/src/app\nRUN git clone git@github.com:lukasmartinelli/hadolint.git\n',
            ),
            [],
        );
        assert.equal(findings(ID, bad)[0]!.severity, 'warning');
    });
    it('leaves alone the cd uses WORKDIR cannot replace', () => {
        for (const run of [
            '(cd /src && make)',
            'for d in a b; do cd $d; done',
            'cd /tmp && curl -fsSLO https://x/a.tgz',
            'cd .. && cd - && cd / && cd ~ && cd',
            'cd "$(mktemp -d)" && make',
            'tmp=$(mktemp -d) && cd "$tmp" && make',
            'cd /usr/src/python && ./configure && make install && cd / && rm -rf /usr/src/python',
            'tar -xzf node.tgz && cd "node-v$NODE_VERSION" && make && cd .. && rm -Rf "node-v$NODE_VERSION"',
        ]) {
            assert.deepEqual(hits(ID, `FROM debian:12\nRUN ${run}\n`), [], run);
        }
    });
    it('flags cd into a directory named by a declared variable, in sh -c and heredocs, not in ONBUILD', () => {
        const text = [
            'FROM golang:1.23',
            'ENV APP=/go/src/app',
            'RUN cd $APP && go build',
            `RUN sh -c 'cd /srv && make'`,
            'RUN <<EOF',
            'cd /opt/x',
            'make',
            'EOF',
            'ONBUILD RUN cd /app && make',
            '',
        ].join('\n');
        const want: [number, string][] = [
            [2, 'cd $APP'],
            [3, 'cd /srv'],
            [5, 'cd /opt/x'],
        ];
        assert.deepEqual(hits(ID, text), want);
        assert.deepEqual(hits(ID, crlf(text)), want);
    });
    it('splits `cd dir && rest` into WORKDIR and RUN when nothing after depends on the directory', () => {
        assert.equal(
            fixAndRelint(
                ID,
                'FROM node:22 AS build\nCOPY . /app\nRUN cd /app && npm ci && npm run build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
            ),
            'FROM node:22 AS build\nCOPY . /app\nWORKDIR /app\nRUN npm ci && npm run build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
        );
        assert.equal(
            fixAndRelint(
                ID,
                crlf(
                    '# escape=`\nFROM node:22\nRUN cd /app && `\n    npm ci\nENV NODE_ENV=production\nWORKDIR /srv\nCMD ["node", "index.js"]\n',
                ),
            ),
            crlf(
                '# escape=`\nFROM node:22\nWORKDIR /app\nRUN npm ci\nENV NODE_ENV=production\nWORKDIR /srv\nCMD ["node", "index.js"]\n',
            ),
        );
    });
    it('restores the previous WORKDIR when later instructions depend on it', () => {
        assert.equal(
            fixAndRelint(
                ID,
                'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN cd /app/web && npm ci\nCMD ["node", "server.js"]\n',
            ),
            'FROM node:22\nWORKDIR /app\nCOPY . .\nWORKDIR /app/web\nRUN npm ci\nWORKDIR /app\nCMD ["node", "server.js"]\n',
        );
        assert.equal(
            fixAndRelint(ID, 'from node:22\nworkdir /app\nrun cd /app/web && npm ci\ncmd ["node", "server.js"]\n'),
            'from node:22\nworkdir /app\nWORKDIR /app/web\nrun npm ci\nWORKDIR /app\ncmd ["node", "server.js"]\n',
        );
    });
    it('offers no fix when the working directory afterwards is unknown, or the cd is not first', () => {
        for (const text of [
            'FROM node:22\nRUN cd /app && npm ci\nCMD ["node", "server.js"]\n',
            'FROM node:22\nRUN cd /app && npm ci\n',
            'FROM node:22\nRUN npm -v && cd /app && npm ci\n',
            'FROM node:22\nRUN cd /app; npm ci\n',
            `FROM node:22\nRUN sh -c 'cd /app && npm ci'\n`,
            'FROM node:22\nRUN cd app && npm ci\n',
        ]) {
            const [d] = findings(ID, text);
            assert.ok(d, text);
            assert.deepEqual(d.fixes, [], text);
        }
    });
    it('reports Windows paths as written, without a fix', () => {
        const text = '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN cd C:\\app && npm ci\n';
        assert.deepEqual(hits(ID, text), [[2, 'cd C:\\app']]);
        const [d] = findings(ID, crlf(text));
        assert.match(d!.message, /`C:\\app`/);
        assert.deepEqual(d!.fixes, []);
    });
    it('answers to DL3003 and DS-0013', () => {
        for (const id of ['DL3003', 'DS-0013']) {
            assert.deepEqual(hits(ID, `FROM debian:12\n# hadolint ignore=${id}\nRUN cd /x && make\n`), []);
        }
    });
});
