import type { Command } from '../commands';
import type { Finding, Rule } from '../types';
import { mainCommands } from '../kit';

/** Seconds in a `sleep` duration (`90`, `1.5h`, `7d`), Infinity for `infinity`, NaN when unknown. */
function sleepSeconds(arg: string): number {
    if (/^inf(?:inity)?$/i.test(arg)) {
        return Infinity;
    }
    const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
    return m ? Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'] : NaN;
}

/** A day or more: nothing a container's main process waits that long for, except to stay alive. */
const DAY = 86400;

/** `tail -f /dev/null`, `sleep infinity`, `while true` loops: a process that does nothing. */
function keepAlive(cmd: Command): boolean {
    const args = cmd.args.map((a) => a.value);
    if (cmd.name === 'tail' && args.some((a) => /^-[a-zA-Z]*[fF]|^--follow/.test(a)) && args.includes('/dev/null')) {
        return true;
    }
    if (cmd.name === 'sleep' && args.length > 0 && args.reduce((sum, a) => sum + sleepSeconds(a), 0) >= DAY) {
        return true;
    }
    // The loop's condition: `while true`, `while :`, `until false`, `while sleep 3600`.
    if ((cmd.name === 'true' || cmd.name === ':') && cmd.keywords.includes('while')) {
        return true;
    }
    if (cmd.name === 'false' && cmd.keywords.includes('until')) {
        return true;
    }
    return cmd.name === 'sleep' && cmd.keywords.includes('while');
}

export const keepAliveHack: Rule = {
    id: 'keep-alive-hack',
    title: 'Do not keep a container alive with a do-nothing process',
    category: 'foreground',
    defaultSeverity: 'warning',
    docs: {
        why: 'A container lives as long as its main process. `tail -f /dev/null`, `sleep infinity` or a `while true` loop keeps it up while the real program runs in the background, so Docker cannot see when that program dies and `docker stop` cannot stop it cleanly. Run the program itself in the foreground.',
        bad: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends nginx\nCMD service nginx start && tail -f /dev/null\n',
        good: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends nginx\nEXPOSE 80\nCMD ["nginx", "-g", "daemon off;"]\n',
        notes: [
            'Reported in the effective CMD and ENTRYPOINT (also inside `sh -c`): `tail -f /dev/null` (`-F`, `--follow`), `sleep infinity` or a sleep of a day or more (`sleep 365d`, `sleep 99999999`), and endless loops (`while true`, `while :`, `until false`, `while sleep 3600`). `tail -f` of a real log file is log-to-file’s business.',
            'For a development container that you only exec into, keep the image’s real command and override it when you start the container (`docker run -d image sleep infinity`, or `command:` in Compose), so the image itself stays correct.',
        ].join('\n\n'),
    },
    equivalents: {},
    check({ model }) {
        const findings: Finding[] = [];
        for (const { cmd } of mainCommands(model)) {
            if (keepAlive(cmd)) {
                const loop = cmd.keywords.find((k) => k === 'while' || k === 'until');
                // From the program on: `exec tail -f /dev/null` is the same hack (the exec-form fix writes that).
                const program = cmd.program ? cmd.words.indexOf(cmd.program) : 0;
                const written = cmd.words
                    .slice(program)
                    .map((w) => w.value)
                    .join(' ');
                const shown = `${loop ? `${loop} ` : ''}${written}${loop ? ' …' : ''}`;
                findings.push({
                    range: cmd.range,
                    message: `\`${shown}\` only keeps the container alive: run the real program in the foreground instead, so the container ends when it ends.`,
                });
            }
        }
        return findings;
    },
};
