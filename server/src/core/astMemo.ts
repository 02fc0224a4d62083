// The package's entry first: its modules require each other in a cycle that only resolves in that order.
import 'dockerfile-ast';
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
 * the Argument objects are shared. Only while a lint runs (`withAstMemo`): the language service's
 * features read the same dockerfile-ast and some of them change what they get (its semantic tokens
 * came out different with the memo on), so outside a lint every call computes afresh as before.
 */

const MEMO = Symbol('dockwise.astMemo');

type Memo = Partial<Record<'raw' | 'variables' | 'property', unknown[]>>;
type Memoized = { [MEMO]?: Memo };

function memoize(proto: object, method: string, slot: keyof Memo): void {
    const target = proto as Record<string, (this: Memoized) => unknown[]>;
    const original = target[method]!;
    target[method] = function (this: Memoized) {
        if (active === 0) {
            return original.call(this);
        }
        const memo = (this[MEMO] ??= {});
        const list = (memo[slot] ??= original.call(this));
        return list.slice();
    };
}

const PATCHED = Symbol.for('dockwise.astMemo.patched');

/** How many `withAstMemo` calls are running (nested lints count once each). */
let active = 0;

/** Runs `f` (a lint, synchronous) with dockerfile-ast's argument scans memoized. */
export function withAstMemo<T>(f: () => T): T {
    active++;
    try {
        return f();
    } finally {
        active--;
    }
}

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
