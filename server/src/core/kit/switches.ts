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
