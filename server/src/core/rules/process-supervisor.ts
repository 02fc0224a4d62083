import type { Command, CommandWord } from '../commands';
import { isEcosystemFile } from '../knowledge/serverCommands';
import type { Finding, Rule } from '../types';
import { mainCommands } from '../kit';

export interface Supervisor {
    /** How the message introduces it (`PM2 with an ecosystem file`). */
    label: string;
    /** Short name for the rest of the message (`PM2`). */
    name: string;
    word: CommandWord;
}

const BY_NAME: Record<string, string> = {
    supervisord: 'supervisord',
    's6-svscan': 's6',
    runsvdir: 'runit',
    runit: 'runit',
    'runsvdir-start': 'runit',
    my_init: 'baseimage-docker’s my_init',
    circusd: 'Circus',
    systemd: 'systemd',
    concurrently: 'concurrently',
};
const PROCFILE_RUNNERS = new Set(['honcho', 'foreman', 'forego', 'overmind', 'hivemind']);
const PM2 = new Set(['pm2', 'pm2-runtime', 'pm2-docker']);

/** The process manager a command starts as PID 1, if it is one. Exported for multiple-services. */
export function supervisorOf(cmd: Command): Supervisor | undefined {
    const word = cmd.program;
    if (!word) {
        return undefined;
    }
    const name = cmd.name;
    const args = cmd.args.map((a) => a.value);
    const known = BY_NAME[name];
    if (known) {
        return { label: known, name: known, word };
    }
    // s6-overlay installs its supervisor as `/init`; `/sbin/init` is systemd or SysV init.
    if (word.value === '/init') {
        return { label: 's6-overlay', name: 's6-overlay', word };
    }
    if (name === 'init' && /^\/(usr\/)?s?bin\/init$/.test(word.value)) {
        return { label: `A full init system (${word.value})`, name: 'the init system', word };
    }
    if (PROCFILE_RUNNERS.has(name) && (args[0] === 'start' || args.length === 0)) {
        return { label: `${name} (a Procfile runner)`, name, word };
    }
    if (
        (name === 'npx' || name === 'pnpx' || name === 'bunx') &&
        args.find((a) => !a.startsWith('-')) === 'concurrently'
    ) {
        return { label: 'concurrently', name: 'concurrently', word };
    }
    if (PM2.has(name)) {
        // One script under pm2-runtime is a restart loop, not several services.
        const files = args.filter((a) => /\.(c?m?js|ts|json|ya?ml)$/.test(a));
        if (files.some(isEcosystemFile)) {
            return { label: 'PM2 with an ecosystem file', name: 'PM2', word };
        }
        if (files.length > 1) {
            return { label: 'PM2 with several scripts', name: 'PM2', word };
        }
    }
    return undefined;
}

export const processSupervisor: Rule = {
    id: 'process-supervisor',
    title: 'A process manager runs several programs in one container',
    category: 'one-process',
    defaultSeverity: 'info',
    docs: {
        why: 'With supervisord, s6, runit or a PM2 ecosystem file as PID 1, one container runs several programs. Docker then only sees the supervisor: it cannot restart, scale or update one program on its own, a crashed program may go unnoticed, and all logs arrive mixed.',
        bad: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir supervisor gunicorn celery\nCOPY supervisord.conf /etc/supervisor/supervisord.conf\nCMD ["supervisord", "-n", "-c", "/etc/supervisor/supervisord.conf"]\n',
        good: '# One image, one process per container: run it twice with different commands\n# (e.g. two Compose services: `web` with this CMD, `worker` with `celery -A app worker`).\nFROM python:3.12-slim\nRUN pip install --no-cache-dir gunicorn celery\nEXPOSE 8000\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]\n',
        notes: 'This is information, not a warning: a supervisor can be a deliberate choice (a vendor image that must ship as one container, a sidecar-less platform). If you keep it, make sure it forwards signals, restarts or exits when a program dies, and sends every program’s logs to stdout/stderr. A minimal init such as `tini` or `docker run --init` is fine and not reported: it runs one program and only reaps zombies and forwards signals.',
    },
    equivalents: {},
    check({ model }) {
        const findings: Finding[] = [];
        for (const { cmd } of mainCommands(model)) {
            const sup = supervisorOf(cmd);
            if (sup) {
                findings.push({
                    range: sup.word.range,
                    message: `${sup.label} runs several programs in one container, so Docker only sees ${sup.name} and cannot restart, scale or log each program on its own. Prefer one process per container (one container per program, connected over a network); keep the supervisor only if they must share a container.`,
                });
            }
        }
        return findings;
    },
};
