import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quoteLabelValue } from '../../../server/src/core/rules/maintainer-deprecated';
import { fixAndRelint } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'maintainer-deprecated';

describe(ID, () => {
    it('flags MAINTAINER as a warning', () => {
        const text = 'FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n';
        assert.deepEqual(hits(ID, text), [[1, 'MAINTAINER']]);
        const [d] = findings(ID, text);
        assert.equal(d!.severity, 'warning');
        assert.equal(d!.message, 'MAINTAINER has been deprecated: use `LABEL org.opencontainers.image.authors="…"`');
    });
    it('accepts the label', () => {
        assert.deepEqual(
            hits(ID, 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n'),
            [],
        );
    });
    it('rewrites MAINTAINER as the OCI authors label', () => {
        assert.equal(
            fixAndRelint(ID, 'FROM alpine:3.20\nMAINTAINER Jane <j@x>\n'),
            'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane <j@x>"\n',
        );
        assert.equal(
            fixAndRelint(ID, crlf('FROM alpine:3.20\nmaintainer Jane <j@x>\nRUN true\n')),
            crlf('FROM alpine:3.20\nlabel org.opencontainers.image.authors="Jane <j@x>"\nRUN true\n'),
        );
    });
    it('escapes quotes, $ and the escape character, and joins continued lines', () => {
        assert.equal(
            fixAndRelint(ID, 'FROM alpine:3.20\nMAINTAINER Jane "JD" Doe \\\n    <$USER\\x>\n'),
            'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane \\"JD\\" Doe     <\\$USER\\\\x>"\n',
        );
        assert.equal(
            fixAndRelint(ID, crlf('# escape=`\nFROM alpine:3.20\nMAINTAINER "C:\\me" `\n  $x`` y\n')),
            crlf('# escape=`\nFROM alpine:3.20\nLABEL org.opencontainers.image.authors="`"C:\\me`"   `$x```` y"\n'),
        );
    });
    it('drops a dangling line continuation', () => {
        assert.equal(
            fixAndRelint(ID, crlf('FROM alpine:3.20\nMAINTAINER Jane \\\n')),
            crlf('FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane"\n'),
        );
    });
    it('quotes label values', () => {
        assert.equal(quoteLabelValue('a "b" $c \\d', '\\'), '"a \\"b\\" \\$c \\\\d"');
        assert.equal(quoteLabelValue('a "b" `c \\d', '`'), '"a `"b`" ``c \\d"');
    });
    it('answers to DL4000, MaintainerDeprecated and DS-0022', () => {
        for (const id of ['DL4000', 'MaintainerDeprecated', 'DS-0022']) {
            assert.deepEqual(hits(ID, `FROM alpine:3.20\n# dockwise ignore=${id}\nMAINTAINER x\n`), []);
        }
    });
});
