import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'apt-yes';

describe(ID, () => {
    it("flags hadolint's bad example and accepts its good one", () => {
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN apt-get install python=2.7\n'), [[1, 'apt-get install']]);
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN apt-get install -y python=2.7\n'), []);
        assert.equal(findings(ID, 'FROM debian:12\nRUN apt-get install python=2.7\n')[0]!.severity, 'warning');
    });
    it('accepts every spelling of yes', () => {
        for (const opts of [
            '-y',
            '--yes',
            '--assume-yes',
            '-qy',
            '-yq',
            '-qq',
            '-q -q',
            '-q=2',
            '--quiet=2',
            '-o APT::Get::Assume-Yes=true',
        ]) {
            assert.deepEqual(hits(ID, `FROM debian:12\nRUN apt-get ${opts} install x=1\n`), [], opts);
        }
        // A single -q only makes apt quieter (hadolint accepts it; apt-get still prompts).
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN apt-get -q install x=1\n'), [[1, 'apt-get -q install']]);
    });
    it('accepts Assume-Yes written into apt.conf.d by an earlier RUN, in this stage or a parent', () => {
        const conf = `RUN echo 'APT::Get::Assume-Yes "true";' > /etc/apt/apt.conf.d/90yes`;
        assert.deepEqual(hits(ID, `FROM debian:12 AS base\n${conf}\nFROM base\nRUN apt-get install x=1\n`), []);
        assert.deepEqual(hits(ID, `FROM debian:12\nRUN apt-get install x=1\n${conf}\n`), [[1, 'apt-get install']]);
    });
    it('checks the sub-commands that change packages, with apt too', () => {
        const text = [
            'FROM debian:12',
            'RUN apt-get update && apt-get upgrade && apt-get purge --auto-remove x && apt autoremove',
            'RUN apt-get clean && apt-cache policy x && apt-get -o Dpkg::Options::=--force-confold source x',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), [
            [1, 'apt-get upgrade'],
            [1, 'apt-get purge'],
            [1, 'apt autoremove'],
        ]);
    });
    it('looks inside sh -c, heredocs, ONBUILD and exec form', () => {
        assert.deepEqual(hits(ID, `FROM debian:12\nRUN sh -c 'apt-get update && apt-get install x=1'\n`), [
            [1, 'apt-get install'],
        ]);
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install x=1\nEOF\n'), [
            [3, 'apt-get install'],
        ]);
        assert.deepEqual(hits(ID, 'FROM debian:12\nONBUILD RUN apt-get install x=1\n'), [[1, 'apt-get install']]);
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN ["apt-get", "install", "x=1"]\n'), [
            [1, '"apt-get", "install"'],
        ]);
    });
    it('keeps exact ranges across continuations, CRLF and the escape directive', () => {
        const text = '# escape=`\nFROM debian:12\nRUN apt-get update && `\n    apt-get install `\n      x=1\n';
        assert.deepEqual(hits(ID, text), [[3, 'apt-get install']]);
        assert.deepEqual(hits(ID, crlf(text)), [[3, 'apt-get install']]);
    });
    it('adds -y after the sub-command', () => {
        assert.equal(
            fixAndRelint(ID, 'FROM debian:12\nRUN apt-get install python=2.7\n'),
            'FROM debian:12\nRUN apt-get install -y python=2.7\n',
        );
        assert.equal(
            fixAndRelint(ID, crlf('FROM debian:12\nONBUILD RUN sh -c "apt-get install \\\n  x=1"\n')),
            crlf('FROM debian:12\nONBUILD RUN sh -c "apt-get install -y \\\n  x=1"\n'),
        );
        assert.equal(
            fixAndRelint(ID, 'FROM debian:12\nRUN ["apt-get", "install", "x=1"]\n'),
            'FROM debian:12\nRUN ["apt-get", "install", "-y", "x=1"]\n',
        );
    });
    it('answers to DL3014 and DS-0021', () => {
        for (const id of ['DL3014', 'DS-0021']) {
            assert.deepEqual(hits(ID, `FROM debian:12\n# hadolint ignore=${id}\nRUN apt-get install x=1\n`), []);
        }
    });
});
