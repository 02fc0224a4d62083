import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/core/lint';
import { hits } from './helpers';

// Issue 16 §1, fragments: a file with instructions and no FROM (a snippet, a template, an include)
// gets from-first, and the rest of it is linted as one implicit stage, as hadolint does.

const fragment = [
    'RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8',
    'RUN pip install flask==3.0.3',
    'CMD service nginx start && tail -f /dev/null',
    '',
].join('\n');

describe('fragments: instructions without FROM', () => {
    it('report the missing FROM once', () => {
        assert.deepEqual(
            lint(fragment)
                .diagnostics.filter((d) => d.ruleId === 'from-first')
                .map((d) => d.range.start.line),
            [0],
        );
    });
    it('have their RUN lines checked for the final image’s caches', () => {
        assert.equal(hits('apt-lists-cleanup', fragment).length, 1);
        assert.deepEqual(hits('pip-no-cache-dir', fragment), [[1, 'pip install']]);
    });
    it('have their CMD read as the main process', () => {
        assert.deepEqual(hits('keep-alive-hack', fragment), [[2, 'tail -f /dev/null']]);
        assert.deepEqual(hits('daemonized-main-process', fragment), [[2, 'service nginx start']]);
    });
    it('have their ENV read as the image’s environment', () => {
        const env = 'ENV PIP_NO_CACHE_DIR=1\nRUN pip install flask==3.0.3\n';
        assert.deepEqual(hits('pip-no-cache-dir', env), []);
        assert.equal(hits('secret-in-env', 'ENV AWS_SECRET_ACCESS_KEY=abcd1234\n').length, 1);
    });
    it('a file of ARGs only is no fragment to lint', () => {
        assert.deepEqual(
            lint('ARG VERSION=1\n').diagnostics.map((d) => d.ruleId),
            lint('ARG VERSION=1\n').diagnostics.map((d) => d.ruleId),
        );
        assert.deepEqual(hits('keep-alive-hack', 'ARG X=1\n'), []);
    });
});
