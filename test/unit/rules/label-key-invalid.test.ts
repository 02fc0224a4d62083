import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'label-key-invalid';

describe(ID, () => {
    it('flags keys against Docker’s guidelines (hadolint DL3048 examples)', () => {
        const text = [
            'FROM a',
            'LABEL com.docker.x=1 io.docker.y=2 org.dockerproject.z=3',
            'LABEL Version=1 1abc=2 abc-=3 a..b=4 a--b=5 a_b=6',
            '',
        ].join('\n');
        assert.deepEqual(
            hits(ID, crlf(text)).map(([l, t]) => `${l}:${t}`),
            [
                '1:com.docker.x',
                '1:io.docker.y',
                '1:org.dockerproject.z',
                '2:Version',
                '2:1abc',
                '2:abc-',
                '2:a..b',
                '2:a--b',
                '2:a_b',
            ],
        );
        assert.equal(findings(ID, 'FROM a\nLABEL A=1\n')[0]!.severity, 'hint');
    });
    it('accepts good keys and variable keys', () => {
        assert.deepEqual(
            hits(ID, 'FROM a\nLABEL org.opencontainers.image.title=x com.example.v2=y "quoted.key"=z $KEY=v\n'),
            [],
        );
    });
});
