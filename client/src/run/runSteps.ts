// The steps of Run Image's guided input, one function each. A step gets the answers so far and gives back
// new ones (it never changes what it was given), BACK, a step number to jump to, or undefined (cancelled).
import type { ImageDetails } from '../engine/types';
import { mountActions, mountError, mountText } from './mountPrompts';
import { BACK, type Answer, type Frame, inputStep, listStep, pickStep } from './multiStep';
import { exposedPortEntries, parsePortSpec, portClash } from './ports';
import { STEP, lifetimeStep, reviewStep } from './runChoices';
import {
    LOG_DRIVERS,
    logDriverInfo,
    missingLogOptions,
    parseEnv,
    parseLogOption,
    parseMount,
    readBackHint,
    withEnv,
} from './runOptions';
import type { RunPlan } from './runPlan';
import { suggestName, validateName } from './runSpec';

/** What the wizard needs to know about the engine and the workspace (gathered by the command). */
export interface WizardFacts {
    /** The image, when the command was invoked on one (the image step is skipped). */
    readonly image?: string;
    /** Local images to pick from otherwise. */
    readonly images: readonly { ref: string; description?: string }[];
    readonly inspectImage: (ref: string) => Promise<ImageDetails | undefined>;
    readonly containerNames: ReadonlySet<string>;
    readonly volumes: readonly string[];
    readonly engineLogDriver: string;
    readonly engineOsType: string;
    /** Bind mounts name folders on the engine's machine: local paths only mean something on a local engine. */
    readonly engineIsLocal: boolean;
    readonly baseDir?: string;
    readonly home?: string;
    readonly remembered: (image: string) => RunPlan | undefined;
}

/** The answers so far, and what was learnt about the image they were started from. */
export interface WizardState {
    readonly plan: RunPlan;
    readonly details?: ImageDetails;
    /** The image `plan` and `details` were loaded for: picking it again keeps the answers. */
    readonly loadedFor?: string;
}

export type StepAnswer = Answer<WizardState | number>;

export interface Step {
    readonly when?: (state: WizardState, facts: WizardFacts) => boolean;
    run(frame: Frame, state: WizardState, facts: WizardFacts): Promise<StepAnswer>;
}

/** A name nobody uses yet: `web`, else `web-2`, `web-3`… */
export function freeName(base: string, taken: ReadonlySet<string>): string {
    if (!base || !taken.has(base)) {
        return base;
    }
    for (let i = 2; ; i++) {
        if (!taken.has(`${base}-${i}`)) {
            return `${base}-${i}`;
        }
    }
}

/** The answers for a newly chosen image: remembered ones (under a free name), else its exposed ports. */
export async function loadImage(state: WizardState, image: string, facts: WizardFacts): Promise<WizardState> {
    if (state.loadedFor === image) {
        return state;
    }
    const details = await facts.inspectImage(image).catch(() => undefined);
    const old = facts.remembered(image);
    const name = freeName(old?.name || suggestName(image), facts.containerNames);
    const plan: RunPlan = old
        ? { ...old, name, labels: undefined }
        : { image, name, ports: exposedPortEntries(details?.exposedPorts ?? []) };
    return { plan, details, loadedFor: image };
}

function withPlan(state: WizardState, change: Partial<RunPlan>): WizardState {
    return { ...state, plan: { ...state.plan, ...change } };
}

function logDriver(plan: RunPlan, facts: WizardFacts): string {
    return plan.logDriver ?? facts.engineLogDriver;
}

/** A chosen driver whose logs the engine cannot read back by itself (it may need options, e.g. an address). */
export function needsLogOptions(state: WizardState, facts: WizardFacts): boolean {
    const { plan } = state;
    const d = logDriverInfo(logDriver(plan, facts));
    return !!plan.logDriver && (!d || (d.readBack === 'cache' && !d.windowsOnly)) && plan.logDriver !== 'none';
}

async function imageStep(frame: Frame, state: WizardState, facts: WizardFacts): Promise<StepAnswer> {
    const items = facts.images.map((i) => ({ label: i.ref, description: i.description }));
    const r = await pickStep(frame, items, {
        placeholder: 'Image to run',
        active: items.find((i) => i.label === state.plan.image),
    });
    return r === undefined || r === BACK ? r : loadImage(state, r.label, facts);
}

async function nameStep(frame: Frame, state: WizardState, facts: WizardFacts): Promise<StepAnswer> {
    const r = await inputStep(frame, {
        prompt: 'Container name (--name); empty: the engine makes one up',
        value: state.plan.name ?? '',
        validate: validateName,
        warn: (v) =>
            facts.containerNames.has(v.trim())
                ? `A container named ${v.trim()} exists: Run will offer to replace it.`
                : undefined,
    });
    return typeof r === 'string' ? withPlan(state, { name: r.trim() || undefined }) : r;
}

async function portsStep(frame: Frame, state: WizardState): Promise<StepAnswer> {
    const exposed = state.details?.exposedPorts ?? [];
    const ports = state.plan.ports ?? [];
    const r = await listStep(frame, {
        entries: ports,
        noun: 'port mappings',
        placeholder: `Publish a port (-p): HOST:CONTAINER, e.g. 8080:80 or 127.0.0.1:8080:80/tcp${exposed.length ? `; the image EXPOSEs ${exposed.join(', ')}` : ''}`,
        validate: (entry, others) => {
            const p = parsePortSpec(entry);
            if ('error' in p) {
                return p.error;
            }
            const all = [...others, entry].flatMap((e) => {
                const x = parsePortSpec(e);
                return 'ports' in x ? x.ports : [];
            });
            return portClash(all);
        },
        actions: exposedPortEntries(exposed)
            .filter((e) => !ports.includes(e))
            .map((e) => ({ label: `$(plug) ${e}`, description: 'EXPOSEd by the image', fill: e })),
    });
    return Array.isArray(r) ? withPlan(state, { ports: r }) : r;
}

async function envStep(frame: Frame, state: WizardState): Promise<StepAnswer> {
    const r = await listStep(frame, {
        entries: state.plan.env ?? [],
        noun: 'environment variables',
        placeholder: 'Set an environment variable (-e): KEY=VALUE',
        validate: (entry) => {
            const p = parseEnv(entry);
            return 'error' in p ? p.error : undefined;
        },
        normalize: (e) => e.replace(/^\s+/, ''),
        add: withEnv,
        actions: (state.details?.env ?? [])
            .filter((e) => !/^PATH=/.test(e))
            .map((e) => ({
                label: `$(symbol-variable) ${e}`,
                description: 'set by the image: pick to override',
                fill: e,
            })),
    });
    return Array.isArray(r) ? withPlan(state, { env: r }) : r;
}

async function mountsStep(frame: Frame, state: WizardState, facts: WizardFacts): Promise<StepAnswer> {
    const r = await listStep(frame, {
        entries: state.plan.mounts ?? [],
        noun: 'mounts',
        placeholder: 'Mount (-v): VOLUME:/path, /host/folder:/path[:ro] or /path (anonymous volume)',
        validate: (entry, others) => mountError(entry, others, facts),
        normalize: (e) => {
            const p = parseMount(e, { baseDir: facts.baseDir, home: facts.home });
            return 'value' in p ? mountText(p.value.source, p.value.target, p.value.readOnly) : e.trim();
        },
        actions: mountActions(facts, state.details?.volumes ?? [], state.plan),
    });
    return Array.isArray(r) ? withPlan(state, { mounts: r }) : r;
}

async function logDriverStep(frame: Frame, state: WizardState, facts: WizardFacts): Promise<StepAnswer> {
    const engineDefault = {
        label: `Engine default (${facts.engineLogDriver})`,
        detail: readBackHint(facts.engineLogDriver),
        id: undefined as string | undefined,
    };
    const items = [
        engineDefault,
        ...LOG_DRIVERS.filter((d) => !d.windowsOnly || facts.engineOsType === 'windows').map((d) => ({
            label: d.id,
            description: d.description,
            detail: readBackHint(d.id),
            id: d.id as string | undefined,
        })),
    ];
    const r = await pickStep(frame, items, {
        placeholder: 'Log driver (--log-driver): where the container’s stdout and stderr go',
        active: items.find((i) => i.id === state.plan.logDriver) ?? engineDefault,
    });
    if (r === undefined || r === BACK) {
        return r;
    }
    // Options belong to one driver.
    const logOptions = r.id !== state.plan.logDriver ? [] : state.plan.logOptions;
    return withPlan(state, { logDriver: r.id, logOptions });
}

async function logOptionsStep(frame: Frame, state: WizardState, facts: WizardFacts): Promise<StepAnswer> {
    const driver = logDriver(state.plan, facts);
    const info = logDriverInfo(driver);
    const r = await listStep(frame, {
        entries: state.plan.logOptions ?? [],
        noun: 'log options',
        placeholder: `Log option for ${driver} (--log-opt): KEY=VALUE${info?.required ? `; needs ${info.required.join(', ')}` : ''}`,
        validate: (entry) => {
            const p = parseLogOption(entry);
            return 'error' in p ? p.error : undefined;
        },
        complete: (entries) => missingLogOptions(driver, entries),
        actions: [...(info?.required ?? []).map((k) => `${k}=`), ...(info?.example ?? [])].map((e) => ({
            label: `$(edit) ${e}`,
            fill: e,
        })),
    });
    return Array.isArray(r) ? withPlan(state, { logOptions: r }) : r;
}

async function lifetime(frame: Frame, state: WizardState): Promise<StepAnswer> {
    const r = await lifetimeStep(frame, state.plan);
    return r === undefined || r === BACK ? r : withPlan(state, r);
}

async function modeStep(frame: Frame, state: WizardState): Promise<StepAnswer> {
    const items = [
        {
            label: '$(run-all) In the background',
            description: '-d',
            detail: 'Follow it in the Containers view and its log.',
            interactive: false,
        },
        {
            label: '$(terminal) Interactively in a terminal',
            description: '-it',
            detail: 'A terminal attached to the container’s stdin and stdout (a shell, a REPL); closing it detaches.',
            interactive: true,
        },
    ];
    const r = await pickStep(frame, items, {
        placeholder: 'How to run it',
        active: items[state.plan.interactive ? 1 : 0],
    });
    return r === undefined || r === BACK ? r : withPlan(state, { interactive: r.interactive });
}

/** The steps in order (STEP in runChoices.ts numbers them); the review comes last, at STEP.review. */
export const STEPS: readonly Step[] = [
    { when: (_, facts) => !facts.image, run: imageStep },
    { run: nameStep },
    { run: portsStep },
    { run: envStep },
    { run: mountsStep },
    { run: logDriverStep },
    { when: needsLogOptions, run: logOptionsStep },
    { run: lifetime },
    { run: modeStep },
    { run: (frame, state) => reviewStep(frame, state.plan, STEP.review) },
];
