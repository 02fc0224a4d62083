import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../core/rules';
import type { Rule } from '../core/types';
import { DECLINED } from './declined';
import {
    README_END,
    README_START,
    readmeTable,
    ruleDoc,
    rulesIndex,
    spliceReadme,
    withSettingProperties,
} from './docsRender';

/**
 * Writes the docs that derive from the rule table: docs/rules/<id>.md, docs/rules/README.md, the
 * README rules table and the `dockwise.rules` properties in package.json.
 * Usage: node out/server/src/tools/generateDocs.js [--check]   (npm run docs)
 */

export const REGENERATE = 'run `npm run docs` to regenerate';

export interface GeneratedDocs {
    /** Repository-relative path (with /) → the content the generator writes. */
    files: Map<string, string>;
    /** docs/rules/*.md of rule ids that no longer exist. */
    stale: string[];
    /** Problems the generator cannot fix by itself (missing README markers, …). */
    errors: string[];
}

export function generateDocs(root: string, rules: readonly Rule[] = RULES): GeneratedDocs {
    const files = new Map<string, string>();
    const errors: string[] = [];
    for (const rule of rules) {
        files.set(`docs/rules/${rule.id}.md`, ruleDoc(rule));
    }
    files.set('docs/rules/README.md', rulesIndex(rules, DECLINED));
    const readme = spliceReadme(read(root, 'README.md') ?? '', readmeTable(rules));
    if (readme === undefined) {
        errors.push(`README.md needs the markers ${README_START} and ${README_END} around the rules table`);
    } else {
        files.set('README.md', readme);
    }
    const pkg = withSettingProperties(read(root, 'package.json') ?? '{}', rules);
    if (pkg === undefined) {
        errors.push('package.json has no contributes.configuration entry with a "dockwise.rules" setting');
    } else {
        files.set('package.json', pkg);
    }
    const ids = new Set(rules.map((r) => r.id));
    const dir = path.join(root, 'docs', 'rules');
    const stale = existsSync(dir)
        ? readdirSync(dir)
              .filter((f) => f.endsWith('.md') && f !== 'README.md' && !ids.has(f.slice(0, -3)))
              .map((f) => `docs/rules/${f}`)
        : [];
    return { files, stale, errors };
}

/** What differs between the repository and the generator's output, one line each. */
export function docsDrift(root: string, rules: readonly Rule[] = RULES): string[] {
    const { files, stale, errors } = generateDocs(root, rules);
    const drift = [...errors];
    for (const [file, content] of files) {
        const current = read(root, file);
        if (current === undefined) {
            drift.push(`${file} is missing`);
        } else if (current !== content) {
            drift.push(`${file} is out of date`);
        }
    }
    for (const file of stale) {
        drift.push(`${file} documents a rule that no longer exists`);
    }
    return drift;
}

function read(root: string, file: string): string | undefined {
    const p = path.join(root, file);
    return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
}

function main(argv: readonly string[]): number {
    // out/server/src/tools → the repository root.
    const root = path.resolve(__dirname, '..', '..', '..', '..');
    if (argv.includes('--check')) {
        const drift = docsDrift(root);
        for (const line of drift) {
            process.stderr.write(`${line}\n`);
        }
        if (drift.length > 0) {
            process.stderr.write(`Generated docs are out of date: ${REGENERATE}.\n`);
        }
        return drift.length > 0 ? 1 : 0;
    }
    try {
        const changed = writeDocs(root);
        for (const line of changed) {
            process.stdout.write(`${line}\n`);
        }
        process.stdout.write(changed.length === 0 ? 'docs are up to date\n' : `${changed.length} file(s) updated\n`);
        return 0;
    } catch (e) {
        process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
        return 1;
    }
}

/** Writes what changed and removes stale pages; returns one line per file touched. */
export function writeDocs(root: string, rules: readonly Rule[] = RULES): string[] {
    const { files, stale, errors } = generateDocs(root, rules);
    if (errors.length > 0) {
        throw new Error(errors.join('\n'));
    }
    const changed: string[] = [];
    for (const [file, content] of files) {
        if (read(root, file) !== content) {
            mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
            writeFileSync(path.join(root, file), content);
            changed.push(`wrote ${file}`);
        }
    }
    for (const file of stale) {
        rmSync(path.join(root, file));
        changed.push(`removed ${file}`);
    }
    return changed;
}

if (require.main === module) {
    process.exitCode = main(process.argv.slice(2));
}
