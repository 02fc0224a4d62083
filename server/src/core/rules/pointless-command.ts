import type { Finding, Rule } from '../types';
import { allRuns } from '../kit';

/** Commands that make no sense in a build, and why. */
const POINTLESS: Readonly<Record<string, string>> = {
    ssh: 'opens a session on another machine; nobody is there to use it during a build',
    vim: 'is an interactive editor; nobody types during a build (edit files with `sed`, or COPY them)',
    shutdown: 'has no machine to shut down in a container',
    service: 'starts a service that stops when this RUN ends; nothing keeps running into the image',
    ps: 'shows the processes of this RUN only, which end with it',
    top: 'shows the processes of this RUN only, which end with it',
    free: 'shows the memory of the build container, which is gone after the build',
    kill: 'can only reach the processes of this RUN, which end with it anyway',
    mount: 'needs privileges a build does not have (use `RUN --mount` instead)',
    ifconfig: 'shows the network of the build container, which is gone after the build',
};

export const pointlessCommand: Rule = {
    id: 'pointless-command',
    title: 'Avoid commands that make no sense in a build',
    category: 'maintainability',
    defaultSeverity: 'info',
    docs: {
        why: 'A RUN runs in a throwaway container with no terminal and no running services: `ssh`, `vim`, `shutdown`, `service`, `ps`, `top`, `free`, `kill`, `mount` and `ifconfig` do nothing useful there, and usually show a step copied from a virtual machine’s setup.',
        bad: 'FROM debian:12-slim\nRUN service nginx start\n',
        good: 'FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off;"]\n',
        notes: 'Reported on those commands in RUN, also inside `sh -c` and `ONBUILD RUN`; installing them as packages is fine. hadolint lists `ifconfig` in its message but does not check it; Dockwise does.',
    },
    equivalents: { hadolint: ['DL3001'] },
    check({ model }) {
        const findings: Finding[] = [];
        for (const { inst } of allRuns(model)) {
            for (const cmd of inst.commands()) {
                const why = POINTLESS[cmd.name];
                if (why && cmd.program) {
                    findings.push({ range: cmd.program.range, message: `\`${cmd.name}\` ${why}.` });
                }
            }
        }
        return findings;
    },
};
