// A small multi-step QuickInput toolkit (title with "n/N", a Back button, Escape cancels), including a list
// editor: type an entry and press Enter to add it, pick an entry to edit it, Enter on an empty line goes on.
import * as vscode from 'vscode';

export const BACK = Symbol('back');
/** A step's answer: a value, BACK (the Back button), or undefined (cancelled). */
export type Answer<T> = T | typeof BACK | undefined;

export interface Frame {
    readonly title: string;
    readonly step: number;
    readonly total: number;
}

function titled(input: vscode.QuickInput, frame: Frame): void {
    input.title = `${frame.title} (${frame.step}/${frame.total})`;
    input.step = undefined; // the step count is in the title, which also names the image
    input.ignoreFocusOut = true;
}

function settle<T>(
    input: vscode.QuickInput,
    wire: (done: (a: Answer<T>) => void) => vscode.Disposable[],
): Promise<Answer<T>> {
    return new Promise((resolve) => {
        let finished = false;
        const subs: vscode.Disposable[] = [];
        const done = (a: Answer<T>): void => {
            if (finished) {
                return;
            }
            finished = true;
            subs.forEach((d) => d.dispose());
            input.dispose();
            resolve(a);
        };
        subs.push(
            ...wire(done),
            input.onDidHide(() => done(undefined)),
        );
        input.show();
    });
}

export function inputStep(
    frame: Frame,
    options: {
        prompt: string;
        value?: string;
        placeholder?: string;
        /** An error blocks Enter. */
        validate?: (v: string) => string | undefined;
        /** A warning is shown but does not block. */
        warn?: (v: string) => string | undefined;
    },
): Promise<Answer<string>> {
    const box = vscode.window.createInputBox();
    titled(box, frame);
    box.prompt = options.prompt;
    box.placeholder = options.placeholder;
    box.value = options.value ?? '';
    box.buttons = frame.step > 1 ? [vscode.QuickInputButtons.Back] : [];
    let blocked = false;
    const check = (): void => {
        const error = options.validate?.(box.value);
        const warning = error ? undefined : options.warn?.(box.value);
        blocked = !!error;
        box.validationMessage =
            error ?? (warning && { message: warning, severity: vscode.InputBoxValidationSeverity.Warning });
    };
    check();
    return settle<string>(box, (done) => [
        box.onDidChangeValue(check),
        box.onDidTriggerButton((b) => b === vscode.QuickInputButtons.Back && done(BACK)),
        box.onDidAccept(() => {
            check();
            if (!blocked) {
                done(box.value);
            }
        }),
    ]);
}

export function pickStep<T extends vscode.QuickPickItem>(
    frame: Frame,
    items: readonly T[],
    options: { placeholder: string; active?: T },
): Promise<Answer<T>> {
    const qp = vscode.window.createQuickPick<T>();
    titled(qp, frame);
    qp.placeholder = options.placeholder;
    qp.items = items;
    qp.matchOnDescription = true;
    if (options.active) {
        qp.activeItems = [options.active];
    }
    qp.buttons = frame.step > 1 ? [vscode.QuickInputButtons.Back] : [];
    return settle<T>(qp, (done) => [
        qp.onDidTriggerButton((b) => b === vscode.QuickInputButtons.Back && done(BACK)),
        qp.onDidAccept(() => {
            const picked = qp.selectedItems[0] ?? qp.activeItems[0];
            if (picked) {
                done(picked);
            }
        }),
    ]);
}

/** An extra row of a list step: `fill` puts text in the input to edit; `run` asks for an entry elsewhere. */
export interface ListAction extends vscode.QuickPickItem {
    readonly fill?: string;
    readonly run?: () => Promise<string | undefined>;
}

export interface ListOptions {
    readonly entries: readonly string[];
    /** What to type, e.g. "HOST:CONTAINER, e.g. 8080:80". */
    readonly placeholder: string;
    /** Words for the entries, e.g. "port mappings". */
    readonly noun: string;
    /** An error for a new entry, given the others; undefined when it may be added. */
    readonly validate: (entry: string, others: readonly string[]) => string | undefined;
    /** How an accepted entry is stored (e.g. a relative path made absolute); default trimmed. */
    readonly normalize?: (entry: string) => string;
    /** Adds an entry to the list (default: appended); e.g. replaces the same variable. */
    readonly add?: (list: readonly string[], entry: string) => string[];
    /** An error that blocks going on with these entries (e.g. a required log option is missing). */
    readonly complete?: (entries: readonly string[]) => string | undefined;
    readonly actions?: readonly ListAction[];
}

type Row = vscode.QuickPickItem & { entry?: string; action?: ListAction; next?: true; typed?: true };
const REMOVE: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('close'), tooltip: 'Remove' };

/** The list editor; resolves with the final entries. */
export async function listStep(frame: Frame, options: ListOptions): Promise<Answer<string[]>> {
    let entries = [...options.entries];
    let value = '';
    const add = options.add ?? ((l, e) => [...l, e]);
    const normalize = options.normalize ?? ((e: string) => e.trim());
    for (;;) {
        const r = await listOnce(frame, options, entries, value);
        if (r === undefined || r === BACK) {
            return r;
        }
        value = '';
        if ('done' in r) {
            return entries;
        }
        if ('entries' in r) {
            entries = r.entries;
            value = r.value ?? '';
            continue;
        }
        const got = await r.action.run?.();
        if (got !== undefined) {
            const error = options.validate(got, entries);
            if (error) {
                void vscode.window.showWarningMessage(error);
                value = got;
            } else {
                entries = add(entries, normalize(got));
            }
        }
    }
}

type Once = { done: true } | { entries: string[]; value?: string } | { action: ListAction };

function listOnce(frame: Frame, options: ListOptions, entries: string[], initial: string): Promise<Answer<Once>> {
    const qp = vscode.window.createQuickPick<Row>();
    titled(qp, frame);
    qp.placeholder = `${options.placeholder} — Enter adds it; Enter on an empty line goes on`;
    qp.buttons = frame.step > 1 ? [vscode.QuickInputButtons.Back] : [];
    const add = options.add ?? ((l, e) => [...l, e]);
    const normalize = options.normalize ?? ((e: string) => e.trim());
    const rows = (): Row[] => {
        const typed = qp.value.trim();
        const out: Row[] = [];
        if (typed) {
            const error = options.validate(typed, entries);
            out.push(
                error
                    ? { label: `$(error) ${typed}`, detail: error, alwaysShow: true, typed: true }
                    : { label: `$(add) Add ${typed}`, alwaysShow: true, typed: true },
            );
        } else {
            const blocked = options.complete?.(entries);
            out.push(
                blocked
                    ? { label: '$(error) Cannot go on yet', detail: blocked, next: true, alwaysShow: true }
                    : {
                          label: '$(arrow-right) Continue',
                          description: entries.length ? `${entries.length} ${options.noun}` : `no ${options.noun}`,
                          next: true,
                          alwaysShow: true,
                      },
            );
        }
        if (entries.length) {
            out.push({ label: options.noun, kind: vscode.QuickPickItemKind.Separator });
            out.push(...entries.map((e) => ({ label: e, entry: e, buttons: [REMOVE], description: 'pick to edit' })));
        }
        if (options.actions?.length) {
            out.push({ label: 'more', kind: vscode.QuickPickItemKind.Separator });
            out.push(...options.actions.map((a) => ({ ...a, action: a })));
        }
        return out;
    };
    qp.value = initial;
    qp.items = rows();
    return settle<Once>(qp, (done) => [
        qp.onDidChangeValue(() => (qp.items = rows())),
        qp.onDidTriggerButton((b) => b === vscode.QuickInputButtons.Back && done(BACK)),
        qp.onDidTriggerItemButton((e) => done({ entries: entries.filter((x) => x !== e.item.entry), value: qp.value })),
        qp.onDidAccept(() => {
            const typed = qp.value.trim();
            if (typed) {
                // Typed text always means "add this", whichever row the filter made active.
                if (!options.validate(typed, entries)) {
                    done({ entries: add(entries, normalize(typed)) });
                }
                return;
            }
            const row = qp.activeItems[0];
            if (row?.next) {
                if (!options.complete?.(entries)) {
                    done({ done: true });
                }
            } else if (row?.entry !== undefined) {
                done({ entries: entries.filter((x) => x !== row.entry), value: row.entry });
            } else if (row?.action?.fill !== undefined) {
                qp.value = row.action.fill;
                qp.items = rows();
            } else if (row?.action) {
                done({ action: row.action });
            }
        }),
    ]);
}
