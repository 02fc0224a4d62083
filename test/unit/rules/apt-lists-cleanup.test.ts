import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'apt-lists-cleanup';

describe(ID, () => {
    it("flags hadolint's bad example and accepts its good one", () => {
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN apt-get update && apt-get install -y python\n'), [
            [1, 'apt-get update'],
        ]);
        assert.deepEqual(
            hits(
                ID,
                'FROM debian:12\nRUN apt-get update && apt-get install -y python && apt-get clean && rm -rf /var/lib/apt/lists/*\n',
            ),
            [],
        );
        assert.equal(findings(ID, 'FROM debian:12\nRUN apt-get update\n')[0]!.severity, 'info');
    });
    it('accepts other clean-ups and cache mounts', () => {
        for (const run of [
            'apt-get update && apt-get install -y x && rm -fr /var/lib/apt/lists',
            'apt-get update && apt-get install -y x && rm -r -f /var/lib/apt/lists/partial /var/lib/apt/lists/*',
            'apt-get update && apt-get install -y x && find /var/lib/apt/lists -type f -delete',
            'apt-get update && apt-get install -y x && apt-get distclean',
            '--mount=type=cache,target=/var/lib/apt/lists,sharing=locked apt-get update && apt-get install -y x',
            '--mount=type=cache,target=/var/lib/apt --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y x',
        ]) {
            assert.deepEqual(hits(ID, `FROM debian:12\nRUN ${run}\n`), [], run);
        }
    });
    it('only looks at the stages that make the final image', () => {
        const text = [
            'FROM debian:12 AS build',
            'RUN apt-get update && apt-get install -y gcc',
            'FROM debian:12 AS base',
            'RUN apt-get update && apt-get install -y curl',
            'FROM base',
            'COPY --from=build /out /out',
            'ONBUILD RUN apt-get update && apt-get install -y git',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), [
            [3, 'apt-get update'],
            [6, 'apt-get update'],
        ]);
    });
    it('reports one finding per RUN, inside sh -c and with apt too', () => {
        assert.deepEqual(hits(ID, 'FROM debian:12\nRUN apt update && apt-get update && apt install -y x\n'), [
            [1, 'apt update'],
        ]);
        assert.deepEqual(hits(ID, `FROM debian:12\nRUN sh -c 'apt-get update && apt-get install -y x'\n`), [
            [1, 'apt-get update'],
        ]);
    });
    it('appends the clean-up to a RUN that installs, keeping CRLF and the escape character', () => {
        assert.equal(
            fixAndRelint(ID, 'FROM debian:12\nRUN apt-get update && apt-get install -y python\n'),
            'FROM debian:12\nRUN apt-get update && apt-get install -y python && rm -rf /var/lib/apt/lists/*\n',
        );
        assert.equal(
            fixAndRelint(
                ID,
                crlf('# escape=`\nFROM debian:12\nRUN apt-get update `\n  && apt-get install -y x\n\nCMD ["x"]\n'),
            ),
            crlf(
                '# escape=`\nFROM debian:12\nRUN apt-get update `\n  && apt-get install -y x && rm -rf /var/lib/apt/lists/*\n\nCMD ["x"]\n',
            ),
        );
        assert.equal(
            fixAndRelint(ID, `FROM debian:12\nONBUILD RUN sh -c 'apt-get update && apt-get install -y x'\n`),
            `FROM debian:12\nONBUILD RUN sh -c 'apt-get update && apt-get install -y x' && rm -rf /var/lib/apt/lists/*\n`,
        );
    });
    it('adds a last line to a heredoc script', () => {
        assert.equal(
            fixAndRelint(ID, crlf('FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y x\nEOF\n')),
            crlf('FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y x\nrm -rf /var/lib/apt/lists/*\nEOF\n'),
        );
    });
    it('offers no fix where appending is unsafe or pointless', () => {
        for (const text of [
            'FROM debian:12\nRUN apt-get update\n',
            'FROM debian:12\nRUN apt-get update && apt-get install -y x &\n',
            'FROM debian:12\nRUN (apt-get update && apt-get install -y x)\n',
            'FROM debian:12\nRUN if true; then apt-get update && apt-get install -y x; fi\n',
            'FROM debian:12\nRUN apt-get update && apt-get install -y x # comment\n',
            'FROM debian:12\nRUN ["sh", "-c", "apt-get update && apt-get install -y x"]\n',
        ]) {
            const [d] = findings(ID, text);
            assert.ok(d, text);
            assert.deepEqual(d.fixes, [], text);
        }
    });
    it('answers to DL3009', () => {
        assert.deepEqual(hits(ID, 'FROM debian:12\n# hadolint ignore=DL3009\nRUN apt-get update\n'), []);
    });
});
