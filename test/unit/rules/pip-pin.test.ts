import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'pip-pin';

describe(ID, () => {
    it("flags hadolint's bad example and accepts its good one", () => {
        assert.deepEqual(hits(ID, 'FROM python:3.12\nRUN pip install django\n'), [[1, 'django']]);
        assert.deepEqual(hits(ID, 'FROM python:3.12\nRUN pip install django==1.9\n'), []);
        assert.equal(findings(ID, 'FROM python:3.12\nRUN pip install django\n')[0]!.severity, 'warning');
    });
    it('accepts specifiers, requirement files, local and VCS sources with a ref', () => {
        for (const run of [
            'pip install "django>=4.2,<5" flask~=3.0 numpy!=1.0 x===1 "uvicorn[standard]==0.30.6"',
            'pip install -r requirements.txt',
            'pip install --requirement=requirements.txt gunicorn',
            'pip install -c constraints.txt gunicorn',
            'pip install .',
            'pip install -e . && pip install --editable ./lib',
            'pip install ./dist/app-1.0-py3-none-any.whl /tmp/x.tar.gz',
            'pip install git+https://github.com/x/y.git@v1.2',
            'pip install --no-index --find-links /wheels app',
            'pip install -i https://pypi.example.com/simple --trusted-host pypi.example.com x==1',
            'pip install "app @ https://example.com/app.whl"',
            'pip install $PACKAGES',
        ]) {
            assert.deepEqual(hits(ID, `FROM python:3.12\nRUN ${run}\n`), [], run);
        }
    });
    it('flags an unpinned VCS URL, pip upgrades, and every pip front end', () => {
        const text = [
            'FROM python:3.12',
            'RUN pip install git+https://github.com/x/y.git && pip3 install --upgrade pip',
            'RUN python3 -m pip install requests && uv pip install --system httpx && pipx install black',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), [
            [1, 'git+https://github.com/x/y.git'],
            [1, 'pip'],
            [2, 'requests'],
            [2, 'httpx'],
            [2, 'black'],
        ]);
    });
    it('checks sh -c, heredocs and ONBUILD, with CRLF and the escape directive', () => {
        const text = [
            '# escape=`',
            'FROM python:3.12',
            `RUN sh -c 'pip install flask'`,
            'ONBUILD RUN pip install `',
            '    celery',
            'RUN <<EOF',
            'pip install redis',
            'EOF',
            '',
        ].join('\n');
        const want: [number, string][] = [
            [2, 'flask'],
            [4, 'celery'],
            [6, 'redis'],
        ];
        assert.deepEqual(hits(ID, text), want);
        assert.deepEqual(hits(ID, crlf(text)), want);
    });
    it('answers to DL3013', () => {
        assert.deepEqual(hits(ID, 'FROM python:3.12\n# hadolint ignore=DL3013\nRUN pip install django\n'), []);
    });
});
