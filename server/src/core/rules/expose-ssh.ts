import type { Finding, Rule } from '../types';

/** Whether an EXPOSE word (`22`, `22/tcp`, `20-30`) covers port 22. */
function coversSsh(word: string): boolean {
    const m = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(word);
    if (!m) {
        return false;
    }
    const low = Number(m[1]);
    const high = m[2] === undefined ? low : Number(m[2]);
    return low <= 22 && 22 <= high && (m[3] === undefined || m[3].toLowerCase() === 'tcp');
}

export const exposeSsh: Rule = {
    id: 'expose-ssh',
    title: 'Do not expose the SSH port',
    category: 'security',
    defaultSeverity: 'warning',
    equivalents: { trivy: ['DS-0004'] },
    docs: {
        why: 'Port 22 means an SSH server in the container: a second process, keys to manage and a remote-login door into every copy of the image. Use `docker exec` (or `kubectl exec`) to get a shell instead.',
        bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends openssh-server\nEXPOSE 22 8080\n',
        good: 'FROM debian:12-slim\nEXPOSE 8080\n',
        notes: 'Reported for `22`, `22/tcp` and ranges that include 22.',
    },
    check({ model }) {
        const findings: Finding[] = [];
        for (const inst of model.instructions) {
            if (inst.keyword !== 'EXPOSE') {
                continue;
            }
            const lt = inst.args();
            for (const m of lt.text.matchAll(/\S+/g)) {
                if (coversSsh(m[0])) {
                    findings.push({
                        range: model.rangeOf(lt.map[m.index]!, lt.map[m.index + m[0].length - 1]! + 1),
                        message:
                            'Port 22 exposed: an SSH server in a container is a second process and a login door into every copy of the image. Use `docker exec` for a shell.',
                    });
                }
            }
        }
        return findings;
    },
};
