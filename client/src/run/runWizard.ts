// Run Image's guided input: image, name, ports, environment, mounts, logs, lifetime, mode, then a review
// showing the `docker run` line (copyable). Every answer is checked as it is typed, with the CLI's rules.
import type { ImageDetails } from '../engine/types';
import { suggestName, validateName } from './runSpec';
import { BACK, type Answer, type Frame, inputStep, listStep, pickStep } from './multiStep';
import { exposedPortEntries, parsePortSpec, portClash } from './ports';
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
import { mountActions, mountError, mountText } from './mountPrompts';
import { type Plan, STEP, lifetimeStep, reviewStep } from './runChoices';
import type { RunPlan } from './runPlan';

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

type Step = { when?: () => boolean; run: (frame: Frame) => Promise<Answer<'next' | number>> };

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

/** Asks everything; resolves with the plan to run, or undefined when cancelled. */
export async function askRunPlan(facts: WizardFacts): Promise<RunPlan | undefined> {
    let plan: Plan = { image: facts.image ?? '' };
    let details: ImageDetails | undefined;
    let loadedFor: string | undefined;
    const load = async (image: string): Promise<void> => {
        if (loadedFor === image) {
            return;
        }
        loadedFor = image;
        details = await facts.inspectImage(image).catch(() => undefined);
        const old = facts.remembered(image);
        const name = freeName(old?.name || suggestName(image), facts.containerNames);
        plan = old
            ? { ...old, name, labels: undefined }
            : { image, name, ports: exposedPortEntries(details?.exposedPorts ?? []) };
    };
    if (facts.image) {
        await load(facts.image);
    }
    const title = (): string => `Run ${plan.image || 'Image'}`;
    const driver = (): string => plan.logDriver ?? facts.engineLogDriver;
    const needsLogOptions = (): boolean => {
        const d = logDriverInfo(driver());
        return !!plan.logDriver && (!d || (d.readBack === 'cache' && !d.windowsOnly)) && plan.logDriver !== 'none';
    };

    const steps: Step[] = [
        {
            when: () => !facts.image,
            run: async (frame) => {
                const items = facts.images.map((i) => ({ label: i.ref, description: i.description }));
                const r = await pickStep(frame, items, {
                    placeholder: 'Image to run',
                    active: items.find((i) => i.label === plan.image),
                });
                if (r === undefined || r === BACK) {
                    return r;
                }
                await load(r.label);
                return 'next';
            },
        },
        {
            run: async (frame) => {
                const r = await inputStep(frame, {
                    prompt: 'Container name (--name); empty: the engine makes one up',
                    value: plan.name ?? '',
                    validate: validateName,
                    warn: (v) =>
                        facts.containerNames.has(v.trim())
                            ? `A container named ${v.trim()} exists: Run will offer to replace it.`
                            : undefined,
                });
                return typeof r === 'string' ? ((plan.name = r.trim() || undefined), 'next') : r;
            },
        },
        {
            run: async (frame) => {
                const exposed = details?.exposedPorts ?? [];
                const r = await listStep(frame, {
                    entries: plan.ports ?? [],
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
                        .filter((e) => !(plan.ports ?? []).includes(e))
                        .map((e) => ({ label: `$(plug) ${e}`, description: 'EXPOSEd by the image', fill: e })),
                });
                return Array.isArray(r) ? ((plan.ports = r), 'next') : r;
            },
        },
        {
            run: async (frame) => {
                const r = await listStep(frame, {
                    entries: plan.env ?? [],
                    noun: 'environment variables',
                    placeholder: 'Set an environment variable (-e): KEY=VALUE',
                    validate: (entry) => {
                        const p = parseEnv(entry);
                        return 'error' in p ? p.error : undefined;
                    },
                    normalize: (e) => e.replace(/^\s+/, ''),
                    add: withEnv,
                    actions: (details?.env ?? [])
                        .filter((e) => !/^PATH=/.test(e))
                        .map((e) => ({
                            label: `$(symbol-variable) ${e}`,
                            description: 'set by the image: pick to override',
                            fill: e,
                        })),
                });
                return Array.isArray(r) ? ((plan.env = r), 'next') : r;
            },
        },
        {
            run: async (frame) => {
                const r = await listStep(frame, {
                    entries: plan.mounts ?? [],
                    noun: 'mounts',
                    placeholder: 'Mount (-v): VOLUME:/path, /host/folder:/path[:ro] or /path (anonymous volume)',
                    validate: (entry, others) => mountError(entry, others, facts),
                    normalize: (e) => {
                        const p = parseMount(e, { baseDir: facts.baseDir, home: facts.home });
                        return 'value' in p ? mountText(p.value.source, p.value.target, p.value.readOnly) : e.trim();
                    },
                    actions: mountActions(facts, details?.volumes ?? [], plan),
                });
                return Array.isArray(r) ? ((plan.mounts = r), 'next') : r;
            },
        },
        {
            run: async (frame) => {
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
                    active: items.find((i) => i.id === plan.logDriver) ?? engineDefault,
                });
                if (r === undefined || r === BACK) {
                    return r;
                }
                if (r.id !== plan.logDriver) {
                    plan.logOptions = []; // options belong to one driver
                }
                plan.logDriver = r.id;
                return 'next';
            },
        },
        {
            when: needsLogOptions,
            run: async (frame) => {
                const info = logDriverInfo(driver());
                const r = await listStep(frame, {
                    entries: plan.logOptions ?? [],
                    noun: 'log options',
                    placeholder: `Log option for ${driver()} (--log-opt): KEY=VALUE${info?.required ? `; needs ${info.required.join(', ')}` : ''}`,
                    validate: (entry) => {
                        const p = parseLogOption(entry);
                        return 'error' in p ? p.error : undefined;
                    },
                    complete: (entries) => missingLogOptions(driver(), entries),
                    actions: [...(info?.required ?? []).map((k) => `${k}=`), ...(info?.example ?? [])].map((e) => ({
                        label: `$(edit) ${e}`,
                        fill: e,
                    })),
                });
                return Array.isArray(r) ? ((plan.logOptions = r), 'next') : r;
            },
        },
        { run: (frame) => lifetimeStep(frame, plan) },
        {
            run: async (frame) => {
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
                    active: items[plan.interactive ? 1 : 0],
                });
                return r === undefined || r === BACK ? r : ((plan.interactive = r.interactive), 'next');
            },
        },
    ];
    const review = steps.length;
    steps.push({ run: (frame) => reviewStep(frame, plan, review) });

    // After changing one answer from the review, go back to the review.
    let returnTo: number | undefined;
    for (let i = 0; i <= review;) {
        const active = steps.map((s, k) => ((s.when?.() ?? true) ? k : -1)).filter((k) => k >= 0);
        if (!active.includes(i)) {
            i++;
            continue;
        }
        const r = await steps[i]!.run({ title: title(), step: active.indexOf(i) + 1, total: active.length });
        if (r === undefined) {
            return undefined;
        }
        if (r === BACK) {
            i = [...active].reverse().find((k) => k < i) ?? i;
        } else if (typeof r === 'number') {
            returnTo = r > review ? undefined : review;
            i = r;
        } else if (returnTo !== undefined && !(i === STEP.logDriver && needsLogOptions())) {
            // (a new log driver may need its options first)
            i = returnTo;
            returnTo = undefined;
        } else {
            i++;
        }
    }
    return { ...plan, logOptions: plan.logDriver ? plan.logOptions : undefined };
}
