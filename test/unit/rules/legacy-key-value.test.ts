import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'legacy-key-value';

describe(ID, () => {
    it('flags ENV and LABEL in the legacy format (BuildKit docs examples)', () => {
        assert.deepEqual(hits(ID, 'FROM a\nENV foo bar\nLABEL maintainer John Doe\n'), [
            [1, 'foo bar'],
            [2, 'maintainer John Doe'],
        ]);
        assert.match(findings(ID, 'FROM a\nENV foo bar\n')[0]!.message, /"ENV key=value" should be used/);
    });
    it('accepts key=value', () => {
        assert.deepEqual(hits(ID, 'FROM a\nENV foo=bar baz="a b"\nLABEL a=b\nARG x=y\n'), []);
    });
    it('rewrites to key=value, quoting values with spaces', () => {
        assert.equal(fixAndRelint(ID, 'FROM a\nENV LANG C.UTF-8\n'), 'FROM a\nENV LANG=C.UTF-8\n');
        assert.equal(
            fixAndRelint(ID, crlf('FROM a\nLABEL description A small  server\n')),
            crlf('FROM a\nLABEL description="A small  server"\n'),
        );
        assert.equal(fixAndRelint(ID, 'FROM a\nENV MSG "hello world"\n'), 'FROM a\nENV MSG="hello world"\n');
        assert.equal(fixAndRelint(ID, 'FROM a\nENV P $HOME/bin\n'), 'FROM a\nENV P=$HOME/bin\n');
    });
    it('leaves values with mixed quotes to the author', () => {
        assert.deepEqual(findings(ID, 'FROM a\nENV X a "b c"\n')[0]!.fixes, []);
    });
    it('answers to LegacyKeyValueFormat', () => {
        assert.deepEqual(hits(ID, 'FROM a\n# check=skip=LegacyKeyValueFormat\nENV foo bar\n'), []);
    });
});
