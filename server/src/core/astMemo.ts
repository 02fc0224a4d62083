import { Instruction } from 'dockerfile-ast/lib/instruction';
import { PropertyInstruction } from 'dockerfile-ast/lib/propertyInstruction';

/*
 * dockerfile-ast recomputes an instruction's arguments on every call: `getRawArguments` scans the
 * instruction's text again and builds new Argument and Range objects each time, and `getArguments`,
 * `getArgumentsRange`, `getRawArgumentsContent`, `getFlags`, `getVariables` all go through it. Its own
 * parse calls it several times per instruction (the JSONInstruction constructor alone, three), and so
 * does dockerfile-utils' validate: a CPU profile of `dockwise lint --rules all` on 410 Dockerfiles put a
 * third of the run in it (docs/lint-speed.md). An instruction's document, range and escape character
 * are set once in its constructor and never change, so the scan is done once per instruction and kept.
 * Callers get a copy of the array (ModifiableInstruction.getArguments shifts the flags off what it gets);
 * the Argument objects are immutable. The bundle holds one dockerfile-ast, so the language service's
 * features get the same saving.
 */

const MEMO = Symbol('dockwise.astMemo');

type Memo = Partial<Record<'raw' | 'variables' | 'property', unknown[]>>;
type Memoized = { [MEMO]?: Memo };

function memoize(proto: object, method: string, slot: keyof Memo): void {
    const target = proto as Record<string, (this: Memoized) => unknown[]>;
    const original = target[method]!;
    target[method] = function (this: Memoized) {
        const memo = (this[MEMO] ??= {});
        const list = (memo[slot] ??= original.call(this));
        return list.slice();
    };
}

const PATCHED = Symbol.for('dockwise.astMemo.patched');

function patch(): void {
    const proto = Instruction.prototype as unknown as Record<symbol, boolean>;
    if (proto[PATCHED]) {
        return;
    }
    memoize(Instruction.prototype, 'getRawArguments', 'raw');
    memoize(Instruction.prototype, 'getVariables', 'variables');
    memoize(PropertyInstruction.prototype, 'getPropertyArguments', 'property');
    proto[PATCHED] = true;
}

patch();
