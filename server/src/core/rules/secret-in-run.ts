import type { Range } from 'vscode-languageserver-types';
import type { Command, CommandWord } from '../commands';
import {
    isHarmlessValue,
    isSecretName,
    LOGIN_CLIENTS,
    MYSQL_CLIENTS,
    PASSWORD_OPTIONS,
    PROMPTING_CLIENTS,
    PUBLIC_DEFAULTS,
    secretValues,
} from '../knowledge/secrets';
import type { DockerfileModel, Instruction } from '../model';
import type { Finding, Rule } from '../types';
import { inside, isExpansion, lastFinal, mainCommands, narrow, rangeText } from '../kit';

interface Hit {
    range: Range;
    what: string;
}

const KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK']);
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);

/** A value written out in the Dockerfile (not `$VAR`, not empty, not a switch or a file path). */
function literal(value: string): boolean {
    return !isExpansion(value) && !isHarmlessValue(value) && !PUBLIC_DEFAULTS.has(value) && !value.startsWith('%');
}

/** `KEY=value` pieces of a word: `DB_PASSWORD=x`, `-Dapp.password=x`, `user=u,password=p`, `?token=x&…`. */
const PAIR = /^(-{0,2}[A-Za-z_][\w.-]*)=(.*)$/s;
/** Passwords in SQL run through a client: `IDENTIFIED BY 'x'`, `WITH PASSWORD 'x'`, `SET PASSWORD = 'x'`. */
const SQL_PASSWORD = /\b(?:IDENTIFIED\s+(?:WITH\s+\S+\s+)?BY|PASSWORD\s*(?:=\s*|\(\s*)?)\s*'([^']+)'/gi;

function scanCommand(model: DockerfileModel, cmd: Command, cmds: Command[], index: number): Hit[] {
    const hits: Hit[] = [];
    const at = (word: CommandWord, secret: string, what: string, context = secret): void => {
        hits.push({ range: narrow(model, word.range, secret, context), what });
    };
    const args = cmd.args;
    const values = args.map((a) => a.value);
    // The script of `sh -c '…'` is scanned as the commands inside it.
    const c = SHELLS.has(cmd.name) ? values.findIndex((v) => /^-(?=[a-z]*$)[a-z]*c/.test(v)) : -1;
    const script = c >= 0 ? args[c + 1] : undefined;

    for (const word of cmd.words.filter((w) => w !== script)) {
        for (const m of secretValues(word.value)) {
            at(word, word.value.slice(m.start, m.end), m.what);
        }
        const whole = PAIR.exec(word.value);
        const pieces = whole && isSecretName(whole[1]!) ? [word.value] : word.value.split(/[,;&?\s]/);
        for (const piece of pieces) {
            // One level of nesting: `--from-literal=password=x`, `--set auth.password=x`.
            const outer = PAIR.exec(piece);
            const pair = outer && !isSecretName(outer[1]!) ? PAIR.exec(outer[2]!) : outer;
            if (pair && isSecretName(pair[1]!) && literal(pair[2]!)) {
                at(word, pair[2]!, `\`${pair[1]}=…\``, piece);
            }
        }
        SQL_PASSWORD.lastIndex = 0;
        for (let m = SQL_PASSWORD.exec(word.value); m; m = SQL_PASSWORD.exec(word.value)) {
            if (literal(m[1]!)) {
                at(word, m[1]!, 'a password in SQL', m[0]);
            }
        }
    }

    const name = cmd.name;
    const shortOptions = PASSWORD_OPTIONS[name] ?? [];
    args.forEach((arg, i) => {
        const a = arg.value;
        const next = args[i + 1];
        const nextValue = next && !next.value.startsWith('-') ? next.value : undefined;
        if (!a.startsWith('-') || a.includes('=')) {
            if (name === 'openssl' && a.startsWith('pass:') && literal(a.slice(5))) {
                at(arg, a.slice(5), 'an OpenSSL `pass:` password');
            }
            return;
        }
        // `--password x`: prompting clients take no value there (the next word is a database name).
        if (
            (a.startsWith('--') || /^-[a-z][a-z_-]{3,}$/.test(a)) &&
            isSecretName(a) &&
            !PROMPTING_CLIENTS.has(name) &&
            nextValue !== undefined &&
            literal(nextValue) &&
            !/^[a-z]+=/.test(nextValue) // `--secret id=npm,src=…` names a secret, it does not hold one
        ) {
            at(next!, nextValue, `\`${a} …\``);
        }
        const takesPassword =
            shortOptions.includes(a) || (a === '-p' && LOGIN_CLIENTS.has(name) && values.includes('login'));
        if (takesPassword && !isSecretName(a) && nextValue !== undefined && literal(nextValue)) {
            at(next!, nextValue, `\`${name}${values.includes('login') ? ' login' : ''} ${a} …\``);
        }
        const attached = /^-p(.+)$/s.exec(a);
        if (MYSQL_CLIENTS.has(name) && attached && literal(attached[1]!)) {
            at(arg, attached[1]!, `\`${name} -p…\``, a);
        }
        if (
            (name === 'curl' && ['-u', '--user', '-U', '--proxy-user'].includes(a)) ||
            (name === 'http' && ['-a', '--auth'].includes(a))
        ) {
            const password = nextValue?.slice(nextValue.indexOf(':') + 1);
            if (nextValue?.includes(':') && password !== undefined && literal(password)) {
                at(next!, password, `\`${name} ${a} user:password\``, nextValue);
            }
        }
        if (['-H', '--header'].includes(a) && nextValue !== undefined) {
            hits.push(...headerHits(model, next!));
        }
        if (name === 'htpasswd' && /^-[a-zA-Z]*b/.test(a)) {
            const last = args[args.length - 1];
            if (last && last !== arg && literal(last.value)) {
                at(last, last.value, '`htpasswd -b` with a password');
            }
        }
    });
    for (const arg of args) {
        if (arg.value.startsWith('--header=')) {
            hits.push(...headerHits(model, arg, arg.value.slice('--header='.length)));
        }
        if (name === 'curl' && /^(?:--user=|-u[^-])/.test(arg.value)) {
            const creds = arg.value.replace(/^(?:--user=|-u)/, '');
            const password = creds.slice(creds.indexOf(':') + 1);
            if (creds.includes(':') && literal(password)) {
                at(arg, password, '`curl -u user:password`', arg.value);
            }
        }
    }
    hits.push(...pipedPasswords(model, cmd, cmds, index));
    hits.push(...assignmentHits(model, cmd));
    return hits;
}

/** `-H 'Authorization: Bearer x'`, `--header='PRIVATE-TOKEN: x'`, `-H 'X-Api-Key: x'`. */
function headerHits(model: DockerfileModel, word: CommandWord, text = word.value): Hit[] {
    const m = /^([\w-]+)\s*:\s*(.+)$/s.exec(text);
    if (!m) {
        return [];
    }
    const header = m[1]!;
    const value = /authorization$/i.test(header) ? m[2]!.replace(/^(?:Bearer|Basic|token|Token)\s+/, '') : m[2]!;
    if ((/authorization$/i.test(header) || isSecretName(header)) && literal(value)) {
        return [{ range: narrow(model, word.range, value, text), what: `an \`${header}\` header` }];
    }
    return [];
}

/** `echo 'root:pw' | chpasswd`, `echo pw | passwd --stdin`, `chpasswd <<< 'u:pw'`, `openssl passwd pw`. */
function pipedPasswords(model: DockerfileModel, cmd: Command, cmds: Command[], index: number): Hit[] {
    const hits: Hit[] = [];
    const encrypted = (c: Command): boolean => c.args.some((a) => a.value === '-e' || a.value === '--encrypted');
    const secretOf = (value: string, reader: string): string | undefined =>
        reader === 'chpasswd' ? (value.includes(':') ? value.slice(value.indexOf(':') + 1) : undefined) : value;
    const reader = cmds[index + 1];
    if (
        ['echo', 'printf'].includes(cmd.name) &&
        cmd.next === '|' &&
        reader?.prev === '|' &&
        ['chpasswd', 'passwd'].includes(reader.name) &&
        !encrypted(reader)
    ) {
        for (const arg of cmd.args.filter((a) => !/^-[neE]+$/.test(a.value))) {
            const secret = secretOf(arg.value, reader.name);
            if (secret !== undefined && literal(secret)) {
                hits.push({
                    range: narrow(model, arg.range, secret, arg.value),
                    what: `a password piped to \`${reader.name}\``,
                });
            }
        }
    }
    // `echo 'mysql-server mysql-server/root_password password pw' | debconf-set-selections`
    if (['echo', 'printf'].includes(cmd.name) && cmd.next === '|' && reader?.name === 'debconf-set-selections') {
        cmd.args.forEach((arg, i) => {
            const inLine = /(?:^|\s)password\s+(\S+)\s*$/.exec(arg.value)?.[1];
            const split = arg.value === 'password' && i >= 2 ? cmd.args[i + 1] : undefined;
            const secret = inLine ?? split?.value;
            const word = inLine !== undefined ? arg : split;
            if (word && secret !== undefined && literal(secret)) {
                hits.push({
                    range: narrow(model, word.range, secret),
                    what: 'a password preseeded with `debconf-set-selections`',
                });
            }
        });
    }
    if (cmd.name === 'chpasswd' && !encrypted(cmd)) {
        for (const r of cmd.redirects) {
            const secret = r.op === '<<<' && r.target ? secretOf(r.target.value, 'chpasswd') : undefined;
            if (r.target && secret !== undefined && literal(secret)) {
                hits.push({
                    range: narrow(model, r.target.range, secret, r.target.value),
                    what: 'a password given to `chpasswd`',
                });
            }
        }
    }
    if ((cmd.name === 'openssl' && cmd.args[0]?.value === 'passwd') || cmd.name === 'mkpasswd') {
        const rest = cmd.name === 'openssl' ? cmd.args.slice(1) : cmd.args;
        for (let i = 0; i < rest.length; i++) {
            const v = rest[i]!.value;
            if (/^-(?:salt|in|m|S|R|-method|-salt|-rounds)$/.test(v)) {
                i++;
            } else if (!v.startsWith('-') && literal(v)) {
                hits.push({ range: rest[i]!.range, what: `a password hashed by \`${cmd.name}\`` });
                break;
            }
        }
    }
    if (cmd.name === 'rabbitmqctl' && ['add_user', 'change_password'].includes(cmd.args[0]?.value ?? '')) {
        const pw = cmd.args[2];
        if (pw && literal(pw.value)) {
            hits.push({ range: pw.range, what: '`rabbitmqctl` with a password' });
        }
    }
    if (MYSQL_CLIENTS.has(cmd.name)) {
        const i = cmd.args.findIndex((a) => a.value === 'password');
        const pw = i >= 0 ? cmd.args[i + 1] : undefined;
        if (pw && literal(pw.value)) {
            hits.push({ range: narrow(model, pw.range, pw.value), what: `\`${cmd.name} password\`` });
        }
    }
    return hits;
}

/** `PGPASSWORD=x psql …`: assignments written before the command name. */
function assignmentHits(model: DockerfileModel, cmd: Command): Hit[] {
    const first = cmd.words[0];
    const prefixRange = { start: cmd.range.start, end: first ? first.range.start : cmd.range.end };
    const prefix = rangeText(model, prefixRange);
    const base = model.offsetAt(prefixRange.start);
    const hits: Hit[] = [];
    const re = /(?:^|\s)([A-Za-z_]\w*)=('[^']*'|"[^"]*"|[^\s'"]*)/g;
    for (let m = re.exec(prefix); m; m = re.exec(prefix)) {
        const value = m[2]!.replace(/^(['"])(.*)\1$/s, '$2');
        if (isSecretName(m[1]!) && literal(value)) {
            const start = base + m.index + m[0].indexOf('=') + 1 + (m[2] === value ? 0 : 1);
            hits.push({ range: model.rangeOf(start, start + value.length), what: `\`${m[1]}=…\`` });
        }
    }
    return hits;
}

function message(inst: Instruction, what: string): string {
    if (inst.keyword === 'RUN') {
        return `Secret on a RUN command line (${what}): it is stored in the Dockerfile and in the image history (\`docker history --no-trunc\`). Give it to the build with \`RUN --mount=type=secret,id=…\` (read from \`/run/secrets/<id>\`, or \`env=NAME\`) and pass it with \`docker build --secret\`.`;
    }
    return `Secret on the ${inst.keyword} command line (${what}): it is stored in the Dockerfile, in the image configuration (\`docker inspect\`) and in the process list of every container. Read it at run time from an environment variable (\`docker run -e NAME=…\`, \`--env-file\`) or a mounted secret file under \`/run/secrets/\`.`;
}

/** The final image's ENTRYPOINT and CMD. */
function mainInstructions(model: DockerfileModel): Instruction[] {
    return ['ENTRYPOINT', 'CMD'].map((k) => lastFinal(model, k)).filter((i): i is Instruction => i !== undefined);
}

export const secretInRun: Rule = {
    id: 'secret-in-run',
    title: 'Do not write secrets on command lines',
    category: 'configuration',
    defaultSeverity: 'warning',
    docs: {
        why: 'A password or token typed into a RUN, CMD or ENTRYPOINT command is saved in the Dockerfile, in the image history (`docker history --no-trunc`) and, for CMD, in every container’s configuration and process list. Secrets are configuration: read them from environment variables or secret files when the container starts, and give build steps their secrets with `RUN --mount=type=secret`.',
        bad: "FROM debian:12\nRUN curl -fsSL -u deploy:hunter2 https://repo.example.com/app.tar.gz | tar -xz\nRUN echo 'root:toor' | chpasswd\n",
        good: 'FROM debian:12\nRUN --mount=type=secret,id=repo_auth \\\n    curl -fsSL -u "deploy:$(cat /run/secrets/repo_auth)" https://repo.example.com/app.tar.gz | tar -xz\n',
        notes: [
            "Reported: options named like a secret (`--password=x`, `--password x`, `--token=x`, `--api-key x`, `-Dapp.password=x`), `mysql -pSECRET`, `redis-cli -a`, `mongosh -p`, `sshpass -p`, `ldapsearch -w`, `docker login -p`, `keytool -storepass` (except Java’s well-known `changeit`), `curl -u user:password`, `Authorization`/`PRIVATE-TOKEN`/`X-Api-Key` headers, `KEY=value` assignments and `key=value` pieces (`mount -o password=…`, `?api_key=…`), passwords piped to `chpasswd`/`passwd` or preseeded with `debconf-set-selections`, `openssl passwd`, `htpasswd -b`, SQL `IDENTIFIED BY '…'`, URLs with `user:password@` and tokens in well-known formats.",
            'Not reported: values that are expansions (`$DB_PASSWORD`, `${TOKEN}`, `$(cat /run/secrets/x)`) — the ARG or ENV that holds them is `secret-in-env`’s business — and `mysql -p secret` with a space, which makes mysql prompt and read `secret` as the database name.',
        ].join('\n\n'),
    },
    equivalents: {},
    check({ model }) {
        const findings: Finding[] = [];
        const seen = new Set<string>();
        const scan = (cmds: readonly { inst: Instruction; cmd: Command }[]) =>
            cmds.forEach(({ inst, cmd }, i) => {
                for (const hit of scanCommand(
                    model,
                    cmd,
                    cmds.map((c) => c.cmd),
                    i,
                )) {
                    const key = JSON.stringify(hit.range);
                    if (!seen.has(key)) {
                        seen.add(key);
                        // The instruction the secret is written in (a CMD giving arguments to the ENTRYPOINT).
                        const at = inside(model, inst, hit)
                            ? inst
                            : mainInstructions(model).find((m) => inside(model, m, hit));
                        findings.push({ range: hit.range, message: message(at ?? inst, hit.what) });
                    }
                }
            });
        for (const inst of model.instructions) {
            if (KEYWORDS.has(inst.keyword)) {
                scan(inst.commands().map((cmd) => ({ inst, cmd })));
            }
        }
        // The main command read whole: `ENTRYPOINT ["mysql"]` + `CMD ["-pSECRET"]` is `mysql -pSECRET`.
        scan(mainCommands(model));
        return findings;
    },
};
