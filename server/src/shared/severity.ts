// Severity and category names: shared by the lint core, the server, the CLI and the client's settings,
// so they live here, in the leaf every side may import.

/** Severities a finding can carry; `off` only exists as a setting. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];

/** The six practices of the study guide, plus the groups the wider rule set needs. */
export type Category =
    | 'one-process'
    | 'ports'
    | 'persistence'
    | 'configuration'
    | 'logging'
    | 'foreground'
    | 'syntax'
    | 'correctness'
    | 'security'
    | 'maintainability'
    | 'efficiency';

const SEVERITIES = new Set<string>(SEVERITY_SETTINGS);

export function isSeveritySetting(value: unknown): value is SeveritySetting {
    return typeof value === 'string' && SEVERITIES.has(value);
}
