import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint, fixTitles } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'json-single-quotes';

describe(ID, () => {
    it('flags single-quoted JSON on CMD, ENTRYPOINT, RUN, COPY and ADD', () => {
        const text =
            "FROM nginx:1.27\nRUN ['apt-get', 'update']\nCOPY --chown=1 ['a b', '/c/']\nADD ['x', '/y']\nENTRYPOINT [ 'nginx' ]\nCMD ['-g', 'daemon off;']\n";
        assert.deepEqual(hits(ID, text), [
            [1, "['apt-get', 'update']"],
            [2, "['a b', '/c/']"],
            [3, "['x', '/y']"],
            [4, "[ 'nginx' ]"],
            [5, "['-g', 'daemon off;']"],
        ]);
        assert.equal(
            findings(ID, text)[0]!.message,
            'Instruction written as a JSON array but is using single quotes instead of double quotes',
        );
    });
    it('leaves VOLUME to volume-json-single-quotes, but not an ONBUILD VOLUME trigger', () => {
        const text = "FROM alpine:3.20\nVOLUME ['/data']\nONBUILD VOLUME ['/cache']\nONBUILD CMD ['app']\n";
        assert.deepEqual(hits(ID, text), [
            [2, "['/cache']"],
            [3, "['app']"],
        ]);
    });
    it('accepts JSON and shell forms that merely contain quotes', () => {
        const text =
            'FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off;"]\nRUN echo \'[a]\'\nENTRYPOINT exec nginx -g \'daemon off;\'\n';
        assert.deepEqual(hits(ID, text), []);
    });
    it('keeps exact ranges with CRLF and the escape directive', () => {
        const text = "# escape=`\nFROM alpine:3.20\nENTRYPOINT ['a', `\n  'b']\n";
        assert.deepEqual(hits(ID, text), [[2, "['a', `\n  'b']"]]);
        assert.deepEqual(hits(ID, crlf(text)), [[2, "['a', `\r\n  'b']"]]);
    });
    it('switches to double quotes, escaping as JSON needs', () => {
        assert.deepEqual(fixTitles(ID, "FROM a\nCMD ['x']\n"), ['Use double quotes (JSON)*']);
        assert.equal(
            fixAndRelint(ID, "FROM nginx:1.27\nCMD ['nginx', '-g', 'daemon off;']\n"),
            'FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off;"]\n',
        );
        assert.equal(
            fixAndRelint(ID, "FROM a\nCMD ['say \"hi\"', 'C:\\\\x']\n"),
            'FROM a\nCMD ["say \\"hi\\"", "C:\\\\\\\\x"]\n',
        );
        assert.equal(
            fixAndRelint(ID, "FROM a\nCOPY --chown=1 ['a b', '/c/']\n"),
            'FROM a\nCOPY --chown=1 ["a b", "/c/"]\n',
        );
        assert.equal(
            fixAndRelint(ID, crlf("# escape=`\nFROM a\nENTRYPOINT ['a', `\n  'b']\n")),
            crlf('# escape=`\nFROM a\nENTRYPOINT ["a", `\n  "b"]\n'),
        );
    });
});
