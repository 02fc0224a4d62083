import { PropertyInstruction } from 'dockerfile-ast';
import parseSpdx from 'spdx-expression-parse';
import type { DockerfileModel, Instruction, Stage } from '../model';
import { copyArgs, flagValue } from './copyArgs';
import { stageChain } from '../kit/stages';
import type { RuleOptions } from '../types';

/**
 * Label keys and the label schema of hadolint's `label-schema` setting: which formats a label
 * value can be required to have, and how each is checked.
 */

export const LABEL_FORMATS = ['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email'] as const;
export type LabelFormat = (typeof LABEL_FORMATS)[number];

/** Why a key breaks Docker's label key guidelines, or undefined when it follows them. */
export function labelKeyProblem(key: string): string | undefined {
    if (/^(?:com\.docker|io\.docker|org\.dockerproject)\./.test(key)) {
        return 'the namespaces com.docker.*, io.docker.* and org.dockerproject.* are reserved for Docker';
    }
    if (/[^a-z0-9.-]/.test(key)) {
        return 'keys use only lowercase letters, digits, `.` and `-`';
    }
    if (!/^[a-z]/.test(key)) {
        return 'keys start with a lowercase letter';
    }
    if (!/[a-z0-9]$/.test(key)) {
        return 'keys end with a lowercase letter or a digit';
    }
    if (/\.\.|--/.test(key)) {
        return 'keys have no consecutive `.` or `-`';
    }
    return undefined;
}

const SEMVER =
    /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;
// RFC 5322 addr-spec, dot-atom form (quoted local parts and domain literals are not used in labels).
const EMAIL =
    /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;

function validDate(m: RegExpExecArray): boolean {
    const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as number[];
    const days = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
    const offsetOk = m[7] === undefined || (Number(m[7]) < 24 && Number(m[8]) < 60);
    return (
        month! >= 1 &&
        month! <= 12 &&
        day! >= 1 &&
        day! <= days &&
        hour! < 24 &&
        minute! < 60 &&
        second! <= 60 &&
        offsetOk
    );
}

/** Why a value does not have the format, or undefined when it has. */
export function formatProblem(format: LabelFormat, value: string): string | undefined {
    switch (format) {
        case 'text':
            return undefined;
        case 'url':
            return /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(value) && canParseUrl(value) ? undefined : 'is not a valid URL';
        case 'semver':
            return SEMVER.test(value) ? undefined : 'does not conform to semantic versioning';
        case 'hash':
            return /^(?:[0-9a-f]{7}|[0-9a-f]{40}|[0-9a-f]{64})$/.test(value) ? undefined : 'is not a valid git hash';
        case 'rfc3339': {
            const m = RFC3339.exec(value);
            return m && validDate(m) ? undefined : 'is not a valid time format - must conform to RFC3339';
        }
        case 'spdx':
            return isSpdx(value) ? undefined : 'is not a valid SPDX license identifier';
        case 'email':
            return EMAIL.test(value) && value.length <= 254
                ? undefined
                : 'is not a valid email format - must conform to RFC5322';
    }
}

function canParseUrl(value: string): boolean {
    try {
        new URL(value);
        return true;
    } catch {
        return false;
    }
}

/** An SPDX license expression (`MIT`, `Apache-2.0 OR MIT`, `LicenseRef-x`), as OCI's `licenses` label asks. */
export function isSpdx(value: string): boolean {
    try {
        parseSpdx(value);
        return true;
    } catch {
        return false;
    }
}

/** The `labelSchema` option: label name → format; unknown formats are dropped (the config reader reports them). */
export function labelSchema(options: RuleOptions): Map<string, LabelFormat> {
    const schema = new Map<string, LabelFormat>();
    const raw = options.labelSchema;
    if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
        for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
            if (typeof v === 'string' && (LABEL_FORMATS as readonly string[]).includes(v)) {
                schema.set(k, v as LabelFormat);
            }
        }
    }
    return schema;
}

export interface LabelPair {
    key: string;
    /** Quotes removed; null when the key has no value. */
    value: string | null;
    /** The value holds a `$` expansion. */
    dynamic: boolean;
    inst: Instruction;
    keyStart: number;
    keyEnd: number;
    valueStart: number | undefined;
    valueEnd: number | undefined;
}

/** Every key/value pair of a LABEL instruction. */
export function labelPairs(model: DockerfileModel, inst: Instruction): LabelPair[] {
    if (inst.keyword !== 'LABEL' || !(inst.ast instanceof PropertyInstruction)) {
        return [];
    }
    return inst.ast.getProperties().map((p) => {
        const vr = p.getValueRange();
        const raw = vr ? model.text.slice(model.offsetAt(vr.start), model.offsetAt(vr.end)) : '';
        return {
            key: p.getName(),
            value: p.getValue(),
            dynamic: raw.includes('$'),
            inst,
            keyStart: model.offsetAt(p.getNameRange().start),
            keyEnd: model.offsetAt(p.getNameRange().end),
            valueStart: vr ? model.offsetAt(vr.start) : undefined,
            valueEnd: vr ? model.offsetAt(vr.end) : undefined,
        };
    });
}

/**
 * Stages that make an image someone runs: not a stage another one builds on or copies from
 * (those are build steps; their labels do not ship).
 */
export function imageStages(model: DockerfileModel): Stage[] {
    const used = new Set<Stage>();
    for (const s of model.stages) {
        if (s.parent) {
            used.add(s.parent);
        }
    }
    for (const inst of model.instructions) {
        const from =
            inst.keyword === 'COPY' ? flagValue(copyArgs(model, inst), 'from')?.value.toLowerCase() : undefined;
        const source =
            from === undefined ? undefined : model.stages.find((s, i) => s.alias === from || String(i) === from);
        if (source) {
            used.add(source);
        }
    }
    return model.stages.filter((s) => !used.has(s) || s === model.finalStage);
}

/** The labels a stage's image carries: its own and those of the stages it builds on, later ones winning. */
export function stageLabels(model: DockerfileModel, stage: Stage): Map<string, LabelPair> {
    const labels = new Map<string, LabelPair>();
    for (const s of stageChain(stage).reverse()) {
        for (const inst of s.instructions) {
            for (const pair of labelPairs(model, inst)) {
                labels.set(pair.key, pair);
            }
        }
    }
    return labels;
}
