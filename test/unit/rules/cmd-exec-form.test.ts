import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plainArgv } from '../../../server/src/core/rules/cmd-exec-form';
import { applyFix, crlf, findings, hits } from '../helpers';

const ID = 'cmd-exec-form';

/** Applies the preferred fix and returns the rewritten instruction's JSON argv; the rule must be quiet after. */
function fixedArgv(text: string, keyword = 'CMD'): string[] {
    const [f] = findings(ID, text);
    assert.ok(f, 'a finding');
    const fix = f.fixes.find((x) => x.preferred);
    assert.ok(fix, 'a preferred fix');
    const fixed = applyFix(text, fix);
    assert.deepEqual(findings(ID, fixed), [], 'no finding after the fix');
    const line = fixed.split(/\r?\n/).find((l) => l.startsWith(`${keyword} [`));
    assert.ok(line, fixed);
    return JSON.parse(line.slice(keyword.length + 1)) as string[];
}

describe(ID, () => {
    it('flags shell-form CMD and ENTRYPOINT on their arguments', () => {
        assert.deepEqual(hits(ID, 'FROM nginx:1.27\nCMD nginx -g "daemon off;"\n'), [[1, 'nginx -g "daemon off;"']]);
        assert.deepEqual(hits(ID, 'FROM node:22\nENTRYPOINT node server.js\n'), [[1, 'node server.js']]);
        const [entry] = findings(ID, 'FROM node:22\nENTRYPOINT node server.js\n');
        assert.match(entry!.message, /SIGTERM/);
        assert.match(entry!.message, /ignores CMD/);
    });
    it('rewrites plain commands as JSON with the intended argv', () => {
        assert.deepEqual(fixedArgv('FROM nginx:1.27\nCMD nginx -g "daemon off;"\n'), ['nginx', '-g', 'daemon off;']);
        assert.deepEqual(fixedArgv('FROM node:22\nENTRYPOINT node server.js\n', 'ENTRYPOINT'), ['node', 'server.js']);
        assert.deepEqual(fixedArgv(`FROM a\nCMD app '' 'it''s' "a \\"q\\"" a\\ b 'x\\y'\n`), [
            'app',
            '',
            'its',
            'a "q"',
            'a b',
            'x\\y',
        ]);
    });
    it('rewrites across continuations, with CRLF', () => {
        const text = 'FROM nginx:1.27\nCMD nginx \\\n    -g "daemon off;"\nEXPOSE 80\n';
        assert.deepEqual(hits(ID, text), [[1, 'nginx \\\n    -g "daemon off;"']]);
        assert.deepEqual(fixedArgv(text), ['nginx', '-g', 'daemon off;']);
        assert.deepEqual(fixedArgv(crlf(text)), ['nginx', '-g', 'daemon off;']);
        const [f] = findings(ID, crlf(text));
        assert.equal(
            applyFix(crlf(text), f!.fixes[0]!),
            'FROM nginx:1.27\r\nCMD ["nginx", "-g", "daemon off;"]\r\nEXPOSE 80\r\n',
        );
    });
    it('respects the escape directive', () => {
        const text = '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ping `\n    -t localhost\n';
        assert.deepEqual(hits(ID, text), [[2, 'ping `\n    -t localhost']]);
        assert.deepEqual(fixedArgv(text), ['ping', '-t', 'localhost']);
        // Windows paths: backslashes are not shell escapes there, so no rewrite is guessed.
        const win = '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD C:\\app\\app.exe --serve\n';
        assert.equal(findings(ID, win).length, 1);
        assert.deepEqual(findings(ID, win)[0]!.fixes, []);
    });
    it('offers no JSON rewrite when the shell is needed, but an exec prefix', () => {
        for (const cmd of [
            'echo $HOME',
            'a && b',
            'a || b',
            'a; b',
            'a | b',
            'app > log',
            'app *.conf',
            'app `date`',
            'app ~/x',
            'app # note',
            'app {a,b}',
            '(app)',
            'FOO=1 app',
            'cd /app',
        ]) {
            assert.equal(plainArgv(cmd, '\\'), undefined, cmd);
        }
        const text = 'FROM python:3.12\nCMD cd /app && python app.py\n';
        const [f] = findings(ID, text);
        assert.equal(f!.fixes.length, 1);
        assert.equal(f!.fixes[0]!.preferred, undefined);
        const fixed = applyFix(text, f!.fixes[0]!);
        assert.equal(fixed, 'FROM python:3.12\nCMD cd /app && exec python app.py\n');
        assert.deepEqual(findings(ID, fixed), []);
        assert.deepEqual(findings(ID, 'FROM a\nCMD a | b\n')[0]!.fixes, []);
    });
    it('accepts exec form, SHELL, and a last command that execs', () => {
        assert.deepEqual(hits(ID, 'FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off;"]\n'), []);
        assert.deepEqual(hits(ID, 'FROM postgres:16\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["postgres"]\n'), []);
        assert.deepEqual(hits(ID, 'FROM python:3.12\nCMD exec gunicorn --bind :$PORT app:app\n'), []);
        assert.deepEqual(hits(ID, 'FROM a\nSHELL ["/bin/bash", "-c"]\nCMD echo $HOME\n'), []);
        assert.deepEqual(hits(ID, 'FROM a AS base\nSHELL ["pwsh", "-c"]\nFROM base\nCMD Write-Host hi\n'), []);
        assert.deepEqual(
            hits(ID, 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM scratch\nCMD ["/app"]\n'),
            [],
        );
        assert.deepEqual(hits(ID, "FROM a\nCMD ['nginx', '-g', 'daemon off;']\n"), []);
    });
    it('honours inline suppression, also by hadolint and BuildKit ids', () => {
        assert.deepEqual(hits(ID, 'FROM a\n# dockwise ignore=cmd-exec-form\nCMD app run\n'), []);
        assert.deepEqual(hits(ID, 'FROM a\n# hadolint ignore=DL3025\nCMD app run\n'), []);
    });
});
