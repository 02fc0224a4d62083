import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const root = path.resolve(__dirname, '..', '..', '..');

interface Language {
    id: string;
    filenames?: string[];
    filenamePatterns?: string[];
    extensions?: string[];
}

const contributed = (
    JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
        contributes: { languages: Language[] };
    }
).contributes.languages;

/** What VS Code's built-in extensions (1.139) contribute for the same names. */
const BUILT_IN: Language[] = [
    {
        id: 'dockerfile',
        filenames: ['Dockerfile', 'Containerfile'],
        filenamePatterns: ['Dockerfile.*', 'Containerfile.*'],
        extensions: ['.dockerfile', '.containerfile'],
    },
    { id: 'ignore', filenames: ['.vscodeignore'], extensions: ['.gitignore_global', '.gitignore'] },
    { id: 'markdown', extensions: ['.md'] },
    { id: 'shellscript', extensions: ['.sh'] },
];

function globToRegExp(glob: string): RegExp {
    const body = glob
        .split(/(\*\*\/|\*)/)
        .map((part) =>
            part === '**/' ? '(?:.*/)?' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
        )
        .join('');
    return new RegExp(`^${body}$`, 'i');
}

/**
 * The language VS Code gives a file: an exact file name wins, then the longest matching pattern (matched
 * against the whole path when it has a slash), then the longest extension; later contributions win ties.
 */
function languageOf(filePath: string): string | undefined {
    const name = path.posix.basename(filePath).toLowerCase();
    const all = [...BUILT_IN, ...contributed];
    let byName: string | undefined;
    let byPattern: { id: string; length: number } | undefined;
    let byExtension: { id: string; length: number } | undefined;
    for (const lang of all) {
        if (lang.filenames?.some((f) => f.toLowerCase() === name)) {
            byName = lang.id;
        }
        for (const p of lang.filenamePatterns ?? []) {
            const target = p.includes('/') ? filePath : name;
            if (globToRegExp(p).test(target) && (!byPattern || p.length >= byPattern.length)) {
                byPattern = { id: lang.id, length: p.length };
            }
        }
        for (const e of lang.extensions ?? []) {
            if (name.endsWith(e.toLowerCase()) && (!byExtension || e.length >= byExtension.length)) {
                byExtension = { id: lang.id, length: e.length };
            }
        }
    }
    return byName ?? byPattern?.id ?? byExtension?.id;
}

describe('file associations', () => {
    it('open Dockerfiles and Containerfiles as dockerfile', () => {
        for (const file of [
            '/w/Dockerfile',
            '/w/dockerfile',
            '/w/Containerfile',
            '/w/Dockerfile.dev',
            '/w/Dockerfile.prod.arm64',
            '/w/Containerfile.ci',
            '/w/api.Dockerfile',
            '/w/api.dockerfile',
            '/w/worker.containerfile',
        ]) {
            assert.equal(languageOf(file), 'dockerfile', file);
        }
    });
    it('open .dockerignore and per-Dockerfile ignore files as ignore, not as Dockerfiles', () => {
        for (const file of [
            '/w/.dockerignore',
            '/w/.containerignore',
            '/w/Dockerfile.dockerignore',
            '/w/Containerfile.dockerignore',
            '/w/api.Dockerfile.dockerignore',
            '/w/Containerfile.containerignore',
        ]) {
            assert.equal(languageOf(file), 'ignore', file);
        }
    });
    it('leave unrelated files alone', () => {
        assert.equal(languageOf('/w/README.md'), 'markdown');
        assert.equal(languageOf('/w/build.sh'), 'shellscript');
        assert.equal(languageOf('/w/.gitignore'), 'ignore');
    });
});
