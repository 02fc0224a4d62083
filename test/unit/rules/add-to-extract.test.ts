import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'add-to-extract';

describe(ID, () => {
    it('flags a copied tar archive that a RUN extracts (hadolint DL3010 examples)', () => {
        const text = 'FROM debian:12\nCOPY foo.tar /\nRUN tar -xf /foo.tar -C /opt\n';
        assert.deepEqual(hits(ID, text), [[1, 'foo.tar']]);
        assert.equal(findings(ID, text)[0]!.severity, 'info');
        const more =
            'FROM debian:12\nCOPY build/app.tar.gz /tmp/\nRUN cd /opt && tar xzf /tmp/app.tar.gz && rm /tmp/app.tar.gz\n';
        assert.deepEqual(hits(ID, crlf(more)), [[1, 'build/app.tar.gz']]);
        assert.deepEqual(hits(ID, 'FROM d\nCOPY src.tgz /tmp/a.tgz\nRUN tar --extract --file=x /tmp/a.tgz\n'), [
            [1, 'src.tgz'],
        ]);
    });
    it('does not flag archives that are not extracted, zip files, or other stages', () => {
        const text = [
            'FROM debian:12 AS a',
            'COPY foo.tar /',
            'RUN tar -cf /bar.tar /etc',
            'COPY app.zip /tmp/',
            'RUN unzip /tmp/app.zip',
            'COPY --from=a /foo.tar /foo.tar',
            'FROM debian:12',
            'RUN tar -xf /foo.tar',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), []);
    });
});
