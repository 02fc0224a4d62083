import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadEngine } from '../../client/src/engineLoader';

// The engine layer loads on first use (dist/engine.js in the VSIX; the compiled module here).
describe('loadEngine', () => {
    it('loads the engine layer and its client factory', async () => {
        const engine = await loadEngine();
        assert.equal(typeof engine.createEngineClient, 'function');
        assert.equal(typeof engine.resolveConnection, 'function');
    });
});
