import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'dnf-yes';

describe(ID, () => {
    it("flags hadolint's bad example and accepts its good one", () => {
        assert.deepEqual(hits(ID, 'FROM fedora:41\nRUN dnf install httpd-2.4.46 && dnf clean all\n'), [
            [1, 'dnf install'],
        ]);
        assert.deepEqual(hits(ID, 'FROM fedora:41\nRUN dnf install -y httpd-2.4.46 && dnf clean all\n'), []);
        assert.equal(findings(ID, 'FROM fedora:41\nRUN dnf install x-1\n')[0]!.severity, 'warning');
    });
    it('checks microdnf too: on EL9 images it asks for confirmation like dnf', () => {
        const text = 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install x-1\n';
        assert.deepEqual(hits(ID, text), [[1, 'microdnf install']]);
        assert.deepEqual(
            hits(ID, 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y x-1\n'),
            [],
        );
    });
    it('knows the short sub-command names: dnf in, rm, up', () => {
        assert.deepEqual(hits(ID, 'FROM fedora:41\nRUN dnf in x-1 && dnf rm y && dnf up\n'), [
            [1, 'dnf in'],
            [1, 'dnf rm'],
            [1, 'dnf up'],
        ]);
    });
    it('checks dnf5, groups and modules, sh -c and ONBUILD', () => {
        const text = [
            'FROM fedora:41',
            'RUN dnf5 upgrade && dnf group install "C Development Tools" && dnf module enable nodejs:20',
            `ONBUILD RUN bash -c 'dnf remove x'`,
            'RUN dnf -y install x-1 && dnf --assumeyes autoremove && dnf makecache && dnf clean all',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), [
            [1, 'dnf5 upgrade'],
            [1, 'dnf group'],
            [1, 'dnf module'],
            [2, 'dnf remove'],
        ]);
    });
    it('adds -y after dnf', () => {
        assert.equal(
            fixAndRelint(ID, crlf('FROM fedora:41\nRUN dnf install httpd-2.4.46 && dnf clean all\n')),
            crlf('FROM fedora:41\nRUN dnf -y install httpd-2.4.46 && dnf clean all\n'),
        );
    });
    it('answers to DL3038', () => {
        assert.deepEqual(hits(ID, 'FROM fedora:41\n# hadolint ignore=DL3038\nRUN dnf install x-1\n'), []);
    });
});
