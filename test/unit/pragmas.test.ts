import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/core/lint';
import { buildModel } from '../../server/src/core/model';
import { parseCheck, pragmasOf, shellPragmaAt } from '../../server/src/core/pragmas';
import { crlf } from './helpers';

const ids = (text: string, config = {}) =>
    lint(text, config).diagnostics.map((d) => `${d.range.start.line}:${d.ruleId}`);

describe('pragmas', () => {
    it('honours # hadolint global ignore= anywhere in the file, by any equivalent id', () => {
        const text = 'FROM debian\nFROM node:latest\n# hadolint global ignore=DL3006,base-image-latest\n';
        assert.deepEqual(
            ids(text).filter((i) => /base-image/.test(i)),
            [],
        );
        assert.deepEqual(
            ids(crlf('# dockwise global ignore=DS-0001\nFROM debian\n')).filter((i) => /base-image/.test(i)),
            [],
        );
    });
    it('honours # hadolint stage ignore= for one stage', () => {
        const text = [
            'FROM alpine:3.20 AS a',
            '# hadolint stage ignore=DL3020',
            'FROM alpine:3.20 AS b',
            'ADD x.txt /x',
            'FROM alpine:3.20',
            'ADD y.txt /y',
            '',
        ].join('\n');
        assert.deepEqual(
            ids(text).filter((i) => i.endsWith('copy-not-add')),
            ['5:copy-not-add'],
        );
        const inside = 'FROM a:1\nADD x /x\n# hadolint stage ignore=DL3020\nADD y /y\nFROM b:1\nADD z /z\n';
        assert.deepEqual(
            ids(inside).filter((i) => i.endsWith('copy-not-add')),
            ['1:copy-not-add', '5:copy-not-add'],
        );
    });
    it('honours # check=skip= as a directive (names and all) and above an instruction', () => {
        const text = '# check=skip=FromAsCasing,StageNameCasing\nFROM a:1 as Build\n';
        assert.deepEqual(
            ids(text).filter((i) => /casing/.test(i)),
            [],
        );
        const all = '# syntax=docker/dockerfile:1\n# check=skip=all\nFROM a:1 as Build\nADD x /x\n';
        // skip=all covers every rule with a BuildKit equivalent, not the others.
        assert.deepEqual(ids(all), ['3:copy-not-add']);
        assert.deepEqual(
            ids('# check=skip=DL3020\nFROM a:1\nADD x /x\n').filter((i) => i.endsWith('copy-not-add')),
            [],
        );
        const per = 'FROM a:1\n# check=skip=LegacyKeyValueFormat // allowed here\nENV a b\nENV c d\n';
        assert.deepEqual(
            ids(per).filter((i) => i.endsWith('legacy-key-value')),
            ['3:legacy-key-value'],
        );
    });
    it('ignores a # check directive below the parser-directive block', () => {
        const text = 'FROM a:1\n# check=skip=FromAsCasing\nFROM b:1 as c\n';
        assert.deepEqual(pragmasOf(buildModel(text)).check, undefined);
    });
    it('turns all pragmas off with inlineSuppressions: false', () => {
        const text = '# check=skip=all\n# hadolint global ignore=DL3006\nFROM debian\n';
        assert.deepEqual(
            ids(text, { inlineSuppressions: false }).filter((i) => i.endsWith('base-image-tag')),
            ['2:base-image-tag'],
        );
    });
    it('reports # check=error=true on the result', () => {
        assert.equal(lint('# check=error=true\nFROM a:1\n').checkError, true);
        assert.equal(lint('# check=skip=all;error=false\nFROM a:1\n').checkError, false);
        assert.equal(lint('FROM a:1\n').checkError, false);
    });
    it('parses the check directive like BuildKit', () => {
        const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        const c = parseCheck('SKIP=JSONArgsRecommended, FromAsCasing;Error=true;experimental=all', range);
        assert.deepEqual([...c.skip], ['jsonargsrecommended', 'fromascasing']);
        assert.equal(c.error, true);
        assert.equal(c.experimentalAll, true);
        assert.deepEqual(parseCheck('error=maybe;colour=red', range).problems, [
            'error=maybe is not a boolean',
            'unknown key colour',
        ]);
    });
    it('records # hadolint shell= for the stage it belongs to', () => {
        const text =
            'FROM a:1\nRUN x\n# hadolint shell=powershell\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN Get-Item\nFROM b:1\nRUN y\n';
        const model = buildModel(text);
        assert.deepEqual(pragmasOf(model).shells, [{ line: 2, shell: 'powershell' }]);
        assert.equal(shellPragmaAt(model, 1), undefined);
        assert.equal(shellPragmaAt(model, 4), 'powershell');
        assert.equal(shellPragmaAt(model, 6), undefined);
    });
});
