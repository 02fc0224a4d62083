import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hits } from '../helpers';

const ID = 'label-superfluous';
const opts = (o: Record<string, unknown>) => ({ ruleOptions: { [ID]: o } });

describe(ID, () => {
    it('does nothing unless strict labels are on', () => {
        assert.deepEqual(hits(ID, 'FROM a\nLABEL x=1\n', opts({ labelSchema: { y: 'text' } })), []);
    });
    it('flags labels outside the schema (hadolint DL3050 examples)', () => {
        const text = 'FROM a\nLABEL author=me extra=1\n';
        assert.deepEqual(hits(ID, text, opts({ strictLabels: true, labelSchema: { author: 'text' } })), [[1, 'extra']]);
        assert.deepEqual(hits(ID, text, opts({ strictLabels: true })), [
            [1, 'author'],
            [1, 'extra'],
        ]);
    });
});
