// Workspace trust: a cloned repository cannot redirect the engine connection, choose a program to run, or
// build without asking. The manifest side (scopes, restricted settings, the capability text) and the code side
// (the explorer reads only the user's host setting when untrusted, through a `vscode` stand-in).
import { installVscodeStub } from '../support/vscodeStub';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { dockerHostSetting } from '../../client/src/explorer';

const ROOT = path.resolve(__dirname, '..', '..', '..');
interface Setting {
    type?: string;
    scope?: string;
}
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    capabilities: {
        untrustedWorkspaces: { supported: string; description: string; restrictedConfigurations: string[] };
    };
    contributes: { configuration: { properties: Record<string, Setting> }[] };
};
const settings: Record<string, Setting> = Object.assign(
    {},
    ...manifest.contributes.configuration.map((c) => c.properties),
);

describe('security: workspace trust', () => {
    it('settings that pick an engine or a program are machine-scoped and restricted', () => {
        const trust = manifest.capabilities.untrustedWorkspaces;
        assert.equal(trust.supported, 'limited');
        // Anything naming a host, a path to a binary, a command or an executable would let a workspace choose.
        const sensitive = Object.keys(settings).filter((k) => /\.(host|path|command|executable)$/i.test(k));
        assert.deepEqual(sensitive.sort(), ['dockwise.docker.host', 'dockwise.shellcheck.path']);
        for (const key of sensitive) {
            assert.equal(settings[key]?.scope, 'machine', `${key} must be machine-scoped`);
            assert.ok(trust.restrictedConfigurations.includes(key), `${key} must be a restricted configuration`);
        }
    });

    it('the capability text says what an untrusted workspace loses', () => {
        const text = manifest.capabilities.untrustedWorkspaces.description;
        assert.match(text, /Docker engine connection/);
        assert.match(text, /ShellCheck binary/);
        assert.match(text, /Build Image asks/);
    });

    it('untrusted: the explorer uses only the user-level dockwise.docker.host, never the workspace one', () => {
        const stub = installVscodeStub();
        stub.settings.set('dockwise.docker.host', {
            globalValue: 'unix:///run/user.sock',
            workspaceValue: 'tcp://attacker.example:2375',
        });
        try {
            stub.workspace.isTrusted = true;
            assert.equal(dockerHostSetting(), 'tcp://attacker.example:2375', 'a trusted workspace may choose');
            stub.workspace.isTrusted = false;
            assert.equal(dockerHostSetting(), 'unix:///run/user.sock');
            stub.settings.set('dockwise.docker.host', { workspaceValue: 'tcp://attacker.example:2375' });
            assert.equal(dockerHostSetting(), undefined, 'no user value: DOCKER_HOST/context/default, not the repo');
        } finally {
            stub.workspace.isTrusted = true;
            stub.settings.clear();
        }
    });
});
