import { isSeveritySetting, type SeveritySetting } from './severity';

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
        /** Registries FROM may pull from (`trusted-registry`, DL3026); empty: the rule does nothing. */
        trustedRegistries: string[];
        /** Label name → format for the label rules (DL3048–DL3058); empty: they do nothing. */
        labelSchema: Record<string, string>;
        /** Report labels outside `labelSchema` (`label-superfluous`, DL3050). */
        strictLabels: boolean;
        /** `user-root` also reports images with no USER at all. */
        requireUser: boolean;
    };
    hadolint: {
        /** Read `.hadolint.yaml` (project, then user level); these settings win over it. */
        useConfig: boolean;
    };
    shellcheck: {
        /** Run ShellCheck on shell-form RUN scripts (needs the binary; off by default). */
        enable: boolean;
        /** The binary; empty: `shellcheck` on PATH. Machine-scoped: the client sends only the user's value. */
        path: string;
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
    lint: {
        debounceMs: 150,
        inlineSuppressions: true,
        trustedRegistries: [],
        labelSchema: {},
        strictLabels: false,
        requireUser: false,
    },
    hadolint: { useConfig: true },
    shellcheck: { enable: false, path: '' },
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
            trustedRegistries: Array.isArray(lint.trustedRegistries)
                ? lint.trustedRegistries.filter((r): r is string => typeof r === 'string' && r.trim() !== '')
                : [],
            labelSchema: Object.fromEntries(
                Object.entries(record(lint.labelSchema)).filter((e): e is [string, string] => typeof e[1] === 'string'),
            ),
            strictLabels: bool(lint.strictLabels, false),
            requireUser: bool(lint.requireUser, false),
        },
        hadolint: { useConfig: bool(record(root.hadolint).useConfig, DEFAULT_SETTINGS.hadolint.useConfig) },
        shellcheck: {
            enable: bool(record(root.shellcheck).enable, DEFAULT_SETTINGS.shellcheck.enable),
            path: typeof record(root.shellcheck).path === 'string' ? (record(root.shellcheck).path as string) : '',
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

/**
 * The `dockwise` sections the client answers to workspace/configuration, with `shellcheck.path`
 * replaced by the user-level value (the VS Code client's middleware): a workspace, even a trusted
 * one, must not choose the program the language server runs.
 */
export function withUserShellCheckPath(
    items: readonly { section?: string }[],
    values: unknown[],
    userPath: string | undefined,
): unknown[] {
    return values.map((value, i) => {
        if (items[i]?.section !== 'dockwise' || typeof value !== 'object' || value === null) {
            return value;
        }
        const section = value as { shellcheck?: Record<string, unknown> };
        return { ...section, shellcheck: { ...section.shellcheck, path: userPath ?? '' } };
    });
}
