import type { SeveritySetting } from '../core/types';

/** The `dockwise.*` settings the server reads per document (see package.json `contributes.configuration`). */
export interface DockwiseSettings {
    rules: Record<string, SeveritySetting>;
    lint: {
        /** Milliseconds to wait after an edit before linting. */
        debounceMs: number;
        /** Honour `# dockwise ignore=` / `# hadolint ignore=` comments. */
        inlineSuppressions: boolean;
    };
}

export const DEFAULT_SETTINGS: DockwiseSettings = {
    rules: {},
    lint: { debounceMs: 150, inlineSuppressions: true },
};
