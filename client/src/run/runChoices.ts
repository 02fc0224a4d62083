// Run Image's last steps: what happens when the container stops (--rm or a restart policy, never both), and
// the review with the `docker run` line (Run, Copy, or go back to one answer).
import * as vscode from 'vscode';
import { BACK, type Answer, type Frame, inputStep, pickStep } from './multiStep';
import { parseRestart } from './runOptions';
import { runCommandLine, type RunPlan } from './runPlan';

/** Step numbers of the wizard that the review can go back to. */
export const STEP = {
    name: 1,
    ports: 2,
    env: 3,
    mounts: 4,
    logDriver: 5,
    logOptions: 6,
    lifetime: 7,
    mode: 8,
    review: 9,
} as const;

/** --rm or a restart policy (or neither), as the plan's `autoRemove` and `restart`. */
export async function lifetimeStep(
    frame: Frame,
    plan: RunPlan,
): Promise<Answer<Pick<RunPlan, 'autoRemove' | 'restart'>>> {
    const items = [
        {
            label: 'Keep it when it stops',
            description: 'no restart',
            detail: 'Start it again from the Containers view.',
            rm: false,
            restart: undefined as string | undefined,
        },
        {
            label: 'Remove it when it stops',
            description: '--rm',
            detail: 'For one-off runs; its anonymous volumes go too, named ones stay.',
            rm: true,
            restart: undefined,
        },
        {
            label: 'Restart it when it fails',
            description: '--restart on-failure',
            detail: 'Only after a non-zero exit.',
            rm: false,
            restart: 'on-failure',
        },
        {
            label: 'Restart it when it fails, at most N times…',
            description: '--restart on-failure:N',
            rm: false,
            restart: 'on-failure:',
        },
        {
            label: 'Always restart it',
            description: '--restart always',
            detail: 'Also when the engine starts, even after you stopped it.',
            rm: false,
            restart: 'always',
        },
        {
            label: 'Restart it unless you stopped it',
            description: '--restart unless-stopped',
            detail: 'The usual choice for a service.',
            rm: false,
            restart: 'unless-stopped',
        },
    ];
    const current = plan.autoRemove
        ? items[1]
        : (items.find((i) => i.restart && plan.restart?.startsWith(i.restart)) ?? items[0]);
    const r = await pickStep(frame, items, {
        placeholder: 'When the container stops (--rm and a restart policy exclude each other)',
        active: current,
    });
    if (r === undefined || r === BACK) {
        return r;
    }
    let restart = r.restart;
    if (restart === 'on-failure:') {
        const n = await inputStep(frame, {
            prompt: 'Restart at most this many times (--restart on-failure:N)',
            value: /^on-failure:(\d+)$/.exec(plan.restart ?? '')?.[1] ?? '3',
            validate: (v) =>
                'error' in parseRestart(`on-failure:${v.trim()}`) || !v.trim() ? 'A whole number, e.g. 3.' : undefined,
        });
        if (n === undefined || n === BACK) {
            return n === BACK ? lifetimeStep(frame, plan) : undefined;
        }
        restart = `on-failure:${n.trim()}`;
    }
    return { autoRemove: r.rm || undefined, restart };
}

export async function reviewStep(frame: Frame, plan: RunPlan, review: number): Promise<Answer<number>> {
    const line = runCommandLine(plan);
    for (;;) {
        const items = [
            { label: plan.interactive ? '$(terminal) Run in a terminal' : '$(play) Run', detail: line, go: review + 1 },
            { label: '$(copy) Copy command line', detail: 'The same run with the docker CLI', go: -1 },
            { label: 'change', kind: vscode.QuickPickItemKind.Separator, go: -2 },
            { label: `Name: ${plan.name || '(engine picks)'}`, go: STEP.name },
            { label: `Ports: ${plan.ports?.join(', ') || 'none'}`, go: STEP.ports },
            {
                label: `Environment: ${plan.env?.length ? plan.env.map((e) => e.split('=')[0]).join(', ') : 'none'}`,
                go: STEP.env,
            },
            { label: `Mounts: ${plan.mounts?.join(', ') || 'none'}`, go: STEP.mounts },
            { label: `Logs: ${plan.logDriver ?? 'engine default'}`, go: STEP.logDriver },
            {
                label: `When it stops: ${plan.autoRemove ? 'remove (--rm)' : plan.restart ? `restart (${plan.restart})` : 'keep'}`,
                go: STEP.lifetime,
            },
            {
                label: `Mode: ${plan.interactive ? 'interactive in a terminal (-it)' : 'in the background (-d)'}`,
                go: STEP.mode,
            },
        ];
        const r = await pickStep(frame, items, {
            placeholder: 'Run it, copy the docker run line, or change an answer',
        });
        if (r === undefined || r === BACK) {
            return r;
        }
        if (r.go === -1) {
            try {
                await vscode.env.clipboard.writeText(line);
                vscode.window.setStatusBarMessage('Copied the docker run command line', 3000);
            } catch (e) {
                // (a browser may refuse clipboard access): the line is still in the Run row's detail
                void vscode.window.showWarningMessage(`Could not copy: ${e instanceof Error ? e.message : String(e)}`);
            }
            continue;
        }
        return r.go;
    }
}
