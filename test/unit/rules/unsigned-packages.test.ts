import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint } from '../fixHelpers';
import { hits } from '../helpers';

const ID = 'unsigned-packages';

describe(ID, () => {
    it('flags each manager’s switch that skips signature checks, on the switch', () => {
        const text = [
            'FROM debian:12-slim',
            'RUN apt-get install -y --allow-unauthenticated tool=1.0',
            'RUN dnf install -y --nogpgcheck tool-1.0 && microdnf install -y --setopt=gpgcheck=0 x-1',
            'RUN rpm -i --nosignature ./tool.rpm && apk add --allow-untrusted ./tool.apk',
            "ONBUILD RUN sh -c 'zypper --no-gpg-checks -n install tool=1.0'",
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), [
            [1, '--allow-unauthenticated'],
            [2, '--nogpgcheck'],
            [2, '--setopt=gpgcheck=0'],
            [3, '--nosignature'],
            [3, '--allow-untrusted'],
            [4, '--no-gpg-checks'],
        ]);
    });
    it('leaves checked installs alone', () => {
        assert.deepEqual(hits(ID, 'FROM fedora:41\nRUN dnf install -y --setopt=gpgcheck=1 tool-1.0\n'), []);
        assert.deepEqual(hits(ID, 'FROM alpine:3.21\nRUN apk add --no-cache tool=1.0-r0\n'), []);
        assert.deepEqual(hits(ID, 'FROM debian:12-slim\nRUN echo --allow-unauthenticated\n'), []);
    });
    it('removes the switch, and nothing new is reported after the fix', () => {
        assert.equal(
            fixAndRelint(ID, 'FROM alpine:3.21\nRUN apk add --no-cache --allow-untrusted ./tool.apk\n'),
            'FROM alpine:3.21\nRUN apk add --no-cache ./tool.apk\n',
        );
    });
    it('removes `-o` together with the apt option it sets, so the command stays whole', () => {
        assert.equal(
            fixAndRelint(
                ID,
                'FROM debian:12-slim\nRUN apt-get -o APT::Get::AllowUnauthenticated=true install -y tool=1.0\n',
            ),
            'FROM debian:12-slim\nRUN apt-get install -y tool=1.0\n',
        );
    });
    it('honours inline suppression', () => {
        assert.deepEqual(
            hits(ID, 'FROM alpine:3.21\n# dockwise ignore=unsigned-packages\nRUN apk add --allow-untrusted ./t.apk\n'),
            [],
        );
    });
});
