import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../../server/src/core/lint';
import { crlf, hits } from '../helpers';

const ID = 'inline-ignore-pragma';

describe(ID, () => {
    it('is off by default', () => {
        assert.deepEqual(
            lint('FROM a\n# hadolint ignore=DL3008\nRUN x\n').diagnostics.filter((d) => d.ruleId === ID),
            [],
        );
    });
    it('flags every kind of ignore comment (hadolint DL1001)', () => {
        const text = [
            '# check=skip=JSONArgsRecommended',
            '# hadolint global ignore=DL3006',
            'FROM a',
            '# hadolint ignore=DL3008',
            'RUN x',
            '# dockwise stage ignore=user-root',
            '# check=skip=UndefinedVar',
            'COPY a b',
            '',
        ].join('\n');
        assert.deepEqual(
            hits(ID, crlf(text)).map(([l]) => l),
            [1, 3, 5, 6],
        );
    });
    it('can be ignored globally', () => {
        assert.deepEqual(hits(ID, '# hadolint global ignore=DL1001\nFROM a\n# hadolint ignore=DL3008\nRUN x\n'), []);
    });
});
