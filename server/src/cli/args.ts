import { isSeveritySetting } from '../core/config';
import type { Severity, SeveritySetting } from '../core/types';
import { CliError, didYouMean } from './errors';

export const FORMATS = ['stylish', 'json', 'sarif', 'checkstyle'] as const;
export type Format = (typeof FORMATS)[number];

/** `none` never fails the run (hadolint's `--no-fail`). */
export const THRESHOLDS = ['error', 'warning', 'info', 'hint', 'none'] as const;
export type Threshold = Severity | 'none';

/** `default`: rules as they come; `all`: also those off by default; `none`: only rules turned on by name. */
export type RulesPreset = 'default' | 'all' | 'none';

export interface LintOptions {
    paths: string[];
    format: Format;
    preset: RulesPreset;
    /** `--rule id=severity`, in order; resolved against the rule table later. */
    ruleFlags: { id: string; severity: SeveritySetting }[];
    configFile: string | undefined;
    threshold: Threshold;
    /** `-t` was given: it wins over a hadolint config's `failure-threshold`. */
    thresholdGiven: boolean;
    /** Read the `.hadolint.yaml` that applies to each file (off: `--no-hadolint-config`). */
    hadolintConfig: boolean;
    /** `--shellcheck`: also run the `shellcheck` binary on RUN scripts. */
    shellcheck: boolean;
    output: string | undefined;
    /** undefined: colours when stdout is a TTY and NO_COLOR is unset. */
    color: boolean | undefined;
    stdinFilename: string | undefined;
    inlineSuppressions: boolean | undefined;
}

export type Invocation =
    | { command: 'help' }
    | { command: 'version' }
    | { command: 'rules'; json: boolean }
    | { command: 'docs'; rule: string }
    | { command: 'lint'; options: LintOptions };

const COMMANDS = ['lint', 'rules', 'docs', 'help'];
const VALUE_OPTIONS = new Map<string, string>([
    ['--format', '--format'],
    ['-f', '--format'],
    ['--rules', '--rules'],
    ['--rule', '--rule'],
    ['--config', '--config'],
    ['-c', '--config'],
    ['--severity-threshold', '--severity-threshold'],
    ['--failure-threshold', '--severity-threshold'],
    ['-t', '--severity-threshold'],
    ['--output', '--output'],
    ['-o', '--output'],
    ['--stdin-filename', '--stdin-filename'],
]);
const FLAGS = new Map<string, string>([
    ['--help', '--help'],
    ['-h', '--help'],
    ['--version', '--version'],
    ['-v', '--version'],
    ['-V', '--version'],
    ['--color', '--color'],
    ['--no-color', '--no-color'],
    ['--no-inline-suppressions', '--no-inline-suppressions'],
    ['--no-hadolint-config', '--no-hadolint-config'],
    ['--shellcheck', '--shellcheck'],
]);

function usage(message: string): never {
    throw new CliError(`${message} (see dockwise --help)`);
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
    if ((allowed as readonly string[]).includes(value)) {
        return value as T;
    }
    return usage(`${option} must be one of ${allowed.join(', ')}, not "${value}"${didYouMean(value, allowed)}`);
}

/** Parses `argv` (without node and the script). Throws CliError on bad usage. */
export function parseArgs(argv: readonly string[]): Invocation {
    const options: LintOptions = {
        paths: [],
        format: 'stylish',
        preset: 'default',
        ruleFlags: [],
        configFile: undefined,
        threshold: 'info',
        thresholdGiven: false,
        hadolintConfig: true,
        shellcheck: false,
        output: undefined,
        color: undefined,
        stdinFilename: undefined,
        inlineSuppressions: undefined,
    };
    const positional: string[] = [];
    let help = false;
    let version = false;
    let rawFormat: string | undefined;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i]!;
        if (arg === '--') {
            positional.push(...argv.slice(i + 1));
            break;
        }
        if (arg === '-' || !arg.startsWith('-')) {
            positional.push(arg);
            continue;
        }
        const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
        const name = eq > 0 ? arg.slice(0, eq) : arg;
        const flag = FLAGS.get(name);
        if (flag !== undefined) {
            if (eq > 0) {
                usage(`${name} takes no value`);
            }
            help ||= flag === '--help';
            version ||= flag === '--version';
            if (flag === '--color' || flag === '--no-color') {
                options.color = flag === '--color';
            } else if (flag === '--no-inline-suppressions') {
                options.inlineSuppressions = false;
            } else if (flag === '--no-hadolint-config') {
                options.hadolintConfig = false;
            } else if (flag === '--shellcheck') {
                options.shellcheck = true;
            }
            continue;
        }
        const option = VALUE_OPTIONS.get(name);
        if (option === undefined) {
            usage(`unknown option ${name}${didYouMean(name, [...VALUE_OPTIONS.keys(), ...FLAGS.keys()])}`);
        }
        let value: string;
        if (eq > 0) {
            value = arg.slice(eq + 1);
        } else {
            const next = argv[i + 1];
            if (next === undefined) {
                usage(`${name} needs a value`);
            }
            value = next;
            i++;
        }
        switch (option) {
            case '--format':
                rawFormat = value;
                break;
            case '--rules':
                options.preset = value === 'all' || value === 'none' || value === 'default' ? value : badPreset(value);
                break;
            case '--rule':
                options.ruleFlags.push(parseRuleFlag(value));
                break;
            case '--config':
                options.configFile = value;
                break;
            case '--severity-threshold':
                options.threshold = oneOf(option, value, THRESHOLDS);
                options.thresholdGiven = true;
                break;
            case '--output':
                options.output = value;
                break;
            case '--stdin-filename':
                options.stdinFilename = value;
                break;
        }
    }
    if (help) {
        return { command: 'help' };
    }
    if (version) {
        return { command: 'version' };
    }
    // `dockwise Dockerfile` lints, as `hadolint Dockerfile` does; the command word is optional.
    const command = positional[0] !== undefined && COMMANDS.includes(positional[0]) ? positional.shift()! : 'lint';
    if (command === 'help') {
        return { command: 'help' };
    }
    if (command === 'rules') {
        if (positional.length > 0) {
            usage(`"dockwise rules" takes no arguments`);
        }
        const f = rawFormat ?? 'stylish';
        if (f !== 'json' && f !== 'stylish' && f !== 'text') {
            usage(`"dockwise rules" prints text or json, not ${f}`);
        }
        return { command: 'rules', json: f === 'json' };
    }
    if (command === 'docs') {
        if (positional.length !== 1) {
            usage('"dockwise docs" needs one rule id, for example: dockwise docs keep-alive-hack');
        }
        return { command: 'docs', rule: positional[0]! };
    }
    if (argv.length === 0) {
        return { command: 'help' };
    }
    options.format = rawFormat === undefined ? 'stylish' : oneOf('--format', rawFormat, FORMATS);
    options.paths = positional.length > 0 ? positional : ['.'];
    if (options.paths.filter((p) => p === '-').length > 1) {
        usage('"-" (standard input) can be given only once');
    }
    return { command: 'lint', options };
}

function badPreset(value: string): never {
    return usage(`--rules must be all, default or none, not "${value}"`);
}

function parseRuleFlag(value: string): { id: string; severity: SeveritySetting } {
    const m = /^\s*([^=:\s]+)\s*[=:]\s*(\S+)\s*$/.exec(value);
    if (!m) {
        usage(`--rule expects <id>=<severity>, for example --rule keep-alive-hack=error, not "${value}"`);
    }
    const severity = m[2]!;
    if (!isSeveritySetting(severity)) {
        usage(`--rule ${m[1]}: severity must be off, hint, info, warning or error, not "${severity}"`);
    }
    return { id: m[1]!, severity };
}

export const HELP = `Usage: dockwise [command] [options] [paths...]

Lint Dockerfiles against container best practices.

Commands:
  lint [paths...]        Lint files and folders (the default command; default path: .).
                         Folders are searched for Dockerfile, Dockerfile.*, *.dockerfile,
                         Containerfile, Containerfile.*, *.containerfile (node_modules and
                         .git are skipped). "-" reads standard input.
  rules                  List the rules: id, category, default severity, fix, equivalents.
  docs <rule>            Print a rule's documentation (Markdown). Accepts equivalents: DL3025.
  help                   Show this help.

Options:
  -f, --format <name>             stylish (default), json, sarif or checkstyle
                                  ("dockwise rules --format json" lists the rules as JSON)
      --rules <preset>            default, all (also the rules that are off by default)
                                  or none (only rules turned on with --rule or --config)
      --rule <id>=<severity>      Set one rule: off, hint, info, warning or error. Repeatable.
                                  hadolint, BuildKit and Trivy ids are accepted.
  -c, --config <file>             A JSON or YAML file: { rules: { <id>: <severity> },
                                  ruleOptions: { <id>: {...} }, inlineSuppressions: <bool>,
                                  trustedRegistries, labelSchema, strictLabels, requireUser },
                                  or a hadolint config (.hadolint.yaml)
      --no-hadolint-config        Do not read .hadolint.yaml (by default the one beside each
                                  Dockerfile or in a parent up to the repository root, else
                                  in the working directory, else the user-level one)
  -t, --severity-threshold <s>    Exit 1 when a finding is at or above: error, warning,
                                  info (default, as hadolint), hint, or none (never).
                                  Default: the hadolint config's failure-threshold, else info.
  -o, --output <file>             Write the report to a file instead of standard output.
      --stdin-filename <name>     The file name to report for "-".
      --no-inline-suppressions    Ignore "# dockwise ignore=" and "# hadolint ignore=" comments.
      --shellcheck                Also run ShellCheck (the shellcheck binary on PATH) on each
                                  shell-form RUN script and report its SCxxxx findings.
      --color, --no-color         Force colours on or off (default: on a TTY unless NO_COLOR is set).
  -h, --help                      Show this help.
  -v, --version                   Print the version.

Exit status: 0 no finding at or above the threshold, 1 some finding at or above it,
2 bad usage, an unreadable file or a bad config (nothing is written to standard output).

Positions in reports are 1-based; end columns point just after the last character (exclusive).
`;
