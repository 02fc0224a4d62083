import type { Command, CommandWord } from '../commands';
import type { DockerfileModel } from '../model';
import type { Finding, Fix } from '../types';
import { replaceWord } from './edits';
import { allRuns } from './runs';

// The "verification turned off" rules share one shape: find switches on RUN commands (also in `sh -c` and
// ONBUILD RUN), report each on the switch, and offer to remove it.

/** A switch that turns a check off, as one word of a command. */
export interface Off {
    word: CommandWord;
    /** The word without the switch (`-fsSL` for `-fsSLk`), or undefined when the whole word goes. */
    rest: string | undefined;
    written: string;
    /** The option word the switch is the value of (`-o` before `APT::Get::AllowUnauthenticated=true`): it goes too. */
    option?: CommandWord;
}

/** Removes the switch: the letter from a bundle, or the word with the blank before it (shell form only). */
export function removeSwitch(model: DockerfileModel, cmd: Command, off: Off, why: string): Fix | undefined {
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
    const first = off.option ?? off.word;
    const before = cmd.words[cmd.words.indexOf(first) - 1];
    const plain = (w: CommandWord): boolean =>
        model.text.slice(model.offsetAt(w.range.start), model.offsetAt(w.range.end)) === w.value;
    if (cmd.form !== 'shell' || !before || !plain(off.word) || !plain(first)) {
        return undefined;
    }
    const shown = off.option ? `${off.option.value} ${off.written}` : off.written;
    return {
        title: `Remove \`${shown}\` (${why})`,
        edits: [{ range: { start: before.range.end, end: off.word.range.end }, newText: '' }],
        preferred: true,
    };
}

/** One finding per switch `find` reports on any RUN command, with the fix that removes it. */
export function switchFindings(
    model: DockerfileModel,
    find: (cmd: Command) => Off[],
    fixWhy: string,
    message: (cmd: Command, off: Off) => string,
): Finding[] {
    const findings: Finding[] = [];
    for (const { inst } of allRuns(model)) {
        for (const cmd of inst.commands()) {
            for (const off of find(cmd)) {
                const fix = removeSwitch(model, cmd, off, fixWhy);
                findings.push({ range: off.word.range, message: message(cmd, off), fixes: fix ? [fix] : [] });
            }
        }
    }
    return findings;
}
