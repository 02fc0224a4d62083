import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatProblem, isSpdx } from '../../../server/src/core/knowledge/labels';
import { crlf, hits } from '../helpers';

const ID = 'label-format';
const schema = {
    ruleOptions: {
        [ID]: {
            labelSchema: {
                url: 'url',
                created: 'rfc3339',
                license: 'spdx',
                rev: 'hash',
                version: 'semver',
                mail: 'email',
                note: 'text',
            },
        },
    },
};

describe(ID, () => {
    it('flags values in the wrong format (hadolint DL3052–DL3056, DL3058 examples)', () => {
        const text = [
            'FROM a',
            'LABEL url="not a url" created="2018-01-01" license="Apache 2" rev=xyz version=1.0 mail=me note=anything',
            'LABEL url=https://example.com/x created=2018-01-01T10:00:00Z license="MIT OR Apache-2.0" rev=2b3c4d5 version=1.0.0-rc.1+b5 mail=me@example.com',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, crlf(text), schema), [
            [1, '"not a url"'],
            [1, '"2018-01-01"'],
            [1, '"Apache 2"'],
            [1, 'xyz'],
            [1, '1.0'],
            [1, 'me'],
        ]);
    });
    it('checks each format precisely', () => {
        assert.equal(
            formatProblem('rfc3339', '2024-02-30T00:00:00Z'),
            'is not a valid time format - must conform to RFC3339',
        );
        assert.equal(formatProblem('rfc3339', '2024-02-29T23:59:59.5+02:00'), undefined);
        assert.equal(formatProblem('hash', 'a'.repeat(40)), undefined);
        assert.equal(formatProblem('hash', 'A'.repeat(40)), 'is not a valid git hash');
        assert.equal(formatProblem('semver', '01.2.3'), 'does not conform to semantic versioning');
        assert.equal(isSpdx('LicenseRef-custom'), true);
        assert.equal(isSpdx('GPL-2.0-only WITH Classpath-exception-2.0'), true);
        assert.equal(isSpdx('Apache'), false);
    });
    it('answers to every hadolint id it stands for', () => {
        for (const id of ['DL3052', 'DL3053', 'DL3054', 'DL3055', 'DL3056', 'DL3058']) {
            assert.deepEqual(hits(ID, `FROM a\n# hadolint ignore=${id}\nLABEL url=x\n`, schema), []);
        }
    });
});
