// Run Image's guided input: image, name, ports, environment, mounts, logs, lifetime, mode, then a review
// showing the `docker run` line (copyable). Every answer is checked as it is typed, with the CLI's rules.
// The steps are in runSteps.ts; this walks them (Back, skipped steps, changing one answer from the review).
import { BACK } from './multiStep';
import { STEP } from './runChoices';
import type { RunPlan } from './runPlan';
import { STEPS, type WizardFacts, type WizardState, loadImage, needsLogOptions } from './runSteps';

export { freeName, type WizardFacts } from './runSteps';

/** Asks everything; resolves with the plan to run, or undefined when cancelled. */
export async function askRunPlan(facts: WizardFacts): Promise<RunPlan | undefined> {
    const start: WizardState = { plan: { image: facts.image ?? '' } };
    let state = facts.image ? await loadImage(start, facts.image, facts) : start;
    // After changing one answer from the review, go back to the review.
    let returnTo: number | undefined;
    for (let i = 0; i <= STEP.review;) {
        const active = STEPS.map((s, k) => ((s.when?.(state, facts) ?? true) ? k : -1)).filter((k) => k >= 0);
        if (!active.includes(i)) {
            i++;
            continue;
        }
        const frame = {
            title: `Run ${state.plan.image || 'Image'}`,
            step: active.indexOf(i) + 1,
            total: active.length,
        };
        const r = await STEPS[i]!.run(frame, state, facts);
        if (r === undefined) {
            return undefined;
        }
        if (r === BACK) {
            i = [...active].reverse().find((k) => k < i) ?? i;
        } else if (typeof r === 'number') {
            returnTo = r > STEP.review ? undefined : STEP.review;
            i = r;
        } else {
            state = r;
            if (returnTo !== undefined && !(i === STEP.logDriver && needsLogOptions(state, facts))) {
                // (a new log driver may need its options first)
                i = returnTo;
                returnTo = undefined;
            } else {
                i++;
            }
        }
    }
    const { plan } = state;
    return { ...plan, logOptions: plan.logDriver ? plan.logOptions : undefined };
}
