import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { REPO_ROOT, extension, openDockerfile, waitFor, workspaceFile } from './helpers';

suite('activation', () => {
    test('the fixture workspace holds the study guide examples unchanged', () => {
        for (const which of ['bad', 'good']) {
            const study = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'examples', which, 'Dockerfile'));
            const copy = fs.readFileSync(workspaceFile(which, 'Dockerfile').fsPath);
            assert.ok(copy.equals(study), `test/vscode/workspace/${which}/Dockerfile is the study guide's`);
        }
    });

    test('activates when a Dockerfile opens, and its language server starts', async () => {
        const ext = extension();
        // Nothing Dockerfile-related is open yet: `onLanguage:dockerfile` has not fired.
        assert.equal(ext.isActive, false, 'not active before a Dockerfile opens');
        await openDockerfile(workspaceFile('good', 'Dockerfile'));
        await waitFor('the extension to activate', () => (ext.isActive ? true : undefined));
        assert.equal(
            typeof ext.exports?.languageClientReady?.then,
            'function',
            'the test API exposes languageClientReady',
        );
        await ext.exports.languageClientReady;
        assert.equal(vscode.version.split('.').length, 3);
    });
});
