// The Engines view rows and the dockwise.engines setting's trust rule.
import { installVscodeStub } from '../../support/vscodeStub';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EngineEntry } from '../../../client/src/engine/discovery';
import { EngineError } from '../../../client/src/engine/types';
import { userEnginesSetting } from '../../../client/src/engines/engineChoice';
import { engineRow, probeSummary } from '../../../client/src/engines/engineModel';

const stub = installVscodeStub();

const lab: EngineEntry = {
    id: 'context:lab',
    name: 'lab',
    origin: 'context',
    cliCurrent: true,
    connection: {
        source: 'context',
        host: 'tcp://127.0.0.1:2376',
        scheme: 'tcp',
        tls: { verify: true },
        contextName: 'lab',
        description: 'context "lab"',
    },
};

describe('Engines view rows', () => {
    it('say kind, version and running count, or why the engine does not answer', () => {
        const up = { state: 'reachable', kind: 'podman', version: '4.3.1', apiVersion: '1.41', running: 2 } as const;
        assert.equal(probeSummary(up), 'Podman 4.3.1 · 2 running');
        assert.equal(probeSummary(undefined), 'checking…');
        const row = engineRow(lab, up, true);
        assert.equal(row.description, 'Podman 4.3.1 · 2 running · in use · CLI default');
        assert.match(row.tooltip, /Docker context/);
        assert.match(row.tooltip, /tcp:\/\/127\.0\.0\.1:2376.*\(TLS\)/);
        assert.equal(row.iconId, 'pass-filled');
        const error = new EngineError('tlsFailure', 'The certificate was refused.', 'Check ca.pem.');
        const down = engineRow(lab, { state: 'unreachable', error }, false);
        assert.equal(down.description, 'unreachable (tlsFailure) · CLI default');
        assert.match(down.tooltip, /The certificate was refused\.\n\nCheck ca\.pem\./);
        assert.equal(down.iconId, 'debug-disconnect');
    });
});

describe('security: dockwise.engines', () => {
    it('is read from user settings only, trusted workspace or not', () => {
        const mine = [{ name: 'lab', host: 'tcp://127.0.0.1:2376' }];
        stub.settings.set('dockwise.engines', {
            globalValue: mine,
            workspaceValue: [{ name: 'evil', host: 'tcp://attacker.example:2375' }],
        });
        try {
            for (const trusted of [true, false]) {
                stub.workspace.isTrusted = trusted;
                assert.deepEqual(userEnginesSetting(), mine);
            }
            stub.settings.set('dockwise.engines', { workspaceValue: [{ name: 'evil', host: 'tcp://x:1' }] });
            assert.deepEqual(userEnginesSetting(), []);
        } finally {
            stub.workspace.isTrusted = true;
            stub.settings.clear();
        }
    });
});
