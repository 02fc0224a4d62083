// The pure pieces of the server and client, without a process: settings, ignore comments, edit
// overlap, image-tag detection, the tag-completion back-off and the restart budget.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { RestartBudget } from '../../client/src/restartBudget';
import { ignoreEdit, overlaps } from '../../server/src/features/codeActions';
import { inImageTag, TAG_COMPLETION_BACKOFF_MS, TagCompletionState } from '../../server/src/features/completion';
import { SettingsStore } from '../../server/src/features/settingsStore';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../server/src/shared/settings';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const doc = (text: string) => TextDocument.create('file:///Dockerfile', 'dockerfile', 1, text);
const range = (l1: number, c1: number, l2: number, c2: number) => ({
    start: { line: l1, character: c1 },
    end: { line: l2, character: c2 },
});

describe('settings', () => {
    it('takes valid values and replaces wrong ones by defaults', () => {
        assert.deepEqual(normalizeSettings(undefined), DEFAULT_SETTINGS);
        assert.deepEqual(normalizeSettings('junk'), DEFAULT_SETTINGS);
        const s = normalizeSettings({
            rules: { 'keep-alive-hack': 'off', DL3008: 'error', bogus: 'loud', num: 3 },
            lint: { debounceMs: 99_999, inlineSuppressions: 'yes' },
            completion: { imageTags: false },
            format: { ignoreMultilineInstructions: true },
        });
        assert.deepEqual(s.rules, { 'keep-alive-hack': 'off', DL3008: 'error' });
        assert.equal(s.lint.debounceMs, 5000);
        assert.equal(s.lint.inlineSuppressions, true);
        assert.equal(s.completion.imageTags, false);
        assert.equal(s.format.ignoreMultilineInstructions, true);
        assert.equal(normalizeSettings({ lint: { debounceMs: -4 } }).lint.debounceMs, 0);
        assert.equal(normalizeSettings({ lint: { debounceMs: Number.NaN } }).lint.debounceMs, 150);
    });

    it('caches per document, forgets on a configuration change, and never keeps a stale answer', async () => {
        let answer: unknown = { lint: { debounceMs: 0 } };
        let asked = 0;
        const release: (() => void)[] = [];
        const store = new SettingsStore(
            () =>
                new Promise((resolve) => {
                    asked++;
                    const value = answer;
                    release.push(() => resolve(value));
                }),
            quiet,
        );
        const first = store.get('file:///a');
        assert.equal(store.get('file:///a'), first, 'one request per document');
        release.shift()!();
        assert.equal((await first).lint.debounceMs, 0);
        assert.equal(store.peek('file:///a')?.lint.debounceMs, 0);
        // A fetch in flight when the configuration changes must not fill the new cache.
        store.forget('file:///a');
        const inFlight = store.get('file:///a');
        store.reset(null);
        answer = { lint: { debounceMs: 42 } };
        release.shift()!();
        await inFlight;
        assert.equal(store.peek('file:///a'), undefined);
        const fresh = store.get('file:///a');
        release.shift()!();
        assert.equal((await fresh).lint.debounceMs, 42);
        assert.equal(asked, 3);
    });

    it('uses the pushed settings for clients without workspace/configuration', async () => {
        const store = new SettingsStore(undefined, quiet);
        assert.deepEqual(await store.get('file:///a'), DEFAULT_SETTINGS);
        store.reset({ dockwise: { rules: { 'keep-alive-hack': 'off' } } });
        assert.deepEqual((await store.get('file:///a')).rules, { 'keep-alive-hack': 'off' });
        assert.deepEqual(store.peek('file:///b')?.rules, { 'keep-alive-hack': 'off' });
    });

    it('falls back to the defaults when the client fails to answer', async () => {
        const store = new SettingsStore(() => Promise.reject(new Error('no')), quiet);
        assert.deepEqual(await store.get('file:///a'), DEFAULT_SETTINGS);
    });
});

describe('ignore comments', () => {
    it('inserts above the instruction with its indentation', () => {
        assert.deepEqual(ignoreEdit(doc('FROM a\n  RUN x\n'), 1, 'r1'), {
            range: range(1, 0, 1, 0),
            newText: '  # dockwise ignore=r1\n',
        });
    });

    it('merges into a `# dockwise ignore=` line of the comment block above, once', () => {
        const text = 'FROM a\n# dockwise ignore=r1,r2  some reason\n# note\nRUN x\n';
        assert.deepEqual(ignoreEdit(doc(text), 3, 'r3'), { range: range(1, 23, 1, 23), newText: ',r3' });
        assert.equal(ignoreEdit(doc(text), 3, 'R2'), undefined);
        // A blank line ends the block: the comment above it is not the instruction's.
        assert.equal(ignoreEdit(doc('# dockwise ignore=r1\n\nRUN x\n'), 2, 'r9')?.newText, '# dockwise ignore=r9\n');
    });

    it('keeps the line endings of the file', () => {
        assert.equal(ignoreEdit(doc('FROM a\r\nRUN x\r\n'), 1, 'r')?.newText, '# dockwise ignore=r\r\n');
        assert.equal(ignoreEdit(doc('FROM a\rRUN x\r'), 1, 'r')?.newText, '# dockwise ignore=r\r');
    });
});

describe('edit overlap (fix all)', () => {
    it('treats shared text and insertions at one place as overlapping, touching ranges as not', () => {
        assert.ok(overlaps(range(0, 0, 0, 5), range(0, 4, 0, 8)));
        assert.ok(overlaps(range(0, 3, 0, 3), range(0, 3, 0, 3)));
        assert.ok(overlaps(range(0, 0, 2, 0), range(1, 0, 1, 1)));
        assert.ok(!overlaps(range(0, 0, 0, 5), range(0, 5, 0, 8)));
        assert.ok(!overlaps(range(0, 0, 0, 1), range(1, 0, 1, 1)));
    });
});

describe('image tag completion', () => {
    it('knows when the cursor is in a FROM image tag', () => {
        const text = 'FROM node:20-alpine AS build\nRUN echo node:1\n';
        assert.ok(inImageTag(text, { line: 0, character: 'FROM node:'.length }));
        assert.ok(inImageTag(text, { line: 0, character: 'FROM node:20'.length }));
        assert.ok(!inImageTag(text, { line: 0, character: 'FROM no'.length }));
        assert.ok(!inImageTag(text, { line: 1, character: 'RUN echo node:'.length }));
        assert.ok(!inImageTag('', { line: 0, character: 0 }));
    });

    it('stays offline for a while after Docker Hub timed out', () => {
        let now = 1_000;
        const state = new TagCompletionState(() => now);
        assert.ok(!state.offline);
        state.timedOut();
        assert.ok(state.offline);
        now += TAG_COMPLETION_BACKOFF_MS;
        assert.ok(!state.offline);
    });
});

describe('restart budget (client)', () => {
    it('allows 4 restarts in 3 minutes, then refuses until old crashes age out', () => {
        let now = 0;
        const budget = new RestartBudget(4, 180_000, () => now);
        for (let i = 0; i < 4; i++) {
            assert.ok(budget.tryRestart(), `restart ${i + 1}`);
            now += 10_000;
        }
        assert.ok(!budget.tryRestart(), 'a fifth crash within 3 minutes');
        assert.equal(budget.used, 4);
        now = 180_001;
        assert.ok(budget.tryRestart(), 'the first crash has aged out');
        budget.reset();
        assert.equal(budget.used, 0);
    });
});
