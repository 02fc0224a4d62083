import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'apt-no-install-recommends';

describe(ID, () => {
    it("flags hadolint's bad example and accepts its good one", () => {
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN apt-get install -y python=2.7\n'), [[1, 'apt-get install']]);
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN apt-get install -y --no-install-recommends python=2.7\n'), []);
        assert.equal(findings(ID, 'FROM debian:12\nRUN apt-get install -y x=1\n')[0]!.severity, 'info');
    });
    it('accepts the option form and configuration written by an earlier RUN', () => {
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN apt-get -o APT::Install-Recommends=false install -y x=1\n'), []);
        assert.deepEqual(
            hits(
                ID,
                `FROM debian:12\nRUN echo 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/01norecommend\nRUN apt-get install -y x=1\n`,
            ),
            [],
        );
    });
    it('only checks install, with apt too, in sh -c, ONBUILD and heredocs', () => {
        assert.deepEqual(
            hits(ID, 'FROM debian:12\nRUN apt-get update && apt-get upgrade -y && apt-get remove -y x\n'),
            [],
        );
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN apt install -y x=1\n'), [[1, 'apt install']]);
        assert.deepEqual(hits(ID, `FROM debian:12\nRUN bash -c 'apt-get install -y x=1'\n`), [[1, 'apt-get install']]);
        assert.deepEqual(hits(ID, 'FROM debian:12\nONBUILD RUN apt-get install -y x=1\n'), [[1, 'apt-get install']]);
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN <<-EOT\n\tapt-get install -y x=1\n\tEOT\n'), [
            [2, 'apt-get install'],
        ]);
    });
    it('adds --no-install-recommends after install, keeping line endings and the escape character', () => {
        assert.equal(
            fixAndRelint(ID, 'FROM debian:12\nRUN apt-get install -y python=2.7\n'),
            'FROM debian:12\nRUN apt-get install --no-install-recommends -y python=2.7\n',
        );
        const text = crlf('# escape=`\nFROM debian:12\nRUN apt-get update && apt-get install `\n    -y x=1\n');
        assert.equal(
            fixAndRelint(ID, text),
            crlf(
                '# escape=`\nFROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends `\n    -y x=1\n',
            ),
        );
    });
    it('answers to DL3015 and DS-0029', () => {
        for (const id of ['DL3015', 'DS-0029']) {
            assert.deepEqual(hits(ID, `FROM debian:12\n# hadolint ignore=${id}\nRUN apt-get install -y x=1\n`), []);
        }
    });
});
