import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'update-without-install';

describe(ID, () => {
    it("flags Trivy's bad example and accepts its good one", () => {
        assert.deepEqual(hits(ID, 'FROM ubuntu:18.04\nRUN apt-get update\nRUN apt-get install -y curl\n'), [
            [1, 'apt-get update'],
        ]);
        assert.deepEqual(hits(ID, 'FROM ubuntu:18.04\nRUN apt-get update && apt-get install -y curl\n'), []);
        assert.equal(findings(ID, 'FROM ubuntu:18.04\nRUN apt-get update\n')[0]!.severity, 'warning');
    });
    it('knows the refresh commands of apt, apk, zypper, dnf and yum', () => {
        const text = [
            'FROM alpine:3.20',
            'RUN apk update',
            'RUN zypper --non-interactive refresh',
            'RUN dnf makecache && yum -q makecache',
            'RUN apt update -qq',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), [
            [1, 'apk update'],
            [2, 'zypper --non-interactive refresh'],
            [3, 'dnf makecache'],
            [4, 'apt update'],
        ]);
    });
    it('accepts repository set-up around the update, but not an install', () => {
        const setup = [
            'FROM debian:12',
            `RUN curl -fsSL https://x/key.gpg | gpg --dearmor -o /etc/apt/keyrings/x.gpg && echo 'deb https://x stable main' > /etc/apt/sources.list.d/x.list && apt-get update`,
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, setup), [[1, 'apt-get update']]);
        for (const run of [
            'apt-get update && apt-get upgrade -y',
            'apt-get update && apt-cache policy curl',
            'apt-get update && ./install-deps.sh',
            'apk update && apk add --no-cache curl=8.9.1-r2',
            'apt-get update; DEBIAN_FRONTEND=noninteractive apt-get install -y x',
        ]) {
            assert.deepEqual(hits(ID, `FROM debian:12\nRUN ${run}\n`), [], run);
        }
    });
    it('looks inside sh -c and ONBUILD', () => {
        assert.deepEqual(hits(ID, `FROM debian:12\nRUN sh -c 'apt-get update'\n`), [[1, 'apt-get update']]);
        assert.deepEqual(hits(ID, 'FROM debian:12\nONBUILD RUN apt-get update\n'), [[1, 'apt-get update']]);
    });
    it('merges the update into the next RUN when that one installs', () => {
        assert.equal(
            fixAndRelint(ID, 'FROM ubuntu:18.04\nRUN apt-get update\nRUN apt-get install -y curl\n'),
            'FROM ubuntu:18.04\nRUN apt-get update && \\\n    apt-get install -y curl\n',
        );
        assert.equal(
            fixAndRelint(
                ID,
                crlf('# escape=`\nFROM alpine:3.20\nRUN apk update\n\nRUN apk add curl=8.9.1-r2 `\n    jq=1.7.1-r0\n'),
            ),
            crlf('# escape=`\nFROM alpine:3.20\nRUN apk update && `\n    apk add curl=8.9.1-r2 `\n    jq=1.7.1-r0\n'),
        );
    });
    it('offers no merge when it could change what runs', () => {
        for (const text of [
            'FROM debian:12\nRUN apt-get update\nRUN echo hi\n',
            'FROM debian:12\nRUN apt-get update\n# install\nRUN apt-get install -y x\n',
            'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y x || true\n',
            'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y x; echo done\n',
            'FROM debian:12\nRUN apt-get update\nRUN --mount=type=cache,target=/var/cache/apt apt-get install -y x\n',
            'FROM debian:12\nRUN apt-get update\nRUN <<EOF\napt-get install -y x\nEOF\n',
            'FROM debian:12\nRUN apt-get update\nRUN ["apt-get", "install", "-y", "x"]\n',
            'FROM debian:12\nRUN cd /tmp && apt-get update\nRUN apt-get install -y x\n',
        ]) {
            const [d] = findings(ID, text);
            assert.ok(d, text);
            assert.deepEqual(d.fixes, [], text);
        }
    });
    it('answers to DS-0017', () => {
        assert.deepEqual(hits(ID, 'FROM debian:12\n# dockwise ignore=DS-0017\nRUN apt-get update\n'), []);
    });
});
