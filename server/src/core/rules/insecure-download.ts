import type { Command, CommandWord } from '../commands';
import type { Finding, Fix, Rule } from '../types';
import { allRuns, replaceWord } from '../kit';
import type { DockerfileModel } from '../model';

/**
 * `curl -k`/`--insecure` and `wget --no-check-certificate`: the download accepts any certificate, so
 * whoever sits between the build and the server can hand over their own file. Issue 16 §3, the first
 * of the "verification turned off" family.
 */

export interface Off {
    word: CommandWord;
    /** The word without the switch (`-fsSL` for `-fsSLk`), or undefined when the whole word goes. */
    rest: string | undefined;
    written: string;
}

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

/** Removes the switch: the letter from a bundle, or the word with the blank before it (shell form only). Shared with unsigned-packages. */
export function removal(model: DockerfileModel, cmd: Command, off: Off, why = 'check certificates'): Fix | undefined {
    if (off.rest !== undefined) {
        const edit = replaceWord(model, cmd, off.word, off.rest);
        return (
            edit && {
                title: `Remove \`k\` from \`${off.written}\` (${why})`,
                edits: [edit],
                preferred: true,
            }
        );
    }
    const i = cmd.words.indexOf(off.word);
    const before = cmd.words[i - 1];
    if (
        cmd.form !== 'shell' ||
        !before ||
        model.text.slice(model.offsetAt(off.word.range.start), model.offsetAt(off.word.range.end)) !== off.written
    ) {
        return undefined;
    }
    return {
        title: `Remove \`${off.written}\` (${why})`,
        edits: [{ range: { start: before.range.end, end: off.word.range.end }, newText: '' }],
        preferred: true,
    };
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
        const findings: Finding[] = [];
        for (const { inst } of allRuns(model)) {
            for (const cmd of inst.commands()) {
                for (const off of switchesOff(cmd)) {
                    const fix = removal(model, cmd, off);
                    findings.push({
                        range: off.word.range,
                        message: `\`${cmd.name} ${off.written}\` turns off the certificate check: anyone between the build and the server can hand over another file, and it goes into the image. Remove it and make the certificate trusted (\`ca-certificates\`, or your CA in the trust store).`,
                        fixes: fix ? [fix] : [],
                    });
                }
            }
        }
        return findings;
    },
};
