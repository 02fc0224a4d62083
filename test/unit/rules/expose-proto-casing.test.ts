import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../../server/src/core/lint';
import { fixAndRelint, fixTitles } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'expose-proto-casing';

describe(ID, () => {
    it('flags upper-case protocols and lower-cases them', () => {
        const text = 'FROM nginx:1.27\nEXPOSE 80/TCP 53/Udp 443/tcp\n';
        assert.deepEqual(hits(ID, text), [
            [1, 'TCP'],
            [1, 'Udp'],
        ]);
        assert.equal(findings(ID, text)[0]!.severity, 'warning');
        assert.match(findings(ID, text)[0]!.message, /`80\/tcp`/);
        assert.deepEqual(fixTitles(ID, text), ['Change to tcp*']);
        const once = fixAndRelint(ID, text);
        assert.equal(once, 'FROM nginx:1.27\nEXPOSE 80/tcp 53/Udp 443/tcp\n');
        assert.equal(fixAndRelint(ID, once), 'FROM nginx:1.27\nEXPOSE 80/tcp 53/udp 443/tcp\n');
    });
    it('leaves unknown protocols to expose-invalid and skips variables', () => {
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\nEXPOSE 53/DNS ${PORT}/TCP 80/tcp\n'), []);
    });
    it('keeps exact ranges across continuations, CRLF and the escape directive', () => {
        const text = 'FROM alpine:3.20\nEXPOSE 80 \\\n    443/TCP\n';
        assert.deepEqual(hits(ID, crlf(text)), [[2, 'TCP']]);
        assert.equal(fixAndRelint(ID, crlf(text)), crlf('FROM alpine:3.20\nEXPOSE 80 \\\n    443/tcp\n'));
        const win = '# escape=`\nFROM alpine:3.20\nEXPOSE 80 `\n    443/SCTP\n';
        assert.deepEqual(hits(ID, win), [[3, 'SCTP']]);
    });
    it('answers to the BuildKit id and honours inline suppression', () => {
        const count = (rules: Record<string, 'off'>) =>
            lint('FROM alpine:3.20\nEXPOSE 80/TCP\n', { rules }).diagnostics.filter((d) => d.ruleId === ID).length;
        assert.equal(count({}), 1);
        assert.equal(count({ ExposeProtoCasing: 'off' }), 0);
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\n# dockwise ignore=expose-proto-casing\nEXPOSE 80/TCP\n'), []);
    });
});
