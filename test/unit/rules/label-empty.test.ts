import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'label-empty';
const schema = { ruleOptions: { [ID]: { labelSchema: { version: 'semver', author: 'text' } } } };

describe(ID, () => {
    it('flags empty schema labels (hadolint DL3051 examples)', () => {
        const text = crlf('FROM a\nLABEL version="" author=\nLABEL other=""\n');
        assert.deepEqual(hits(ID, text, schema), [
            [1, 'version=""'],
            [1, 'author='],
        ]);
        assert.equal(findings(ID, 'FROM a\nLABEL version=""\n', schema)[0]!.severity, 'warning');
    });
    it('accepts values and variables', () => {
        assert.deepEqual(hits(ID, 'FROM a\nLABEL version=1.0.0 author=$AUTHOR\n', schema), []);
    });
});
