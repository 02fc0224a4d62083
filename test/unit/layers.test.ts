// The layer rules on the resolved import graph of every source file (ESLint's patterns see only the
// import strings; this resolves them, so a deep `../../` cannot slip past).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const IMPORT =
    /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/g;

interface Edge {
    readonly from: string;
    /** A repository path (`server/src/core/lint`) for relative imports, else the package name. */
    readonly to: string;
    readonly relative: boolean;
}

function sourceFiles(dir: string): string[] {
    return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
        const rel = `${dir}/${e.name}`;
        return e.isDirectory() ? sourceFiles(rel) : e.name.endsWith('.ts') ? [rel] : [];
    });
}

export function importsOf(file: string, text: string): Edge[] {
    const out: Edge[] = [];
    for (const m of text.matchAll(IMPORT)) {
        const spec = m[1] ?? m[2] ?? m[3]!;
        const relative = spec.startsWith('.');
        const to = relative ? path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)) : spec;
        out.push({ from: file, to, relative });
    }
    return out;
}

const under = (p: string, dir: string): boolean => p === dir || p.startsWith(`${dir}/`);
const pkg = (spec: string): string => spec.replace(/^node:/, '').split('/')[0]!;

/** The rule an import breaks, or undefined. */
export function violation(e: Edge): string | undefined {
    const { from, to, relative } = e;
    if (under(from, 'server/src/core')) {
        if (relative && !under(to, 'server/src/core') && !under(to, 'server/src/shared')) {
            return 'the lint core imports only itself and shared/';
        }
        if (!relative && ['vscode', 'vscode-languageserver', 'fs', 'child_process', 'dockerode'].includes(pkg(to))) {
            return 'the lint core is pure (no vscode, LSP connection, file system, processes or engine)';
        }
    }
    if (under(from, 'server/src/shared') && relative && !under(to, 'server/src/shared')) {
        return 'shared/ is a leaf';
    }
    if (under(from, 'client/src')) {
        if (relative && !under(to, 'client/src') && !under(to, 'server/src/shared')) {
            return 'the client imports only server/src/shared';
        }
        const engine = under(from, 'client/src/engine');
        if (engine && (pkg(to) === 'vscode' || pkg(to) === 'vscode-languageclient')) {
            return 'the engine layer never imports vscode';
        }
        if (engine && relative && under(to, 'client/src') && !under(to, 'client/src/engine')) {
            return 'the engine layer imports only itself';
        }
        if (!engine && ['dockerode', 'docker-modem', 'ssh2'].includes(pkg(to))) {
            return 'only the engine layer touches dockerode';
        }
    }
    return undefined;
}

describe('layers: the resolved import graph', () => {
    it('flags what each layer may not import', () => {
        const bad: [string, string][] = [
            ['server/src/core/rules/x.ts', '../../features/logger'],
            ['server/src/core/kit/x.ts', 'node:fs'],
            ['server/src/shared/x.ts', '../core/types'],
            ['client/src/views/x.ts', '../../../server/src/core/lint'],
            ['client/src/engine/x.ts', 'vscode'],
            ['client/src/engine/x.ts', '../views/format'],
            ['client/src/commands/x.ts', 'dockerode'],
        ];
        for (const [file, spec] of bad) {
            const [edge] = importsOf(file, `import { a } from '${spec}';`);
            assert.ok(violation(edge!), `${file} → ${spec} should be refused`);
        }
        const good: [string, string][] = [
            ['server/src/core/rules/x.ts', '../kit'],
            ['server/src/core/types.ts', '../shared/severity'],
            ['client/src/languageClient.ts', '../../server/src/shared/settings'],
            ['client/src/engine/build/x.ts', '../types'],
        ];
        for (const [file, spec] of good) {
            const [edge] = importsOf(file, `import { a } from '${spec}';`);
            assert.equal(violation(edge!), undefined, `${file} → ${spec}`);
        }
    });

    it('every source file keeps to its layer', () => {
        const files = [...sourceFiles('server/src'), ...sourceFiles('client/src')];
        assert.ok(files.length > 100, `found only ${files.length} source files`);
        const broken = files
            .flatMap((f) => importsOf(f, fs.readFileSync(path.join(ROOT, f), 'utf8')))
            .map((e) => ({ e, why: violation(e) }))
            .filter((x) => x.why)
            .map((x) => `${x.e.from} → ${x.e.to}: ${x.why}`);
        assert.deepEqual(broken, []);
    });
});
