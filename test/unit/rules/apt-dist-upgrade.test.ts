import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../../server/src/core/lint';
import { findings, hits } from '../helpers';

const ID = 'apt-dist-upgrade';

describe(ID, () => {
    it('is off by default and on with all rules', () => {
        const text = 'FROM debian:12\nRUN apt-get update && apt-get dist-upgrade -y\n';
        assert.deepEqual(
            lint(text).diagnostics.filter((d) => d.ruleId === ID),
            [],
        );
        assert.equal(lint(text, { allRules: true }).diagnostics.filter((d) => d.ruleId === ID).length, 1);
        assert.equal(findings(ID, text)[0]!.severity, 'warning');
    });
    it('flags dist-upgrade and full-upgrade, not upgrade', () => {
        const text = [
            'FROM debian:12',
            'RUN apt-get update && apt-get -y dist-upgrade && apt full-upgrade -y && apt-get upgrade -y',
            `ONBUILD RUN sh -c 'apt-get dist-upgrade -y'`,
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), [
            [1, 'apt-get -y dist-upgrade'],
            [1, 'apt full-upgrade'],
            [2, 'apt-get dist-upgrade'],
        ]);
    });
    it('answers to DS-0024 and the retired DL3005', () => {
        for (const id of ['DS-0024', 'DL3005']) {
            assert.deepEqual(hits(ID, `FROM debian:12\n# hadolint ignore=${id}\nRUN apt-get dist-upgrade -y\n`), []);
        }
    });
});
