import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint, fixTitles } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'instruction-arguments';

describe(ID, () => {
    it('flags missing and extra arguments', () => {
        const text =
            'FROM node:22-slim builder\nCOPY package.json\nENV NODE_ENV\nSTOPSIGNAL SIGTERM SIGKILL\nEXPOSE\nSHELL []\n';
        assert.deepEqual(hits(ID, text), [
            [0, 'builder'],
            [1, 'package.json'],
            [2, 'NODE_ENV'],
            [3, 'SIGKILL'],
            [4, 'EXPOSE'],
            [5, '[]'],
        ]);
        assert.deepEqual(
            findings(ID, text).map((d) => d.message),
            [
                'FROM requires either one or three arguments: write `FROM image` or `FROM image AS name`',
                'COPY requires at least two arguments: give one or more sources and a destination',
                'ENV must have two arguments: write `ENV name=value`',
                'Instruction has an extra argument',
                'Instruction has no arguments',
                'SHELL requires at least one argument',
            ],
        );
    });
    it('flags HEALTHCHECK argument errors and a misspelt AS', () => {
        const text =
            'FROM alpine:3.20 AZ base\nHEALTHCHECK\nFROM base\nHEALTHCHECK CMD\nFROM base\nHEALTHCHECK NONE --retries=3 x\nFROM base\nHEALTHCHECK TEST x\n';
        assert.deepEqual(hits(ID, text), [
            [0, 'AZ'],
            [1, 'HEALTHCHECK'],
            [3, 'CMD'],
            [5, '--retries=3 x'],
            [7, 'TEST'],
        ]);
    });
    it('accepts well-formed instructions', () => {
        const text =
            'FROM --platform=$BUILDPLATFORM node:22-slim AS builder\nCOPY package.json package-lock.json ./\nENV NODE_ENV production\nARG DEBUG\nSTOPSIGNAL SIGTERM\nEXPOSE 80\nHEALTHCHECK NONE\nRUN\nSHELL ["/bin/sh", "-c"]\n';
        assert.deepEqual(hits(ID, text), []);
    });
    it('keeps exact ranges with CRLF and the escape directive', () => {
        const text = '# escape=`\nFROM alpine:3.20\nCOPY `\n    only-source\n';
        assert.deepEqual(hits(ID, text), [[3, 'only-source']]);
        assert.deepEqual(hits(ID, crlf(text)), [[3, 'only-source']]);
    });
    it('inserts AS, converts a misspelt AS and removes extra arguments', () => {
        assert.equal(fixAndRelint(ID, 'FROM node:22-slim builder\n'), 'FROM node:22-slim AS builder\n');
        assert.equal(fixAndRelint(ID, crlf('FROM node:22-slim AZ builder\n')), 'FROM node:22-slim AS builder\r\n');
        assert.equal(
            fixAndRelint(ID, 'FROM nginx:1.27\nSTOPSIGNAL SIGQUIT SIGTERM\n'),
            'FROM nginx:1.27\nSTOPSIGNAL SIGQUIT\n',
        );
        // Every extra argument at once (the language service's fix removed the last one only).
        assert.equal(
            fixAndRelint(ID, 'FROM nginx:1.27\nSTOPSIGNAL SIGQUIT SIGTERM 9\n'),
            'FROM nginx:1.27\nSTOPSIGNAL SIGQUIT\n',
        );
        assert.equal(
            fixAndRelint(ID, 'FROM nginx:1.27\nHEALTHCHECK NONE CMD x\n'),
            'FROM nginx:1.27\nHEALTHCHECK NONE \n',
        );
    });
    it('offers no fix where the intent is unknown', () => {
        assert.deepEqual(fixTitles(ID, 'FROM alpine:3.20\nCOPY a\n'), []);
        assert.deepEqual(fixTitles(ID, 'FROM alpine:3.20 AS a b\n'), []);
        // `AS` only before a word that can be a stage name.
        assert.deepEqual(fixTitles(ID, 'FROM alpine:3.20 node:22\n'), []);
    });
});
