import type { Range } from 'vscode-languageserver-types';
import type { Command } from '../commands';
import {
    type DirectiveMatch,
    expandVars,
    isDevice,
    isLogFile,
    isLogFileOption,
    LOG_DIRECTIVES,
    LOGGING_SERVICES,
    linkedToStreams,
    logPathVars,
    logDirectives,
} from '../knowledge/logging';
import { knownImage } from '../knowledge/officialImages';
import type { DockerfileModel, Instruction } from '../model';
import type { Finding, Fix, Rule } from '../types';
import {
    commandText,
    finalEnv,
    finalInstructions,
    mainCommands,
    narrow,
    rangeText,
    runCommands,
    stageChain,
} from '../kit';

const WHY_STDOUT = '`docker logs` and every logging driver only see what the main process writes to stdout and stderr';

interface Where {
    /** The path already leads to the container's output: linked by this Dockerfile or its base image. */
    linked(path: string): boolean;
    /** ENV and distribution variables expanded (`${APACHE_LOG_DIR}/access.log`). */
    expand(text: string): string;
}

function logContext(model: DockerfileModel): Where {
    const final = finalInstructions(model);
    const vars = logPathVars(finalEnv(model));
    const linked = linkedToStreams(
        runCommands(final).map((r) => r.cmd),
        vars,
    );
    const root = stageChain(model.finalStage).pop();
    const base = root ? knownImage(root.image) : undefined;
    for (const svc of LOGGING_SERVICES.filter((s) => base?.services.includes(s.id))) {
        for (const log of svc.logs('', 'apt') ?? []) {
            linked.add(log.path);
        }
    }
    const expand = (text: string): string => expandVars(text, vars);
    return { linked: (path) => linked.has(expand(path).replace(/(?<!\/)\/+$/, '')), expand };
}

/** `command > file`, `>> file`, `&> file`, `2> file`; not `2>&1`, `> /dev/stdout` or `> /dev/null`. */
function redirectFindings(cmd: Command, { linked }: Where): Finding[] {
    const out: Finding[] = [];
    for (const r of cmd.redirects) {
        const target = r.target;
        if (!r.op.includes('>') || !target || target.dynamic) {
            continue;
        }
        if (
            (r.op.endsWith('&') && /^(?:\d+-?|-)$/.test(target.value)) ||
            isDevice(target.value) ||
            linked(target.value)
        ) {
            continue;
        }
        out.push({
            range: r.range,
            message: `The main process writes its output to the file \`${target.value}\`, but ${WHY_STDOUT}; the file also grows inside the container until the disk fills. Remove the redirection and let the program write to stdout and stderr.`,
        });
    }
    return out;
}

function directiveFinding(model: DockerfileModel, range: Range, match: DirectiveMatch, where: string): Finding {
    const stream = LOG_DIRECTIVES[match.directive.toLowerCase()] ?? 'stdout';
    const fixes: Fix[] = [];
    const valueRange = narrow(model, range, match.value);
    if (rangeText(model, valueRange) === match.value) {
        fixes.push({ title: `Log to /dev/${stream}`, edits: [{ range: valueRange, newText: `/dev/${stream}` }] });
    }
    return {
        range,
        message: `\`${match.directive} ${match.value}\` ${where} sends logs to a file inside the container, but ${WHY_STDOUT}. Use \`${match.directive} /dev/${stream}\` instead (or link the file to /dev/${stream}).`,
        fixes,
    };
}

/** Directives writing to files in a text (a word or a heredoc body) that `rangeOfPiece` maps back. */
function directivesIn(
    model: DockerfileModel,
    text: string,
    rangeOfPiece: (m: DirectiveMatch) => Range,
    at: Where,
    where: string,
): Finding[] {
    return logDirectives(text)
        .filter((m) => isLogFile(at.expand(m.value)) && !at.linked(m.value))
        .map((m) => directiveFinding(model, rangeOfPiece(m), m, where));
}

/** The replacement part of a sed `s` command: only what sed writes counts, not what it looks for. */
function sedReplacement(expr: string): string | undefined {
    const m = /^s(.)/.exec(expr);
    if (!m) {
        return expr;
    }
    // Escaped only when special: a backslash made a delimiter `n` or `d` a newline or a digit class.
    const delimiter = m[1]!.replace(/[\\^$.*+?()[\]{}|/-]/, '\\$&');
    const parts = expr.slice(2).split(new RegExp(`(?<!\\\\)${delimiter}`));
    return parts[1];
}

const CONFIG_WRITERS = new Set(['echo', 'printf', 'sed', 'perl', 'tee']);

/** Logs configured into files by RUN lines: `echo 'access_log /var/log/…'`, `sed …`, heredocs. */
function configFindings(model: DockerfileModel, insts: Instruction[], at: Where): Finding[] {
    const out: Finding[] = [];
    const where = 'in the config this Dockerfile writes';
    for (const inst of insts) {
        if (inst.keyword === 'RUN') {
            for (const cmd of inst.commands().filter((c) => CONFIG_WRITERS.has(c.name))) {
                for (const word of cmd.args) {
                    const text = cmd.name === 'sed' ? sedReplacement(word.value) : word.value;
                    if (text) {
                        out.push(
                            ...directivesIn(
                                model,
                                text,
                                (m) => narrow(model, word.range, text.slice(m.start, m.end)),
                                at,
                                where,
                            ),
                        );
                    }
                }
            }
        }
        if (inst.keyword === 'RUN' || inst.keyword === 'COPY' || inst.keyword === 'ADD') {
            for (const body of heredocBodies(model, inst)) {
                out.push(...directivesIn(model, body.text, (m) => body.range(m.start, m.end), at, where));
            }
        }
    }
    return out;
}

interface Body {
    text: string;
    range: (start: number, end: number) => Range;
}

/** Heredoc bodies that become files (`cat > f <<EOF`, `COPY <<EOF f`), not `RUN <<EOF` scripts. */
function heredocBodies(model: DockerfileModel, inst: Instruction): Body[] {
    const lt = inst.args();
    const out: Body[] = [];
    const re = /<<(-?)\s*(["']?)([A-Za-z0-9_]+)\2/g;
    for (let m = re.exec(lt.text); m; m = re.exec(lt.text)) {
        const bodyStart = lt.text.indexOf('\n', m.index) + 1;
        if (bodyStart === 0 || (inst.keyword === 'RUN' && lt.text.slice(0, m.index).trim() === '')) {
            continue;
        }
        const rest = lt.text.slice(bodyStart);
        const end = new RegExp(`^${m[1] ? '\\t*' : ''}${m[3]}\\r?$`, 'm').exec(rest);
        out.push({
            text: end ? rest.slice(0, end.index) : rest,
            range: (s, e) => model.rangeOf(lt.map[bodyStart + s]!, lt.map[bodyStart + e - 1]! + 1),
        });
    }
    return out;
}

/** `tail -f /var/log/app.log` as the main process: the real program logs to a file behind it. */
function tailFinding(cmd: Command, { linked }: Where): Finding | undefined {
    if (cmd.name !== 'tail' || !cmd.args.some((a) => /^-[a-zA-Z]*[fF]|^--follow/.test(a.value))) {
        return undefined;
    }
    const files: string[] = [];
    for (let i = 0; i < cmd.args.length; i++) {
        const v = cmd.args[i]!.value;
        if (/^-[ncs]$|^--(?:pid|sleep-interval|max-unchanged-stats|lines|bytes)$/.test(v)) {
            i++;
        } else if (!v.startsWith('-') && !(v.startsWith('+') && /^\+\d+$/.test(v))) {
            files.push(v);
        }
    }
    const logs = files.filter((f) => !isDevice(f) && !linked(f));
    if (logs.length === 0) {
        return undefined;
    }
    return {
        range: cmd.range,
        message: `\`${commandText(cmd)}\` as the main process: the program logs to a file and tail copies it to stdout. Docker then watches tail, not the program, so the container keeps running when the program dies, and the file grows in the container. Make the program log to stdout/stderr (or link its log file to /dev/stdout) and run the program itself in the foreground.`,
    };
}

/** `--log-file /var/log/app.log`, `--logpath=…`, `--access-logfile …` on the main command. */
function optionFindings(model: DockerfileModel, cmd: Command, { linked }: Where): Finding[] {
    const out: Finding[] = [];
    cmd.args.forEach((arg, i) => {
        const eq = arg.value.indexOf('=');
        const option = eq > 0 ? arg.value.slice(0, eq) : arg.value;
        const word = eq > 0 ? arg : cmd.args[i + 1];
        const value = eq > 0 ? arg.value.slice(eq + 1) : cmd.args[i + 1]?.value;
        if (!isLogFileOption(option) || word === undefined || value === undefined || word.dynamic) {
            return;
        }
        if (!isLogFile(value) || linked(value)) {
            return;
        }
        out.push({
            range: model.rangeOf(model.offsetAt(arg.range.start), model.offsetAt(word.range.end)),
            message: `\`${eq > 0 ? arg.value : `${option} ${value}`}\` makes the main process log to a file inside the container, but ${WHY_STDOUT}. Leave the option out or point it at stdout (\`-\` or \`/dev/stdout\`, whichever the program accepts).`,
        });
    });
    return out;
}

function check(model: DockerfileModel): Finding[] {
    const at = logContext(model);
    const findings: Finding[] = [];
    for (const { cmd } of mainCommands(model)) {
        findings.push(...redirectFindings(cmd, at));
        const tail = tailFinding(cmd, at);
        if (tail) {
            findings.push(tail);
        }
        findings.push(...optionFindings(model, cmd, at));
        if (cmd.name === 'nginx') {
            cmd.args.forEach((arg, i) => {
                const g = cmd.args[i + 1];
                if (arg.value === '-g' && g) {
                    findings.push(
                        ...directivesIn(
                            model,
                            g.value,
                            (m) => narrow(model, g.range, g.value.slice(m.start, m.end)),
                            at,
                            'in `nginx -g`',
                        ),
                    );
                }
            });
        }
    }
    findings.push(...configFindings(model, finalInstructions(model), at));
    // A `sh -c '…'` script is seen as one word and as the commands inside it.
    const seen = new Set<string>();
    return findings.filter((f) => {
        const key = JSON.stringify(f.range);
        return seen.has(key) ? false : (seen.add(key), true);
    });
}

export const logToFile: Rule = {
    id: 'log-to-file',
    title: 'Log to stdout and stderr, not to files',
    category: 'logging',
    defaultSeverity: 'warning',
    docs: {
        why: 'Docker collects what the main process writes to stdout and stderr: `docker logs`, `docker compose logs` and every logging driver (json-file, local, syslog, journald, fluentd, gelf, awslogs, …) see nothing else. Logs written to files stay inside the container, fill its disk, and are lost with it. Let the program write to its standard streams and leave storage and rotation to the logging driver.',
        bad: 'FROM python:3.12-slim\nCOPY app.py /app/\nCMD python /app/app.py >> /var/log/app.log 2>&1\n',
        good: 'FROM python:3.12-slim\nCOPY app.py /app/\nENV PYTHONUNBUFFERED=1\nCMD ["python", "/app/app.py"]\n',
        notes: [
            'Reported, on the main process (the effective CMD and ENTRYPOINT): redirections into a file (`>> /var/log/app.log`, `> /tmp/out.log 2>&1`, `&> …`, also `exec >> file` in a script), options that name a log file (`--log-file`, `--logfile`, `--logpath`, `--logto`, `--access-logfile`, `--error-logfile`), nginx `access_log`/`error_log` set to a file in `-g`, and `tail -f <log file>` as the main process.',
            'Also reported: `access_log`, `error_log`, `ErrorLog`, `CustomLog` and `TransferLog` set to a file in config that the final image’s RUN lines write (`echo`, `printf`, the replacement part of `sed`, heredocs of `cat > file <<EOF` and `COPY <<EOF`). A quick fix points the directive at /dev/stdout (access logs) or /dev/stderr (error logs).',
            'Fine: `2>&1`, `> /dev/stdout`, `> /dev/stderr`, `/proc/self/fd/1`, `/proc/1/fd/2`, `> /dev/null`, `error_log stderr`, `syslog:`, and files this Dockerfile or its official base image links to /dev/stdout or /dev/stderr (`ln -sf /dev/stdout /var/log/nginx/access.log`). `tail -f /dev/null` is keep-alive-hack’s business.',
        ].join('\n\n'),
    },
    equivalents: {},
    check({ model }) {
        return check(model);
    },
};
