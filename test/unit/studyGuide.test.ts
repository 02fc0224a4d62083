import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { hits } from './helpers';

/**
 * The container study guide's bad example (the WordPress stack in one image) and the same app
 * split correctly. One `it` per practice: each states which rules fire on which line (1-based, as
 * an editor shows it) of the bad file, and that the good file is clean for them.
 */
const root = path.resolve(__dirname, '..', '..', '..');
const bad = readFileSync(path.join(root, 'test', 'fixtures', 'examples', 'bad', 'Dockerfile'), 'utf8');
const good = readFileSync(path.join(root, 'test', 'fixtures', 'examples', 'good', 'Dockerfile'), 'utf8');

/** Findings of a rule as [1-based line, covered text]. */
function at(ruleId: string, text: string): [number, string][] {
    return hits(ruleId, text).map(([line, covered]) => [line + 1, covered]);
}

function clean(ruleIds: string[]): void {
    for (const id of ruleIds) {
        assert.deepEqual(at(id, good), [], `${id} on the good example`);
    }
}

describe('study guide example', () => {
    it('practice 1: one process per container', () => {
        assert.deepEqual(at('multiple-services', bad), [[27, 'service apache2 start']]);
        assert.deepEqual(at('database-and-web-server', bad), [[11, 'mysql-server']]);
        assert.deepEqual(at('process-supervisor', bad), []);
        clean(['multiple-services', 'database-and-web-server', 'process-supervisor']);
    });
    it('practice 2: make the ports clear with EXPOSE', () => {
        assert.deepEqual(at('expose-missing', bad), [[27, 'apache2']]);
        assert.deepEqual(at('expose-invalid', bad), []);
        clean(['expose-missing', 'expose-invalid', 'expose-proto-casing']);
    });
    it('practice 3: make persistent data clear with VOLUME', () => {
        assert.deepEqual(at('volume-missing', bad), [[27, 'mysql']]);
        clean(['volume-missing', 'volume-json-single-quotes']);
    });
    it('practice 4: configuration through environment variables, no secrets baked in', () => {
        assert.deepEqual(at('secret-in-env', bad), [
            [6, 'MYSQL_ROOT_PASSWORD'],
            [7, 'WORDPRESS_DB_PASSWORD'],
        ]);
        assert.deepEqual(at('secret-in-run', bad), []);
        clean(['secret-in-env', 'secret-in-run']);
    });
    it('practice 5: logs to stdout and stderr', () => {
        assert.deepEqual(at('service-logs-to-file', bad), [
            [10, 'apache2'],
            [11, 'mysql-server'],
        ]);
        assert.deepEqual(at('log-to-file', bad), [
            [23, 'ErrorLog /var/log/apache2/wordpress-error.log'],
            [24, 'CustomLog /var/log/apache2/wordpress-access.log'],
            [25, 'general_log_file = /var/log/mysql/mysql.log'],
        ]);
        clean(['service-logs-to-file', 'log-to-file']);
    });
    it('practice 6: the main program in the foreground as PID 1', () => {
        assert.deepEqual(at('daemonized-main-process', bad), [
            [27, 'service mysql start'],
            [27, 'service apache2 start'],
        ]);
        assert.deepEqual(at('keep-alive-hack', bad), [[27, 'tail -f /dev/null']]);
        assert.deepEqual(at('cmd-exec-form', bad), [
            [27, 'service mysql start && service apache2 start && tail -f /dev/null'],
        ]);
        clean(['daemonized-main-process', 'keep-alive-hack', 'cmd-exec-form']);
    });
});
