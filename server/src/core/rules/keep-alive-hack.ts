import type { Command } from '../commands';
import type { Finding, Rule } from '../types';
import { mainCommands } from '../ruleKit';

/** `tail -f /dev/null`, `sleep infinity`, `while true` loops: a process that does nothing. */
function keepAlive(cmd: Command): boolean {
    const args = cmd.args.map((a) => a.value);
    if (cmd.name === 'tail' && args.some((a) => /^-[a-zA-Z]*[fF]/.test(a)) && args.includes('/dev/null')) {
        return true;
    }
    if (cmd.name === 'sleep' && args.some((a) => a === 'infinity' || a === 'inf' || /^\d{6,}$/.test(a))) {
        return true;
    }
    if ((cmd.name === 'true' || cmd.name === ':') && cmd.keywords.includes('while')) {
        return true;
    }
    return false;
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
    },
    equivalents: {},
    check({ model }) {
        const findings: Finding[] = [];
        for (const { cmd } of mainCommands(model)) {
            if (keepAlive(cmd)) {
                findings.push({
                    range: cmd.range,
                    message: `\`${cmd.words.map((w) => w.value).join(' ')}\` only keeps the container alive: run the real program in the foreground instead, so the container ends when it ends.`,
                });
            }
        }
        return findings;
    },
};
