import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, hits } from '../helpers';

const ID = 'copy-whole-filesystem';

describe(ID, () => {
    it('flags COPY --from=stage / / (hadolint DL3067 example)', () => {
        assert.deepEqual(hits(ID, 'FROM a AS build\nFROM b\nCOPY --from=build / /\n'), [[2, '/ /']]);
        assert.deepEqual(hits(ID, crlf('FROM a AS build\nFROM b\nCOPY --from=build "/" "/"\n')), [[2, '"/" "/"']]);
    });
    it('accepts a subtree, another destination, or no --from', () => {
        assert.deepEqual(
            hits(ID, 'FROM a AS build\nFROM b\nCOPY --from=build /out/ /\nCOPY --from=build / /rootfs/\nCOPY / /\n'),
            [],
        );
    });
});
