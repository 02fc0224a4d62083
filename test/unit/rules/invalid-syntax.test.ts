import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unterminatedQuote } from '../../../server/src/core/rules/invalid-syntax';
import { crlf, findings, hits } from '../helpers';

const ID = 'invalid-syntax';

describe(ID, () => {
    it('flags unterminated quotes and pairs without = or name', () => {
        const text = 'FROM alpine:3.20\nENV GREETING="hello world\nARG NAME=\'x\nLABEL a=b version\nENV =x\n';
        assert.deepEqual(hits(ID, text), [
            [1, '"hello world'],
            [2, "'x"],
            [3, 'version'],
            [4, '=x'],
        ]);
        assert.deepEqual(
            findings(ID, text).map((d) => d.message),
            [
                'failed to process ""hello world": unexpected end of statement while looking for matching double-quote',
                'failed to process "\'x": unexpected end of statement while looking for matching single-quote',
                'Syntax error - can\'t find = in "version". Must be of the form: name=value',
                'ENV names cannot be blank',
            ],
        );
    });
    it('flags unsupported substitution modifiers outside RUN/CMD/ENTRYPOINT', () => {
        const text = 'FROM alpine:3.20\nCOPY ${SRC:x} /\nWORKDIR ${DIR:=/app}\nRUN echo ${X:=y}\n';
        assert.deepEqual(hits(ID, text), [
            [1, 'x'],
            [2, '='],
        ]);
    });
    it('flags a SHELL that is not JSON', () => {
        const text = 'FROM alpine:3.20\nSHELL /bin/ash -c\n';
        assert.deepEqual(hits(ID, text), [[1, '/bin/ash -c']]);
        assert.equal(
            findings(ID, text)[0]!.message,
            'SHELL requires the arguments to be in JSON form: write `SHELL ["/bin/sh", "-c"]`',
        );
    });
    it('accepts valid syntax', () => {
        const text =
            'FROM alpine:3.20\nENV GREETING="hello world" A=\'x y\' B=c\\ d\nARG NAME\nLABEL a=b version=1.0\nCOPY ${SRC:-.} ${DST:+/x}/\nSHELL ["/bin/ash", "-c"]\nRUN echo ${X%%.*}\n';
        assert.deepEqual(hits(ID, text), []);
    });
    it("does not repeat dockerfile-utils' false positives on escaped quotes", () => {
        const text =
            'FROM alpine:3.20\nLABEL a="\\"quoted\\" text"\nENV A=\\"x B="\\"y" C=\'it\'\\\'\'s\'\n# escape=`\nLABEL b="`"x`" ``"\n';
        assert.deepEqual(hits(ID, text), []);
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\nENV A="\\"x\n'), [[1, '"\\"x']]);
        assert.equal(unterminatedQuote('"\\"x\\" y"', '\\'), false);
        assert.equal(unterminatedQuote('"\\"x', '\\'), true);
        assert.equal(unterminatedQuote("'a\\'", '\\'), false);
        assert.equal(unterminatedQuote('"a`"', '`'), true);
    });
    it('keeps exact ranges with CRLF and the escape directive', () => {
        const text = '# escape=`\nFROM alpine:3.20\nENV A=1 `\n    B="open\n';
        assert.deepEqual(hits(ID, text), [[3, '"open']]);
        assert.deepEqual(hits(ID, crlf(text)), [[3, '"open']]);
    });
});
