import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../../server/src/core/lint';
import { fixAndRelint, fixTitles } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'expose-invalid';

describe(ID, () => {
    it('flags host mappings and keeps the container port in the fix', () => {
        const text = 'FROM nginx:1.27\nEXPOSE 8080:80\n';
        assert.deepEqual(hits(ID, text), [[1, '8080:80']]);
        assert.equal(findings(ID, text)[0]!.severity, 'error');
        assert.match(findings(ID, text)[0]!.message, /docker run -p 8080:80/);
        assert.deepEqual(fixTitles(ID, text), ['Keep the container port: 80*']);
        assert.equal(fixAndRelint(ID, text), 'FROM nginx:1.27\nEXPOSE 80\n');
        assert.equal(
            fixAndRelint(ID, 'FROM nginx:1.27\nEXPOSE 127.0.0.1:80:80/tcp 443\n'),
            'FROM nginx:1.27\nEXPOSE 80/tcp 443\n',
        );
        assert.equal(fixAndRelint(ID, 'FROM nginx:1.27\nEXPOSE [::1]:8080:8080\n'), 'FROM nginx:1.27\nEXPOSE 8080\n');
        assert.equal(
            fixAndRelint(ID, 'FROM nginx:1.27\nEXPOSE 127.0.0.1::53/udp\n'),
            'FROM nginx:1.27\nEXPOSE 53/udp\n',
        );
    });
    it('flags ports out of range, reversed ranges and words that are not ports', () => {
        const text = 'FROM alpine:3.20\nEXPOSE 70000 80-70 8000-70000 http /tcp 0 65535 8000-8010\n';
        assert.deepEqual(hits(ID, text), [
            [1, '70000'],
            [1, '80-70'],
            [1, '8000-70000'],
            [1, 'http'],
            [1, '/tcp'],
        ]);
        assert.match(findings(ID, text)[0]!.message, /0 to 65535/);
        assert.deepEqual(findings(ID, text)[0]!.fixes, []);
    });
    it('flags unknown protocols on the protocol itself', () => {
        const text = 'FROM alpine:3.20\nEXPOSE 53/dns 80/\n';
        assert.deepEqual(hits(ID, text), [
            [1, 'dns'],
            [1, ''],
        ]);
        assert.match(findings(ID, text)[0]!.message, /tcp \(the default\), udp or sctp/);
    });
    it('accepts valid ports, protocols in any case, quotes and variables', () => {
        const good = [
            'FROM alpine:3.20\nEXPOSE 80 443/tcp 53/udp 132/sctp 8000-8010/tcp\n',
            'FROM alpine:3.20\nEXPOSE 80/TCP\n',
            'FROM alpine:3.20\nEXPOSE "8080"\n',
            'FROM alpine:3.20\nARG PORT=80\nEXPOSE $PORT ${PORT:-80}/tcp ${HOST_PORT}:80\n',
        ];
        for (const text of good) {
            assert.deepEqual(hits(ID, text), [], text);
        }
    });
    it('checks every stage, with exact ranges across continuations, CRLF and the escape directive', () => {
        const text = 'FROM alpine:3.20 AS a\nEXPOSE 80 \\\n    8080:80\nFROM alpine:3.20\nEXPOSE 99999\n';
        const expected: [number, string][] = [
            [2, '8080:80'],
            [4, '99999'],
        ];
        assert.deepEqual(hits(ID, text), expected);
        assert.deepEqual(hits(ID, crlf(text)), expected);
        assert.equal(
            fixAndRelint(ID, crlf(text)),
            crlf('FROM alpine:3.20 AS a\nEXPOSE 80 \\\n    80\nFROM alpine:3.20\nEXPOSE 99999\n'),
        );
        const win = '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nEXPOSE 80 `\n    70000\n';
        assert.deepEqual(hits(ID, win), [[3, '70000']]);
    });
    it('answers to the hadolint, BuildKit and Trivy ids', () => {
        const text = 'FROM alpine:3.20\nEXPOSE 70000\n';
        const ids = (rules: Record<string, 'off' | 'error'>) =>
            lint(text, { rules }).diagnostics.filter((d) => d.ruleId === ID).length;
        assert.equal(ids({}), 1);
        assert.equal(ids({ DL3011: 'off' }), 0);
        assert.equal(ids({ exposeinvalidformat: 'off' }), 0);
        assert.equal(ids({ 'DS-0008': 'off' }), 0);
    });
    it('honours inline suppression', () => {
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\n# dockwise ignore=expose-invalid\nEXPOSE 8080:80\n'), []);
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\n# hadolint ignore=DL3011\nEXPOSE 70000\n'), []);
    });
});
