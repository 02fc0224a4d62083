// The mount step's helpers for Run Image: checking `-v` entries against each other, and the rows that ask for
// a named volume (new or existing, or one the image declares) or a host folder instead of typing `-v` syntax.
import * as vscode from 'vscode';
import { OBJECT_NAME } from '../commands/dockerNames';
import { suggestName } from './runSpec';
import type { ListAction } from './multiStep';
import { mountClash, parseMount } from './runOptions';
import type { RunPlan } from './runPlan';
import type { WizardFacts } from './runSteps';

export function mountText(source: string, target: string, readOnly?: boolean): string {
    return source ? `${source}:${target}${readOnly ? ':ro' : ''}` : target;
}

export function mountError(entry: string, others: readonly string[], facts: WizardFacts): string | undefined {
    const p = parseMount(entry, { baseDir: facts.baseDir, home: facts.home });
    if ('error' in p) {
        return p.error;
    }
    const all = [...others, entry].flatMap((e) => {
        const x = parseMount(e, { baseDir: facts.baseDir, home: facts.home });
        return 'value' in x ? [x.value] : [];
    });
    return mountClash(all);
}

async function containerPath(prompt: string, value: string): Promise<string | undefined> {
    const target = await vscode.window.showInputBox({
        title: 'Container path',
        prompt: `${prompt} (append :ro for read-only)`,
        value,
        ignoreFocusOut: true,
        validateInput: (v) => (v.trim().startsWith('/') ? undefined : 'An absolute path in the container, e.g. /data.'),
    });
    return target?.trim() || undefined;
}

export function mountActions(facts: WizardFacts, declared: readonly string[], plan: RunPlan): ListAction[] {
    const mounted = new Set((plan.mounts ?? []).map((m) => m.split(':')[1] ?? m));
    const free = declared.filter((d) => !mounted.has(d));
    const base = (plan.name || suggestName(plan.image)).replace(/[^a-zA-Z0-9_.-]/g, '-');
    const askName = (value: string): Thenable<string | undefined> =>
        vscode.window.showInputBox({
            title: 'Volume name',
            prompt: 'A new named volume (the engine creates it on first use)',
            value,
            ignoreFocusOut: true,
            validateInput: (v) =>
                OBJECT_NAME.test(v.trim()) ? undefined : 'Two or more letters, digits, "_", "." or "-".',
        });
    const actions: ListAction[] = free.map((target) => ({
        label: `$(database) New volume for ${target}`,
        description: 'declared by the image (VOLUME)',
        run: async () => {
            const name = await askName(`${base}-${target.split('/').filter(Boolean).pop() ?? 'data'}`);
            return name ? `${name.trim()}:${target}` : undefined;
        },
    }));
    actions.push(
        {
            label: '$(new-folder) New named volume…',
            run: async () => {
                const name = await askName(`${base}-data`);
                const target =
                    name && (await containerPath(`Where ${name.trim()} appears in the container`, free[0] ?? '/data'));
                return name && target ? `${name.trim()}:${target}` : undefined;
            },
        },
        ...facts.volumes.map((v) => ({
            label: `$(database) ${v}`,
            description: 'existing volume',
            run: async () => {
                const target = await containerPath(`Where ${v} appears in the container`, free[0] ?? '/data');
                return target ? `${v}:${target}` : undefined;
            },
        })),
        {
            label: '$(folder) Bind mount a host folder…',
            description: facts.engineIsLocal ? undefined : 'paths are on the engine’s machine',
            run: async () => {
                const picked = facts.engineIsLocal
                    ? (
                          await vscode.window.showOpenDialog({
                              canSelectFolders: true,
                              canSelectFiles: true,
                              canSelectMany: false,
                              openLabel: 'Mount',
                          })
                      )?.[0]?.fsPath
                    : await vscode.window.showInputBox({
                          title: 'Host path',
                          prompt: 'An absolute path on the engine’s machine',
                          ignoreFocusOut: true,
                      });
                const target =
                    picked && (await containerPath(`Where ${picked} appears in the container`, free[0] ?? '/data'));
                return picked && target ? `${picked}:${target}` : undefined;
            },
        },
    );
    return actions;
}
