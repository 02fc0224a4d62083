// Argument vectors for Compose, v2 (`docker compose`) and v1 (`docker-compose`). Always an array handed to the
// process as it is: never a shell string, so a service or file name cannot become a command.

export type ComposeFlavor = 'v2' | 'v1';

/** How to run Compose: the program and the words before the subcommand (`docker` + `compose`). */
export interface ComposeTool {
    readonly program: string;
    readonly prefix: readonly string[];
    readonly flavor: ComposeFlavor;
    /** As `version` reported it, e.g. "1.29.2" or "v2.27.0". */
    readonly version?: string;
    /** Where it came from, for messages: "docker compose", "docker-compose" or the setting. */
    readonly label: string;
}

export type ComposeAction = 'up' | 'down' | 'pull' | 'stop' | 'start' | 'restart' | 'logs' | 'config';

export interface ComposeInvocation {
    readonly action: ComposeAction;
    /** `-f` files, base first. */
    readonly files: readonly string[];
    readonly projectName?: string;
    readonly projectDir?: string;
    readonly envFiles?: readonly string[];
    readonly profiles?: readonly string[];
    /** Limit the action to these services (empty: all that the profiles enable). */
    readonly services?: readonly string[];
    /** up: build images before starting (`--build`). */
    readonly build?: boolean;
    /** up: recreate containers even if their configuration is unchanged (`--force-recreate`). */
    readonly forceRecreate?: boolean;
    /** down: also remove named volumes (`--volumes`). */
    readonly removeVolumes?: boolean;
}

/** The full argv after the program: prefix, global options, subcommand, its options, services. */
export function composeArgv(tool: Pick<ComposeTool, 'prefix' | 'flavor'>, inv: ComposeInvocation): string[] {
    const args = [...tool.prefix];
    for (const f of inv.files) {
        args.push('-f', f);
    }
    if (inv.projectName) {
        args.push('-p', inv.projectName);
    }
    if (inv.projectDir) {
        args.push('--project-directory', inv.projectDir);
    }
    // v1 takes a single --env-file; v2 takes several (later ones win).
    const envFiles = tool.flavor === 'v1' ? (inv.envFiles ?? []).slice(-1) : (inv.envFiles ?? []);
    for (const e of envFiles) {
        args.push('--env-file', e);
    }
    for (const p of inv.profiles ?? []) {
        args.push('--profile', p);
    }
    // Colour codes would land in an output channel as noise.
    args.push('--ansi', 'never');
    args.push(...subcommand(tool.flavor, inv));
    const services = inv.services ?? [];
    if (services.length > 0 && inv.action !== 'down' && inv.action !== 'config') {
        // `--` keeps a service name from reading as an option (v1's `start` has no `--` in its grammar).
        args.push(...(inv.action === 'start' ? services : ['--', ...services]));
    }
    return args;
}

function subcommand(flavor: ComposeFlavor, inv: ComposeInvocation): string[] {
    switch (inv.action) {
        case 'up': {
            const out = ['up', '-d'];
            if (inv.build) {
                out.push('--build');
            }
            if (inv.forceRecreate) {
                out.push('--force-recreate');
            }
            return out;
        }
        case 'down':
            return inv.removeVolumes ? ['down', '--remove-orphans', '--volumes'] : ['down', '--remove-orphans'];
        case 'pull':
            // v1 prints a progress bar per layer unless told otherwise; v2 with --ansi never prints plain lines.
            return flavor === 'v1' ? ['pull', '--quiet'] : ['pull'];
        case 'logs':
            return ['logs', '--no-color', '--timestamps'];
        case 'config':
            return ['config', '--quiet'];
        default:
            return [inv.action];
    }
}

/** How the argv reads in an output channel (quoted where a word holds spaces); for people, never for a shell. */
export function displayCommand(tool: Pick<ComposeTool, 'program'>, argv: readonly string[]): string {
    return [tool.program, ...argv].map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : JSON.stringify(w))).join(' ');
}
