import { isSeveritySetting } from '../core/config';
import type { SeveritySetting } from '../core/types';

/**
 * The `dockwise.*` settings the language server reads per document (package.json
 * `contributes.configuration` declares each key). Adding a setting: declare it in package.json,
 * add it here and to DEFAULT_SETTINGS, read it in `normalizeSettings`, then use it in a feature.
 */
export interface DockwiseSettings {
    rules: Record<string, SeveritySetting>;
    lint: {
        /** Milliseconds to wait after an edit before linting; 0 lints on every change. */
        debounceMs: number;
        /** Honour `# dockwise ignore=` / `# hadolint ignore=` comments. */
        inlineSuppressions: boolean;
    };
    completion: {
        /** Ask Docker Hub for tags when completing `FROM image:` (time-boxed; needs the network). */
        imageTags: boolean;
    };
    format: {
        /** Leave instructions that span several lines alone when formatting. */
        ignoreMultilineInstructions: boolean;
    };
}

export const DEFAULT_SETTINGS: DockwiseSettings = {
    rules: {},
    lint: { debounceMs: 150, inlineSuppressions: true },
    completion: { imageTags: true },
    format: { ignoreMultilineInstructions: false },
};

export const MAX_DEBOUNCE_MS = 5000;

function record(value: unknown): Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : {};
}

function bool(value: unknown, fallback: boolean): boolean {
    return typeof value === 'boolean' ? value : fallback;
}

/**
 * Settings as the client sent them (any shape: hand-edited settings.json, an old client, a
 * non-VS Code editor) turned into valid settings; what is missing or wrong takes the default.
 */
export function normalizeSettings(raw: unknown): DockwiseSettings {
    const root = record(raw);
    const rules: Record<string, SeveritySetting> = {};
    for (const [id, severity] of Object.entries(record(root.rules))) {
        if (isSeveritySetting(severity)) {
            rules[id] = severity;
        }
    }
    const lint = record(root.lint);
    const debounce = lint.debounceMs;
    const debounceMs =
        typeof debounce === 'number' && Number.isFinite(debounce)
            ? Math.min(MAX_DEBOUNCE_MS, Math.max(0, Math.round(debounce)))
            : DEFAULT_SETTINGS.lint.debounceMs;
    const completion = record(root.completion);
    const format = record(root.format);
    return {
        rules,
        lint: {
            debounceMs,
            inlineSuppressions: bool(lint.inlineSuppressions, DEFAULT_SETTINGS.lint.inlineSuppressions),
        },
        completion: { imageTags: bool(completion.imageTags, DEFAULT_SETTINGS.completion.imageTags) },
        format: {
            ignoreMultilineInstructions: bool(
                format.ignoreMultilineInstructions,
                DEFAULT_SETTINGS.format.ignoreMultilineInstructions,
            ),
        },
    };
}
