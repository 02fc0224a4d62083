import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'trusted-registry';
const trusted = (list: string[] | string) => ({ ruleOptions: { [ID]: { trustedRegistries: list } } });

describe(ID, () => {
    it('does nothing without trusted registries', () => {
        assert.deepEqual(hits(ID, 'FROM quay.io/x/y:1\n'), []);
        assert.deepEqual(hits(ID, 'FROM quay.io/x/y:1\n', trusted([])), []);
    });
    it('flags FROM images from other registries (hadolint DL3026 examples)', () => {
        const text = 'FROM random.com/debian:12\nFROM docker.io/debian:12\nFROM debian:12\n';
        assert.deepEqual(hits(ID, text, trusted(['my-company.com:5000'])), [
            [0, 'random.com/debian:12'],
            [1, 'docker.io/debian:12'],
            [2, 'debian:12'],
        ]);
        assert.equal(findings(ID, text, trusted('my-company.com:5000'))[0]!.severity, 'error');
    });
    it('treats images without registry as Docker Hub', () => {
        const text = 'FROM debian:12\nFROM index.docker.io/library/debian:12\n';
        assert.deepEqual(hits(ID, text, trusted(['docker.io'])), []);
        assert.deepEqual(hits(ID, text, trusted(['hub.docker.com'])), []);
    });
    it('supports *.domain wildcards and ports', () => {
        const text = 'FROM eu.gcr.io/p/app:1\nFROM gcr.io/p/app:1\nFROM my-company.com:5000/app:1\n';
        assert.deepEqual(hits(ID, text, trusted(['*.gcr.io', 'my-company.com:5000'])), [[1, 'gcr.io/p/app:1']]);
    });
    it('checks COPY --from and RUN --mount images, not stages, scratch or variables', () => {
        const text = [
            'FROM registry.example.com/golang:1.23 AS build',
            'COPY --from=quay.io/coreos/etcd:v3.5 /usr/local/bin/etcd /bin/',
            'RUN --mount=type=cache,target=/root/.cache,from=ghcr.io/x/cache:1 go build',
            'RUN --mount=type=secret,id=x,from=ghcr.io/x/y:1 true',
            'FROM scratch',
            'COPY --from=build /app /app',
            'COPY --from=0 /app /app2',
            'FROM ${BASE}',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, crlf(text), trusted('registry.example.com')), [
            [1, 'quay.io/coreos/etcd:v3.5'],
            [2, 'ghcr.io/x/cache:1'],
        ]);
    });
    it('answers to DL3026', () => {
        assert.deepEqual(hits(ID, '# hadolint ignore=DL3026\nFROM x.io/a:1\n', trusted('y.io')), []);
    });
});
