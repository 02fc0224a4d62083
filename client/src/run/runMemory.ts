// Run Image's remembered plans (workspace state): the last one for Run Again, and the last one per image so the
// next Run of that image starts from the same answers.
import { isRunPlan, type RunPlan } from './runPlan';

/** The part of vscode.Memento used here (a Map-backed stand-in works without VS Code). */
export interface PlanStore {
    get<T>(key: string): T | undefined;
    update(key: string, value: unknown): Thenable<void>;
}

const KEY = 'dockwise.run.plans';
const MAX_IMAGES = 30;

interface Stored {
    last?: RunPlan;
    byImage?: Record<string, RunPlan>;
}

export class RunMemory {
    constructor(private readonly store: PlanStore) {}

    private read(): Stored {
        const s = this.store.get<Stored>(KEY);
        return typeof s === 'object' && s !== null ? s : {};
    }

    /** The plan Run Again replays. */
    last(): RunPlan | undefined {
        const p = this.read().last;
        return isRunPlan(p) ? p : undefined;
    }

    /** The last plan used for this image, if any. */
    forImage(image: string): RunPlan | undefined {
        const p = this.read().byImage?.[image];
        return isRunPlan(p) ? p : undefined;
    }

    async remember(plan: RunPlan): Promise<void> {
        const s = this.read();
        // Newest last; the oldest images are forgotten first.
        const byImage = Object.entries(s.byImage ?? {}).filter(([k]) => k !== plan.image);
        byImage.push([plan.image, plan]);
        await this.store.update(KEY, {
            last: plan,
            byImage: Object.fromEntries(byImage.slice(-MAX_IMAGES)),
        } satisfies Stored);
    }
}
