import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint, fixTitles } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'unknown-instruction';

describe(ID, () => {
    it('flags a misspelt keyword and suggests the instruction', () => {
        const text = 'FROM alpine:3.20\nRUM apk add --no-cache curl\nCPOY . /app/\n';
        assert.deepEqual(hits(ID, text), [
            [1, 'RUM'],
            [2, 'CPOY'],
        ]);
        assert.equal(findings(ID, text)[0]!.message, 'Unknown instruction: RUM: did you mean RUN?');
    });
    it('hints at a missing line continuation for an indented line', () => {
        const text = 'FROM debian:12-slim\nRUN apt-get update &&\n    apt-get install -y curl\n';
        assert.deepEqual(hits(ID, text), [[2, 'apt-get']]);
        assert.match(findings(ID, text)[0]!.message, /^Unknown instruction: APT-GET: if this line continues/);
        assert.deepEqual(fixTitles(ID, text), []);
    });
    it('accepts every real instruction, in any case, and ONBUILD triggers', () => {
        const text =
            'ARG V=3.20\nFROM alpine:${V} AS base\nLABEL a=b\nENV A=1\nRUN true\nCOPY a /a\nADD b /b\nUSER 1000\nWORKDIR /w\nVOLUME /data\nEXPOSE 80\nSTOPSIGNAL SIGTERM\nSHELL ["/bin/sh", "-c"]\nHEALTHCHECK NONE\nONBUILD RUN true\nentrypoint ["app"]\ncmd ["x"]\n';
        assert.deepEqual(hits(ID, text), []);
    });
    it('keeps exact ranges with CRLF and the escape directive', () => {
        const text = '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n    C:\\\nCPOY a b\n';
        assert.deepEqual(hits(ID, text), [[4, 'CPOY']]);
        assert.deepEqual(hits(ID, crlf(text)), [[4, 'CPOY']]);
    });
    it('fixes the typo', () => {
        const text = 'FROM alpine:3.20\nRUM apk add --no-cache curl=8.9.1-r2\n';
        assert.deepEqual(fixTitles(ID, text), ['Change to RUN*']);
        assert.equal(fixAndRelint(ID, text), 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2\n');
        assert.equal(fixAndRelint(ID, crlf(text)), crlf('FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2\n'));
    });
    it('offers every equally close keyword, none preferred', () => {
        assert.deepEqual(fixTitles(ID, 'FROM alpine:3.20\nADG x /x\n'), ['Change to ADD', 'Change to ARG']);
        assert.deepEqual(fixTitles(ID, 'FROM alpine:3.20\nEN A=1\n'), ['Change to ENV*']);
        assert.deepEqual(fixTitles(ID, 'FROM alpine:3.20\nXYZZY x\n'), []);
    });
    it('says when the renamed keyword makes a second CMD, ENTRYPOINT or HEALTHCHECK in the stage', () => {
        const text = 'FROM alpine:3.20\nENTRYPOINT ["/app"]\nENTRYPONT ["/other"]\n';
        assert.deepEqual(fixTitles(ID, text), [
            'Change to ENTRYPOINT (it leaves two ENTRYPOINT instructions in this stage)*',
        ]);
        assert.deepEqual(fixTitles(ID, 'FROM alpine:3.20\nENTRYPONT ["/app"]\nFROM alpine:3.20\nENTRYPOINT ["/b"]\n'), [
            'Change to ENTRYPOINT*',
        ]);
    });
    it('honours inline suppression', () => {
        assert.deepEqual(hits(ID, 'FROM alpine:3.20\n# dockwise ignore=unknown-instruction\nRUM x\n'), []);
    });
});
