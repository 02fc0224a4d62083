import type { Range } from 'vscode-languageserver-types';
import { basename, type Command, type CommandWord } from '../commands';
import {
    type Daemon,
    daemonFor,
    FOREGROUND_BY_SERVICE,
    FOREGROUND_HINTS,
    SERVICE_STARTERS,
    START_VERBS,
} from '../knowledge/daemons';
import { knownImage } from '../knowledge/officialImages';
import type { DockerfileModel, Instruction } from '../model';
import { mayCopyConfig } from '../knowledge/logging';
import type { Finding, Fix, Rule } from '../types';
import { commandText, copyDestination, finalInstructions, mainCommands, nextCharRange, stageChain } from '../kit';

interface Main {
    inst: Instruction;
    cmd: Command;
}

/** How a word is written back: as a JSON string in exec form, shell-quoted otherwise. */
function render(cmd: Command, words: readonly string[]): string {
    if (cmd.form === 'exec') {
        return words.map((w) => JSON.stringify(w)).join(', ');
    }
    return words.map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `"${w.replace(/(["\\$`])/g, '\\$1')}"`)).join(' ');
}

function span(from: CommandWord, to: CommandWord): Range {
    return { start: from.range.start, end: to.range.end };
}

/**
 * Whether two words of a command are written in different instructions: an exec-form ENTRYPOINT
 * and CMD read as one command. Between words of one JSON array there are only commas and blanks.
 */
function apart(model: DockerfileModel, a: CommandWord, b: CommandWord): boolean {
    return model.text.slice(model.offsetAt(a.range.end), model.offsetAt(b.range.start)).includes(']');
}

/**
 * Replaces words `from..to` of the command; removing them takes the separator before them too (the
 * one after, when the one before ends the ENTRYPOINT). No edit across two instructions.
 */
function replaceWords(
    model: DockerfileModel,
    cmd: Command,
    from: number,
    to: number,
    words: readonly string[],
): Fix['edits'] | undefined {
    const first = cmd.words[from]!;
    const last = cmd.words[to]!;
    const before = cmd.words[from - 1];
    const after = cmd.words[to + 1];
    if (apart(model, first, last)) {
        return undefined;
    }
    if (words.length === 0 && before && !apart(model, before, first)) {
        return [{ range: { start: before.range.end, end: last.range.end }, newText: '' }];
    }
    if (words.length === 0 && after && !apart(model, last, after)) {
        return [{ range: { start: first.range.start, end: after.range.start }, newText: '' }];
    }
    return [{ range: span(first, last), newText: render(cmd, words) }];
}

function insertAfter(cmd: Command, word: CommandWord, words: readonly string[]): Fix['edits'] {
    const sep = cmd.form === 'exec' ? ', ' : ' ';
    return [{ range: { start: word.range.end, end: word.range.end }, newText: sep + render(cmd, words) }];
}

interface Context {
    model: DockerfileModel;
    /** The command that ends the main process script: fixes only touch it. */
    last: Command | undefined;
    final: Instruction[];
    baseServices: readonly string[];
}

function consequence(ctx: Context, cmd: Command): string {
    return cmd === ctx.last
        ? 'PID 1 then has nothing left to run, so the container exits at once'
        : 'Docker neither watches it nor stops it cleanly with `docker stop`, and the container keeps running when it dies';
}

/** The image's config may keep the program in the foreground where we cannot see it. */
function configMayDiffer(ctx: Context, daemon: Daemon, args: readonly string[]): boolean {
    const config = daemon.config;
    if (!config) {
        return false;
    }
    if (
        (config.customFlag && args.some((a) => config.customFlag!.test(a))) ||
        config.services?.some((s) => ctx.baseServices.includes(s))
    ) {
        return true;
    }
    return ctx.final.some(
        (i) =>
            ((i.keyword === 'RUN' || i.keyword === 'COPY' || i.keyword === 'ADD') && config.text.test(i.args().text)) ||
            ((i.keyword === 'COPY' || i.keyword === 'ADD') && mayCopyConfig(copyDestination(i), config.dirs)),
    );
}

function daemonFindings(ctx: Context, cmd: Command): Finding[] {
    const daemon = daemonFor(cmd.name);
    const program = cmd.program;
    if (!daemon || !program) {
        return [];
    }
    const args = cmd.args.map((a) => a.value);
    const offset = cmd.words.indexOf(program) + 1;
    const isLast = cmd === ctx.last && !cmd.nested;
    for (const flag of daemon.flags ?? []) {
        const i = args.findIndex((a, j) => flag.arg.test(a) && (!flag.value || flag.value.test(args[j + 1] ?? '')));
        if (i < 0) {
            continue;
        }
        const to = flag.value ? i + 1 : i;
        const written = args.slice(i, to + 1).join(' ');
        const edits =
            isLast && flag.replaceWith
                ? replaceWords(ctx.model, cmd, offset + i, offset + to, flag.replaceWith)
                : undefined;
        const fixes: Fix[] =
            edits && flag.replaceWith
                ? [
                      {
                          title: flag.replaceWith.length
                              ? `Replace \`${written}\` with \`${flag.replaceWith.join(' ')}\``
                              : `Remove \`${written}\``,
                          edits,
                          preferred: true,
                      },
                  ]
                : [];
        return [
            {
                range: span(cmd.args[i]!, cmd.args[to]!),
                message: `\`${cmd.name} … ${written}\` sends ${cmd.name} into the background: ${consequence(ctx, cmd)}. Run it in the foreground as the main process: \`${daemon.foreground}\`.`,
                fixes,
            },
        ];
    }
    if (daemon.notStarting && args.some((a) => daemon.notStarting!.test(a))) {
        return [];
    }
    const fg = daemon.foregroundUnless;
    if (
        !fg ||
        (typeof fg === 'function' ? fg(args) : args.some((a) => fg.test(a))) ||
        configMayDiffer(ctx, daemon, args)
    ) {
        return [];
    }
    // nginx accepts one -g: merging into an existing one is left to the author.
    const canAdd = isLast && daemon.addFlag && !(daemon.addFlag[0] === '-g' && args.includes('-g'));
    return [
        {
            range: cmd.range,
            message: `\`${commandText(cmd)}\` forks into the background by default: ${consequence(ctx, cmd)}. Keep it in the foreground: \`${daemon.foreground}\`.`,
            fixes: canAdd
                ? [
                      {
                          title: `Add \`${daemon.addFlag!.join(' ')}\` to keep it in the foreground`,
                          edits: insertAfter(cmd, program, daemon.addFlag!),
                          preferred: true,
                      },
                  ]
                : [],
        },
    ];
}

/** `service x start`, `/etc/init.d/x start`, `rc-service x start`, `systemctl start x`. */
function starterFindings(ctx: Context, cmd: Command): Finding[] {
    const program = cmd.program;
    if (!program) {
        return [];
    }
    const args = cmd.args.map((a) => a.value);
    let service: string | undefined;
    if (SERVICE_STARTERS.has(cmd.name) && args.length >= 2 && START_VERBS.test(args[1]!)) {
        service = args[0];
    } else if (/^\/etc\/(?:rc\.d\/)?init\.d\//.test(program.value) && START_VERBS.test(args[0] ?? '')) {
        service = basename(program.value);
    } else if (cmd.name === 'systemctl' && args.some((a) => /^(?:start|restart|enable)$/.test(a))) {
        const unit =
            args.filter((a) => !a.startsWith('-') && !/^(?:start|restart|enable)$/.test(a))[0] ?? 'the service';
        const name = unit.replace(/\.service$/, '');
        return [
            {
                range: cmd.range,
                message: `\`${commandText(cmd)}\` needs systemd, which does not run in a container (PID 1 is your command), so it fails. Run ${name} itself in the foreground${FOREGROUND_HINTS[name] ? `: \`${FOREGROUND_HINTS[name]}\`` : ''}.`,
            },
        ];
    }
    if (service === undefined) {
        return [];
    }
    const hint = FOREGROUND_HINTS[service] ?? FOREGROUND_HINTS[service.replace(/[\d.]+/g, '')];
    const argv = FOREGROUND_BY_SERVICE[service];
    const isLast = cmd === ctx.last && !cmd.nested;
    const edits =
        argv && isLast
            ? replaceWords(ctx.model, cmd, cmd.words.indexOf(program), cmd.words.length - 1, argv)
            : undefined;
    const fixes: Fix[] =
        argv && edits ? [{ title: `Run ${service} in the foreground: ${argv.join(' ')}`, edits, preferred: true }] : [];
    return [
        {
            range: cmd.range,
            message: `\`${commandText(cmd)}\` starts ${service} in the background and returns: ${consequence(ctx, cmd)}. Run ${service} itself in the foreground as the main process${hint ? `: \`${hint}\`` : ''}.`,
            fixes,
        },
    ];
}

/** `app &`: the shell does not wait for it. Skipped when the script handles it (`trap`, `wait`). */
function backgroundFindings(ctx: Context, main: Main): Finding[] {
    const { inst, cmd } = main;
    if (cmd.next !== '&' || inst.commands().some((c) => c.name === 'trap' || c.name === 'wait')) {
        return [];
    }
    const amp = nextCharRange(ctx.model, ctx.model.offsetAt(cmd.range.end), '&');
    const peers = inst.commands().filter((c) => c.nested === cmd.nested);
    const trailing = peers[peers.length - 1] === cmd;
    const what = `\`${commandText(cmd)} &\``;
    const fixes: Fix[] =
        trailing && amp && !cmd.nested && inst === lastInstruction(ctx)
            ? [
                  {
                      title: 'Run it in the foreground (remove `&`)',
                      edits: [{ range: { start: cmd.range.end, end: amp.end }, newText: '' }],
                      preferred: true,
                  },
              ]
            : [];
    const message = trailing
        ? `${what} runs ${cmd.name} in the background and the shell, PID 1, exits right after, so the container stops at once. Remove the \`&\` and run it in the foreground.`
        : `${what} runs ${cmd.name} in the background: Docker neither watches it nor sends it the SIGTERM of \`docker stop\`, and the container keeps running when it dies. Run one program in the foreground as the main process, and give ${cmd.name} its own container.`;
    return [{ range: amp ?? cmd.range, message, fixes }];
}

function lastInstruction(ctx: Context): Instruction | undefined {
    return mainCommands(ctx.model).pop()?.inst;
}

function check(model: DockerfileModel): Finding[] {
    const mains = mainCommands(model);
    const top = mains.filter((m) => !m.cmd.nested);
    const lastTop = top[top.length - 1]?.cmd;
    const root = stageChain(model.finalStage).pop();
    const ctx: Context = {
        model,
        last: lastTop?.next === '' ? lastTop : undefined,
        final: finalInstructions(model),
        baseServices: (root ? knownImage(root.image)?.services : undefined) ?? [],
    };
    const findings: Finding[] = [];
    for (const main of mains) {
        findings.push(
            ...backgroundFindings(ctx, main),
            ...starterFindings(ctx, main.cmd),
            ...daemonFindings(ctx, main.cmd),
        );
    }
    return findings;
}

export const daemonizedMainProcess: Rule = {
    id: 'daemonized-main-process',
    title: 'Run the main program in the foreground, not as a daemon',
    category: 'foreground',
    defaultSeverity: 'warning',
    docs: {
        why: 'A container lives exactly as long as its main process (PID 1). A server that forks into the background — `service nginx start`, `nginx` without `daemon off`, `php-fpm -D`, `app &` — leaves PID 1 with nothing to do: the container exits at once, or something like `tail -f` has to keep it alive while Docker can no longer see whether the server is running, restart it, or stop it cleanly.',
        bad: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends nginx\nCMD service nginx start\n',
        good: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends nginx\nCMD ["nginx", "-g", "daemon off;"]\n',
        notes: [
            'Reported in the effective CMD and ENTRYPOINT (also inside `sh -c`): `service x start`, `/etc/init.d/x start`, `rc-service x start`, `systemctl start x` (systemd does not run in containers), `apachectl start`, `httpd -k start`, `nginx` without `daemon off`, `php-fpm` without `-F` (it daemonizes by default) or with `-D`, `sshd` without `-D`, `cron`/`crond` without `-f`, `redis-server --daemonize yes`, `memcached -d`, `mongod --fork`, `mysqld --daemonize`, `gunicorn -D`, `pg_ctl start`, `catalina.sh start`, `postfix start`, `screen -dm`, and more, and any command put in the background with `&` (unless the script handles it with `trap` or `wait`).',
            'When the image may configure the foreground itself — a COPY into /etc/nginx, a RUN writing `daemon off;`, `nginx -c <file>`, the official php-fpm image — nginx and php-fpm are not reported. Entrypoint scripts are not read.',
            'Quick fixes, for the last command only: `nginx` → `nginx -g "daemon off;"` (exec form stays exec form), `apachectl start` → `apachectl -D FOREGROUND`, `service nginx|apache2 start` → the foreground command, `php-fpm -D` → `php-fpm -F`, `sshd` → `sshd -D`, a trailing `&` removed, daemon flags removed.',
        ].join('\n\n'),
    },
    equivalents: {},
    check({ model }) {
        return check(model);
    },
};
