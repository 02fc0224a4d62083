import type { Range } from 'vscode-languageserver-types';
import type { Command } from '../commands';
import { baseImage } from '../knowledge/finalImage';
import { serviceStart } from '../knowledge/serverCommands';
import type { Finding, Rule } from '../types';
import { supervisorOf } from './process-supervisor';
import { commandText, mainCommands } from '../kit';

/**
 * Commands that are not a second long-running process even when they share a line with `&`:
 * helpers, clients, shells and keep-alive hacks (keep-alive-hack reports those).
 */
const NOT_A_PROCESS = new Set([
    'wait', 'sleep', 'true', 'false', ':', 'echo', 'printf', 'cat', 'tail', 'trap', 'exit', 'set', 'export',
    'cd', 'chown', 'chmod', 'mkdir', 'rm', 'ln', 'cp', 'mv', 'touch', 'sed', 'envsubst', 'test', '[', 'source',
    '.', 'ulimit', 'umask', 'date', 'kill', 'ls', 'env', 'read', 'eval', 'crontab', 'a2enmod', 'a2ensite',
    'mysql', 'psql', 'redis-cli', 'mongo', 'mongosh', 'curl', 'wget', 'sh', 'bash', 'ash', 'dash', 'zsh',
]); // prettier-ignore

interface Process {
    range: Range;
    /** `MySQL` or the command as written. */
    label: string;
    serviceId: string | undefined;
}

export const multipleServices: Rule = {
    id: 'multiple-services',
    title: 'Run one service per container',
    category: 'one-process',
    defaultSeverity: 'warning',
    docs: {
        why: 'A container is meant to run one service. When the start command launches several (`service mysql start && service apache2 start`, `worker & server`), Docker only watches one of them: the others can crash unnoticed, cannot be scaled, updated or restarted on their own, and their logs mix.',
        bad: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends apache2 mysql-server\nCMD service mysql start && service apache2 start && tail -f /dev/null\n',
        good: '# web/Dockerfile: the web server only; MySQL runs from the official mysql image\n# in its own container on the same network (Docker Compose or a user-defined network).\nFROM httpd:2.4\nCOPY ./public-html/ /usr/local/apache2/htdocs/\n',
        notes: 'Counts the services and background jobs (`cmd &`) that the effective CMD and ENTRYPOINT of the final image start, including inside `sh -c "…"`. The second and each further one is reported. A process manager as PID 1 (supervisord, s6, runit) is reported by `process-supervisor` instead. Scripts the ENTRYPOINT runs are not read.',
    },
    equivalents: {},
    check({ model }) {
        const ctx = { baseImage: baseImage(model)?.ref };
        const processes: Process[] = [];
        const seen = new Set<string>();
        const backgrounded = new Set<string>();
        for (const { inst, cmd } of mainCommands(model)) {
            if (supervisorOf(cmd)) {
                continue;
            }
            const scope = `${inst.range.start.line}:${cmd.nested ? 1 : 0}`;
            const start = serviceStart(cmd, ctx);
            if (start) {
                if (!seen.has(start.service.id)) {
                    seen.add(start.service.id);
                    processes.push({ range: cmd.range, label: start.service.label, serviceId: start.service.id });
                }
            } else if (isProcess(cmd) && (cmd.next === '&' || (cmd.next === '' && backgrounded.has(scope)))) {
                processes.push({ range: cmd.range, label: `\`${commandText(cmd)}\``, serviceId: undefined });
            }
            if (cmd.next === '&') {
                backgrounded.add(scope);
            }
        }
        const findings: Finding[] = [];
        for (let i = 1; i < processes.length; i++) {
            const p = processes[i]!;
            const before = processes.slice(0, i).map((q) => q.label);
            const what = p.serviceId ? `This starts ${p.label}` : `This runs ${p.label}`;
            findings.push({
                range: p.range,
                message: `${what} in the same container as ${list(before)}. Run one service per container: split them into separate containers and connect them over a network (a user-defined network or Docker Compose).`,
            });
        }
        return findings;
    },
};

function isProcess(cmd: Command): boolean {
    return cmd.name !== '' && !NOT_A_PROCESS.has(cmd.name);
}

function list(items: string[]): string {
    return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}
