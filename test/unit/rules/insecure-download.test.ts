import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint } from '../fixHelpers';
import { findings, hits } from '../helpers';

const ID = 'insecure-download';

describe(ID, () => {
    it('flags curl -k, --insecure, a bundled k and wget --no-check-certificate, on the switch', () => {
        const text = [
            'FROM debian:12-slim',
            'RUN curl -k https://a.example/x -o /x && curl --insecure -O https://b.example/y',
            'RUN curl -fsSLk https://c.example/z | tar -xz',
            "ONBUILD RUN sh -c 'wget --no-check-certificate https://d.example/w'",
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), [
            [1, '-k'],
            [1, '--insecure'],
            [2, '-fsSLk'],
            [3, '--no-check-certificate'],
        ]);
    });
    it('leaves checked downloads alone, and a k that is the value of another switch', () => {
        assert.deepEqual(hits(ID, 'FROM debian:12-slim\nRUN curl -fsSL https://a.example/x | sh\n'), []);
        assert.deepEqual(hits(ID, 'FROM debian:12-slim\nRUN curl -ok https://a.example/x\n'), []);
        assert.deepEqual(hits(ID, 'FROM debian:12-slim\nRUN wget -q https://a.example/x\n'), []);
    });
    it('removes the switch, and nothing else is reported after the fix', () => {
        assert.equal(
            fixAndRelint(ID, 'FROM debian:12-slim\nRUN curl -fsSLk -o /x https://a.example/x\n'),
            'FROM debian:12-slim\nRUN curl -fsSL -o /x https://a.example/x\n',
        );
        assert.equal(
            fixAndRelint(ID, 'FROM debian:12-slim\nRUN wget --no-check-certificate -q https://a.example/x\n'),
            'FROM debian:12-slim\nRUN wget -q https://a.example/x\n',
        );
    });
    it('names what the switch does in its message', () => {
        const [d] = findings(ID, 'FROM debian:12-slim\nRUN curl --insecure https://a.example/x\n');
        assert.match(d!.message, /turns off the certificate check/);
    });
    it('honours inline suppression', () => {
        assert.deepEqual(
            hits(ID, 'FROM debian:12-slim\n# dockwise ignore=insecure-download\nRUN curl -k https://a.example/x\n'),
            [],
        );
    });
});
