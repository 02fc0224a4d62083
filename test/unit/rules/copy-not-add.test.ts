import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint, fixTitles } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'copy-not-add';

describe(ID, () => {
    it('flags ADD of local files (hadolint DL3020 example)', () => {
        assert.deepEqual(hits(ID, 'FROM python:3.4\nADD requirements.txt /usr/src/app/\n'), [[1, 'ADD']]);
        assert.equal(findings(ID, 'FROM a\nADD a /b\n')[0]!.severity, 'error');
        assert.deepEqual(hits(ID, 'FROM a\nADD app.zip /opt/\n'), [[1, 'ADD']]);
    });
    it('accepts URLs, git repositories, tar archives, heredocs and variables', () => {
        const text = [
            'FROM alpine:3.20',
            'ADD https://example.com/app.tar.gz /opt/',
            'ADD git@github.com:moby/buildkit.git /src',
            'ADD https://github.com/moby/buildkit.git#v0.14.1 /src',
            'ADD rootfs.tar.xz /',
            'ADD app.tgz /opt/',
            'ADD ${ARCHIVE} /opt/',
            'ADD <<EOF /etc/motd',
            'hello',
            'EOF',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), []);
    });
    it('rewrites ADD to COPY when every source is plain', () => {
        assert.equal(
            fixAndRelint(ID, 'FROM a:1\nADD --chown=1000:1000 a.txt b/ /dst/\n'),
            'FROM a:1\nCOPY --chown=1000:1000 a.txt b/ /dst/\n',
        );
        assert.equal(
            fixAndRelint(ID, crlf('FROM a:1\nadd [ "a b.txt", "/dst/" ]\n')),
            crlf('FROM a:1\ncopy [ "a b.txt", "/dst/" ]\n'),
        );
    });
    it('reports but does not rewrite a mix with an archive or an ADD-only flag', () => {
        assert.deepEqual(findings(ID, 'FROM a\nADD app.tar.gz conf.ini /opt/\n')[0]!.fixes, []);
        assert.deepEqual(findings(ID, 'FROM a\nADD --checksum=sha256:abc a.txt /opt/\n')[0]!.fixes, []);
        assert.deepEqual(fixTitles(ID, 'FROM a\nADD a.txt /opt/\n'), ['Replace ADD with COPY*']);
    });
    it('answers to DL3020 and DS-0005', () => {
        for (const id of ['DL3020', 'DS-0005']) {
            assert.deepEqual(hits(ID, `FROM a\n# hadolint ignore=${id}\nADD a /b\n`), []);
        }
    });
});
