import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'useradd-log-init';

describe(ID, () => {
    it("flags hadolint's bad example and accepts its good one", () => {
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN useradd -u 123456 foobar\n'), [[1, 'useradd']]);
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN useradd -l -u 123456 foobar\n'), []);
        assert.equal(findings(ID, 'FROM debian:12\nRUN useradd -u 123456 foobar\n')[0]!.severity, 'warning');
    });
    it('reads every spelling of the UID and of -l', () => {
        for (const [opts, hit] of [
            ['--uid 100000', true],
            ['--uid=100000', true],
            ['-u100000', true],
            ['-mu 100000', true],
            ['-u 99999', false],
            ['-u $APP_UID', false],
            ['--no-log-init -u 100000', false],
            ['-lmu 100000', false],
            ['-g 1000000', false],
        ] as const) {
            assert.equal(hits(ID, `FROM debian:12\nRUN useradd ${opts} app\n`).length, hit ? 1 : 0, opts);
        }
    });
    it('checks sh -c, heredocs and ONBUILD, with CRLF', () => {
        const text = `FROM debian:12\nRUN sh -c 'useradd -u 200000 a'\nONBUILD RUN useradd -u 300000 b\nRUN <<EOF\nuseradd -u 400000 c\nEOF\n`;
        const want: [number, string][] = [
            [1, 'useradd'],
            [2, 'useradd'],
            [4, 'useradd'],
        ];
        assert.deepEqual(hits(ID, text), want);
        assert.deepEqual(hits(ID, crlf(text)), want);
    });
    it('adds -l after useradd', () => {
        assert.equal(
            fixAndRelint(ID, 'FROM debian:12\nRUN useradd -u 123456 foobar\n'),
            'FROM debian:12\nRUN useradd -l -u 123456 foobar\n',
        );
        assert.equal(
            fixAndRelint(
                ID,
                crlf('FROM debian:12\nRUN groupadd -g 123456 app && \\\n    useradd -u 123456 -g app app\n'),
            ),
            crlf('FROM debian:12\nRUN groupadd -g 123456 app && \\\n    useradd -l -u 123456 -g app app\n'),
        );
    });
    it('answers to DL3046', () => {
        assert.deepEqual(hits(ID, 'FROM debian:12\n# hadolint ignore=DL3046\nRUN useradd -u 123456 foobar\n'), []);
    });
});
