import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndRelint } from '../fixHelpers';
import { crlf, findings, hits } from '../helpers';

const ID = 'pip-no-cache-dir';

describe(ID, () => {
    it("flags hadolint's bad example and accepts its good ones", () => {
        assert.deepEqual(hits(ID, 'FROM python:3.12\nRUN pip install django==1.9\n'), [[1, 'pip install']]);
        assert.deepEqual(hits(ID, 'FROM python:3.12\nRUN pip install --no-cache-dir django==1.9\n'), []);
        assert.deepEqual(hits(ID, 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install django==1.9\n'), []);
        assert.equal(findings(ID, 'FROM python:3.12\nRUN pip install x==1\n')[0]!.severity, 'warning');
    });
    it('accepts PIP_NO_CACHE_DIR from ARG, a parent stage or the command, --cache-dir and cache mounts', () => {
        for (const text of [
            'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=off\nFROM base\nRUN pip install x==1\n',
            'FROM python:3.12\nARG PIP_NO_CACHE_DIR=1\nRUN pip install x==1\n',
            'FROM python:3.12\nRUN PIP_NO_CACHE_DIR=1 pip install x==1\n',
            'FROM python:3.12\nRUN pip install --cache-dir /tmp/pip x==1\n',
            'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install x==1\n',
            'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache pip install x==1\n',
            'FROM python:3.12\nRUN pipx install black==24.8.0 && pipenv install\n',
        ]) {
            assert.deepEqual(hits(ID, text), [], text);
        }
    });
    it('only looks at the stages that make the final image, with every pip spelling', () => {
        const text = [
            'FROM python:3.12 AS wheels',
            'RUN pip wheel -w /wheels -r requirements.txt && pip install build==1.2.2',
            'FROM python:3.12-slim',
            'RUN python -m pip install -r requirements.txt && pip3.12 install x==1',
            `ONBUILD RUN sh -c "pip install y==1"`,
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), [
            [3, 'python -m pip install'],
            [3, 'pip3.12 install'],
            [4, 'pip install'],
        ]);
    });
    it('adds --no-cache-dir after install', () => {
        assert.equal(
            fixAndRelint(ID, 'FROM python:3.12\nRUN pip install django==1.9\n'),
            'FROM python:3.12\nRUN pip install --no-cache-dir django==1.9\n',
        );
        assert.equal(
            fixAndRelint(ID, crlf('FROM python:3.12\nRUN python3 -m pip install \\\n    -r requirements.txt\n')),
            crlf('FROM python:3.12\nRUN python3 -m pip install --no-cache-dir \\\n    -r requirements.txt\n'),
        );
    });
    it('answers to DL3042', () => {
        assert.deepEqual(hits(ID, 'FROM python:3.12\n# hadolint ignore=DL3042\nRUN pip install x==1\n'), []);
    });
});
