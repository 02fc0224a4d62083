import type { Command } from '../commands';
import type { Rule } from '../types';
import { type Off, switchFindings } from '../kit';

/**
 * `curl -k`/`--insecure` and `wget --no-check-certificate`: the download accepts any certificate, so
 * whoever sits between the build and the server can hand over their own file. Issue 16 §3, the first
 * of the "verification turned off" family.
 */

function switchesOff(cmd: Command): Off[] {
    const out: Off[] = [];
    for (const word of cmd.args) {
        const v = word.value;
        if (word.dynamic) {
            continue;
        }
        if (cmd.name === 'curl' && (v === '--insecure' || v === '-k')) {
            out.push({ word, rest: undefined, written: v });
        } else if (
            cmd.name === 'curl' &&
            /^-[A-Za-z]+$/.test(v) &&
            v.includes('k') &&
            !/[oOudHXAeErTwxyzCKQ]/.test(v.slice(0, v.indexOf('k')))
        ) {
            // `-fsSLk`: short switches bundled; stop at a letter that takes a value (its value would follow).
            out.push({ word, rest: v.replace('k', ''), written: v });
        } else if (cmd.name === 'wget' && v === '--no-check-certificate') {
            out.push({ word, rest: undefined, written: v });
        }
    }
    return out;
}

export const insecureDownload: Rule = {
    id: 'insecure-download',
    title: 'Do not turn off certificate checks when downloading',
    category: 'security',
    defaultSeverity: 'warning',
    docs: {
        why: '`curl -k` (`--insecure`) and `wget --no-check-certificate` accept any certificate, so anyone between the build and the server (a proxy, a hijacked network, a poisoned DNS answer) can hand over a file of their own, and it goes into the image. Fix the trust instead: install `ca-certificates`, or add the private CA to the image’s trust store.',
        bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 \\\n    && curl -fsSLk -o /tmp/tool.tgz https://downloads.example.com/tool.tgz\n',
        good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends ca-certificates=20230311 curl=7.88.1-10+deb12u8 \\\n    && curl -fsSL -o /tmp/tool.tgz https://downloads.example.com/tool.tgz\n',
        notes: [
            'Reported on `curl -k`, `curl --insecure`, a `k` among bundled short switches (`-fsSLk`) and `wget --no-check-certificate`, in RUN (also inside `sh -c` and `ONBUILD RUN`).',
            'The quick fix removes the switch. If the server uses a private CA, copy its certificate into /usr/local/share/ca-certificates/ and run `update-ca-certificates` (Debian, Ubuntu, Alpine) or `update-ca-trust` (Fedora, RHEL) first.',
        ].join('\n\n'),
    },
    equivalents: {},
    check({ model }) {
        return switchFindings(
            model,
            switchesOff,
            'check certificates',
            (cmd, off) =>
                `\`${cmd.name} ${off.written}\` turns off the certificate check: anyone between the build and the server can hand over another file, and it goes into the image. Remove it and make the certificate trusted (\`ca-certificates\`, or your CA in the trust store).`,
        );
    },
};
