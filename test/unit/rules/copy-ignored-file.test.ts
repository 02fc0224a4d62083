import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanPath, dockerignoreMatcher } from '../../../server/src/core/knowledge/dockerignore';
import { crlf, findings, hits } from '../helpers';

const ID = 'copy-ignored-file';
const ignore = (content: string) => ({ ruleOptions: { [ID]: { dockerignore: content } } });

describe(ID, () => {
    it('does nothing without .dockerignore content', () => {
        assert.deepEqual(hits(ID, 'FROM a\nCOPY .env /app/\n'), []);
    });
    it('flags COPY and ADD of excluded files (BuildKit docs example)', () => {
        const text = 'FROM scratch\nCOPY ./tmp/foo.txt /foo.txt\nADD node_modules/x /x\nCOPY src/app.ts /app/\n';
        assert.deepEqual(hits(ID, text, ignore('*/tmp/*\ntmp\nnode_modules\n')), [
            [1, './tmp/foo.txt'],
            [2, 'node_modules/x'],
        ]);
        assert.match(
            findings(ID, text, ignore('tmp\n'))[0]!.message,
            /"\.\/tmp\/foo\.txt" is left out of the build context by \.dockerignore/,
        );
    });
    it('matches ** patterns, leading slashes and CRLF files', () => {
        const text = crlf('FROM a\nCOPY docs/guide/README.md /x/\nCOPY /secrets/key.pem /k\nCOPY app.go /x/\n');
        assert.deepEqual(hits(ID, text, ignore(crlf('# docs\n**/*.md\n/secrets\n'))), [
            [1, 'docs/guide/README.md'],
            [2, '/secrets/key.pem'],
        ]);
    });
    it('checks `.` only against patterns that exclude everything', () => {
        assert.deepEqual(hits(ID, 'FROM a\nCOPY . /app\n', ignore('node_modules\n')), []);
        assert.deepEqual(hits(ID, 'FROM a\nCOPY . /app\n', ignore('*\n')), [[1, '.']]);
    });
    it('gives up on ! exceptions, as BuildKit does, and skips --from, URLs and variables', () => {
        assert.deepEqual(hits(ID, 'FROM a\nCOPY tmp/x /x\n', ignore('tmp\n!tmp/x\n')), []);
        const text = 'FROM a AS b\nCOPY --from=b tmp/x /x\nADD https://example.com/tmp /x\nCOPY ${DIR}/tmp /x\n';
        assert.deepEqual(hits(ID, text, ignore('tmp\n')), []);
    });
    it('cleans paths the way BuildKit does', () => {
        assert.equal(cleanPath('./a/../b//c/'), 'b/c');
        assert.equal(cleanPath('/'), '.');
        assert.equal(dockerignoreMatcher('# only comments\n\n'), undefined);
        assert.equal(dockerignoreMatcher('build\n')!.excludedBy('build/out/app'), 'build');
    });
    it('answers to CopyIgnoredFile', () => {
        assert.deepEqual(hits(ID, 'FROM a\n# check=skip=CopyIgnoredFile\nCOPY tmp /x\n', ignore('tmp\n')), []);
    });
});
