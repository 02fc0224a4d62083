// Drives an extension's QuickPick/InputBox steps from a test: while `fn` runs, `vscode.window.createQuickPick`
// and `createInputBox` return scripted stand-ins (the extension and the suite share one `vscode` API object), and
// each one shown is handed to the next step of the script, which types, picks and accepts like a user.
import * as vscode from 'vscode';

type Item = vscode.QuickPickItem;

/** A shown input as a script step sees it. */
export interface ScriptedInput {
    readonly kind: 'pick' | 'input';
    readonly title: string | undefined;
    readonly placeholder: string | undefined;
    readonly prompt: string | undefined;
    readonly items: readonly Item[];
    readonly value: string;
    /** The text of the validation message (InputBox), if any. */
    readonly validation: string | undefined;
    /** Types `text` (replacing the value) and presses Enter. */
    type(text: string): void;
    /** Makes the first item whose label matches active, and presses Enter. */
    pick(label: RegExp): void;
    /** Presses Enter. */
    accept(): void;
}

class Fake {
    private readonly changeValue = new vscode.EventEmitter<string>();
    private readonly acceptE = new vscode.EventEmitter<void>();
    private readonly hide = new vscode.EventEmitter<void>();
    private readonly button = new vscode.EventEmitter<vscode.QuickInputButton>();
    private readonly itemButton = new vscode.EventEmitter<vscode.QuickPickItemButtonEvent<Item>>();
    readonly onDidChangeValue = this.changeValue.event;
    readonly onDidAccept = this.acceptE.event;
    readonly onDidHide = this.hide.event;
    readonly onDidTriggerButton = this.button.event;
    readonly onDidTriggerItemButton = this.itemButton.event;
    readonly onDidChangeActive = new vscode.EventEmitter<readonly Item[]>().event;
    readonly onDidChangeSelection = new vscode.EventEmitter<readonly Item[]>().event;
    title: string | undefined;
    step: number | undefined;
    totalSteps: number | undefined;
    placeholder: string | undefined;
    prompt: string | undefined;
    buttons: readonly vscode.QuickInputButton[] = [];
    ignoreFocusOut = false;
    matchOnDescription = false;
    matchOnDetail = false;
    canSelectMany = false;
    busy = false;
    enabled = true;
    password = false;
    validationMessage: string | vscode.InputBoxValidationMessage | undefined;
    activeItems: readonly Item[] = [];
    selectedItems: readonly Item[] = [];
    private itemList: readonly Item[] = [];
    private text = '';
    private disposed = false;

    constructor(
        readonly kind: 'pick' | 'input',
        private readonly onShow: (f: Fake) => void,
    ) {}

    get items(): readonly Item[] {
        return this.itemList;
    }
    set items(v: readonly Item[]) {
        this.itemList = v;
        // As VS Code does: the first selectable row becomes active.
        const first = v.find((i) => i.kind !== vscode.QuickPickItemKind.Separator);
        this.activeItems = first ? [first] : [];
    }
    get value(): string {
        return this.text;
    }
    set value(v: string) {
        this.text = v;
    }
    show(): void {
        setTimeout(() => this.onShow(this), 0);
    }
    dispose(): void {
        if (!this.disposed) {
            this.disposed = true;
            this.hide.fire();
        }
    }
    typeText(text: string): void {
        this.text = text;
        this.changeValue.fire(text);
    }
    pressEnter(): void {
        this.acceptE.fire();
    }
}

function view(f: Fake): ScriptedInput {
    // Getters: a step that types sees the rows the extension computed for the new text.
    return {
        kind: f.kind,
        get title() {
            return f.title;
        },
        get placeholder() {
            return f.placeholder;
        },
        get prompt() {
            return f.prompt;
        },
        get items() {
            return f.items;
        },
        get value() {
            return f.value;
        },
        get validation() {
            const m = f.validationMessage;
            return typeof m === 'string' ? m : m?.message;
        },
        type: (text) => {
            f.typeText(text);
            f.pressEnter();
        },
        pick: (label) => {
            const item = f.items.find((i) => label.test(i.label));
            if (!item) {
                throw new Error(`no item matches ${label} in ${f.title}: ${f.items.map((i) => i.label).join(' | ')}`);
            }
            f.activeItems = [item];
            f.pressEnter();
        },
        accept: () => f.pressEnter(),
    };
}

/**
 * Runs `fn` with scripted quick inputs: `steps[n]` handles the n-th input shown. A step that throws, or an input
 * shown after the script ended, fails the run (the input is dismissed so `fn` can settle).
 */
export async function withScriptedQuickInputs<T>(
    steps: readonly ((input: ScriptedInput) => void)[],
    fn: () => Thenable<T>,
): Promise<{ result: T; shown: ScriptedInput[] }> {
    const w = vscode.window as unknown as Record<string, unknown>;
    const originals = { createQuickPick: w.createQuickPick, createInputBox: w.createInputBox };
    const shown: ScriptedInput[] = [];
    let failure: Error | undefined;
    const onShow = (f: Fake): void => {
        const step = steps[shown.length];
        shown.push(view(f));
        try {
            if (!step) {
                throw new Error(`unexpected input "${f.title}" (${f.placeholder ?? f.prompt ?? ''})`);
            }
            step(view(f));
        } catch (e) {
            failure ??= e instanceof Error ? e : new Error(String(e));
            f.dispose();
        }
    };
    w.createQuickPick = () => new Fake('pick', onShow);
    w.createInputBox = () => new Fake('input', onShow);
    try {
        const result = await fn();
        if (failure) {
            throw failure;
        }
        return { result, shown };
    } finally {
        w.createQuickPick = originals.createQuickPick;
        w.createInputBox = originals.createInputBox;
    }
}
