// Compares Dockwise's own shell tokenizer (server/src/core/shell.ts) with the shell parsers on npm:
// correctness on test/fixtures/shell/cases.json, parse speed on every RUN body of the repo's
// fixtures, and the bytes each would add to dist/server.js. Not part of `npm test`: the candidates
// are installed into a scratch folder, never into the project:
//
//   mkdir -p /tmp/shellcmp && cd /tmp/shellcmp && npm init -y && \
//     npm install mvdan-sh web-tree-sitter tree-sitter-bash bash-parser sh-syntax esbuild
//   cd /work/main && npx tsc -p . && node bench/shellParsers.mjs [--dir /tmp/shellcmp] [--json out.json]
//
// The figures and the decision are in docs/shell-parsers.md.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
};
const scratch = path.resolve(arg('--dir', process.env.SHELLCMP_DIR ?? '/tmp/shellcmp'));
const scratchRequire = createRequire(path.join(scratch, 'package.json'));
const ownRequire = createRequire(import.meta.url);

/** Raw word text as the shell sees it: line continuations are removed even inside a word. */
const norm = (raw) => raw.replace(/\\\r?\n/g, '');

// ---- Adapters: each turns a script into its simple commands (raw words), nested ones included.

function ours() {
    const { parseShell } = ownRequire(path.join(root, 'out/server/src/core/shell.js'));
    return {
        name: 'dockwise (shell.ts)',
        parse: (text) => parseShell(text),
        commands(text) {
            return parseShell(text)
                .commands.filter((c) => c.words.length > 0)
                .map((c) => c.words.map((w) => norm(text.slice(w.start, w.end))));
        },
    };
}

function mvdan() {
    const sh = scratchRequire('mvdan-sh');
    const { syntax } = sh;
    const parser = syntax.NewParser();
    const raw = (text, n) => norm(text.slice(n.Pos().Offset(), n.End().Offset()));
    return {
        name: 'mvdan-sh',
        parse: (text) => parser.Parse(text, 'run.sh'),
        commands(text) {
            const out = [];
            syntax.Walk(parser.Parse(text, 'run.sh'), (node) => {
                const type = node ? syntax.NodeType(node) : '';
                if (type === 'CallExpr' && node.Args.length > 0) {
                    out.push(node.Args.map((w) => raw(text, w)));
                } else if (type === 'DeclClause') {
                    out.push([node.Variant.Value, ...node.Args.map((a) => raw(text, a))]);
                }
                return true;
            });
            return out;
        },
    };
}

async function treeSitter() {
    const { Parser, Language } = await import(pathToFileURL(scratchRequire.resolve('web-tree-sitter')).href);
    await Parser.init();
    const lang = await Language.load(scratchRequire.resolve('tree-sitter-bash/tree-sitter-bash.wasm'));
    const parser = new Parser();
    parser.setLanguage(lang);
    return {
        name: 'tree-sitter-bash (web-tree-sitter)',
        parse: (text) => parser.parse(text).delete(),
        commands(text) {
            const tree = parser.parse(text);
            const out = [];
            const visit = (node) => {
                if (node.type === 'command') {
                    const name = node.childForFieldName('name');
                    const args = node.childrenForFieldName('argument');
                    out.push([name, ...args].filter(Boolean).map((n) => norm(n.text)));
                } else if (node.type === 'declaration_command' || node.type === 'unset_command') {
                    out.push(node.children.map((n) => norm(n.text)));
                }
                for (const child of node.namedChildren) {
                    visit(child);
                }
            };
            visit(tree.rootNode);
            const error = tree.rootNode.hasError;
            tree.delete();
            if (error) {
                throw new Error('syntax error in the tree');
            }
            return out;
        },
    };
}

function bashParser() {
    const parse = scratchRequire('bash-parser');
    const collect = (text, out) => {
        const visit = (node) => {
            if (Array.isArray(node)) {
                node.forEach(visit);
                return;
            }
            if (!node || typeof node !== 'object') {
                return;
            }
            if (node.type === 'Command' && node.name) {
                const words = [node.name, ...(node.suffix ?? []).filter((w) => w.type === 'Word')];
                out.push(words.map((w) => norm(text.slice(w.loc.start.char, w.loc.end.char + 1))));
                for (const w of words) {
                    for (const e of w.expansion ?? []) {
                        if (e.type === 'CommandExpansion' || e.type === 'ProcessSubstitution') {
                            collect(e.command, out);
                        }
                    }
                }
                return;
            }
            for (const [key, value] of Object.entries(node)) {
                if (key !== 'loc') {
                    visit(value);
                }
            }
        };
        visit(parse(text, { insertLOC: true }));
        return out;
    };
    return { name: 'bash-parser', parse: (text) => parse(text), commands: (text) => collect(text, []) };
}

async function shSyntax() {
    const { parse } = await import(pathToFileURL(scratchRequire.resolve('sh-syntax')).href);
    return {
        name: 'sh-syntax (mvdan/sh as WASM)',
        parseAsync: (text) => parse(text),
        // Its JSON AST keeps only statement positions (no node types, no words): nothing to check.
        commands: undefined,
    };
}

// ---- Inputs.

function dockerfiles(dir, out = []) {
    for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) {
            dockerfiles(file, out);
        } else if (/(?:^|\.)(?:dockerfile|containerfile)(?:\.|$)/i.test(name)) {
            out.push(file);
        }
    }
    return out;
}

/** Every RUN body (ONBUILD RUN too) of the fixtures, as the text the shell gets (after --flags). */
function runBodies() {
    const { buildModel } = ownRequire(path.join(root, 'out/server/src/core/model.js'));
    const files = [
        ...dockerfiles(path.join(root, 'test/fixtures')),
        ...dockerfiles(path.join(root, 'test/vscode/workspace')),
    ];
    const bodies = [];
    for (const file of files) {
        const model = buildModel(readFileSync(file, 'utf8'));
        for (const inst of model.instructions) {
            const run = inst.keyword === 'ONBUILD' ? inst.trigger() : inst;
            if (run?.keyword === 'RUN' && !run.json) {
                bodies.push(run.args().text.replace(/^(?:\s*--\S+)*\s*/, ''));
            }
        }
    }
    return { files: files.length, bodies };
}

// ---- Measurements.

function correctness(parser, cases) {
    const failed = [];
    for (const c of cases) {
        let got;
        try {
            got = parser.commands(c.script);
        } catch (e) {
            got = `throws: ${String(e.message ?? e)
                .split('\n')[0]
                .slice(0, 80)}`;
        }
        if (JSON.stringify(got) !== JSON.stringify(c.commands)) {
            failed.push({ name: c.name, feature: c.feature, got });
        }
    }
    return failed;
}

async function speed(parser, bodies) {
    const parseAll = parser.parseAsync
        ? async () => {
              for (const b of bodies) {
                  await parser.parseAsync(b).catch(() => undefined);
              }
          }
        : () => {
              for (const b of bodies) {
                  try {
                      parser.parse(b);
                  } catch {
                      // A body the parser rejects still costs its time.
                  }
              }
          };
    await parseAll(); // warm-up (JIT, wasm instantiation)
    let rounds = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0;
    while (elapsed < 1500 || rounds < 3) {
        await parseAll();
        rounds++;
        elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    }
    const perParse = (elapsed * 1000) / (rounds * bodies.length);
    return { opsPerSec: Math.round((rounds * bodies.length) / (elapsed / 1000)), usPerParse: perParse };
}

/** Minified bytes a parser adds to the production server bundle, plus the wasm files it must ship. */
async function bundleCost(spec) {
    const esbuild = scratchRequire('esbuild');
    const build = async (extra) => {
        const result = await esbuild.build({
            stdin: {
                contents: `import ${JSON.stringify(path.join(root, 'server/src/server.ts'))};\n${extra}`,
                resolveDir: scratch,
                loader: 'ts',
            },
            bundle: true,
            platform: 'node',
            target: 'node20',
            format: 'cjs',
            minify: true,
            write: false,
            logLevel: 'silent',
            external: ['cpu-features', './crypto/build/Release/sshcrypto.node'],
        });
        return result.outputFiles[0].contents.length;
    };
    const base = await build('');
    const withParser = await build(`import * as p from ${JSON.stringify(spec.module)}; globalThis.__p = p;`);
    const wasm = spec.wasm.reduce((n, f) => n + statSync(scratchRequire.resolve(f)).size, 0);
    return { base, added: withParser - base, wasm };
}

function ownBundleBytes() {
    const esbuild = scratchRequire('esbuild');
    const r = esbuild.buildSync({
        entryPoints: [path.join(root, 'server/src/core/shell.ts')],
        bundle: true,
        minify: true,
        write: false,
        format: 'cjs',
        platform: 'node',
    });
    return r.outputFiles[0].contents.length;
}

const { cases } = JSON.parse(readFileSync(path.join(root, 'test/fixtures/shell/cases.json'), 'utf8'));
const { files, bodies } = runBodies();
const bundles = {
    'mvdan-sh': { module: 'mvdan-sh', wasm: [] },
    'tree-sitter-bash (web-tree-sitter)': {
        module: 'web-tree-sitter',
        wasm: ['web-tree-sitter/web-tree-sitter.wasm', 'tree-sitter-bash/tree-sitter-bash.wasm'],
    },
    'bash-parser': { module: 'bash-parser', wasm: [] },
    'sh-syntax (mvdan/sh as WASM)': { module: 'sh-syntax', wasm: ['sh-syntax/main.wasm'] },
};

const results = [];
for (const make of [ours, mvdan, treeSitter, bashParser, shSyntax]) {
    const loadStart = process.hrtime.bigint();
    const parser = await make();
    const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
    const failed = parser.commands ? correctness(parser, cases) : undefined;
    const s = await speed(parser, bodies);
    const b = bundles[parser.name] ? await bundleCost(bundles[parser.name]) : { added: ownBundleBytes(), wasm: 0 };
    results.push({
        parser: parser.name,
        loadMs,
        passed: failed ? cases.length - failed.length : null,
        failed,
        ...s,
        ...b,
    });
}

const features = [...new Set(cases.map((c) => c.feature))];
console.log(`${cases.length} correctness cases; ${bodies.length} RUN bodies from ${files} fixture Dockerfiles\n`);
console.log(
    '| Parser | Cases passed | ' + features.join(' | ') + ' | RUN parses/s | µs/RUN | load ms | bundle kB | wasm kB |',
);
console.log('|' + ' --- |'.repeat(features.length + 7));
for (const r of results) {
    const perFeature = features.map((f) => {
        const total = cases.filter((c) => c.feature === f).length;
        return r.failed ? `${total - r.failed.filter((x) => x.feature === f).length}/${total}` : 'n/a';
    });
    console.log(
        `| ${r.parser} | ${r.passed === null ? 'n/a' : `${r.passed}/${cases.length}`} | ${perFeature.join(' | ')} | ` +
            `${r.opsPerSec.toLocaleString('en')} | ${r.usPerParse.toFixed(1)} | ${r.loadMs.toFixed(0)} | ` +
            `${(r.added / 1024).toFixed(0)} | ${(r.wasm / 1024).toFixed(0)} |`,
    );
}
for (const r of results) {
    for (const f of r.failed ?? []) {
        console.log(`  ${r.parser} fails ${f.name}: ${JSON.stringify(f.got)}`);
    }
}
const json = arg('--json', undefined);
if (json) {
    writeFileSync(json, JSON.stringify({ cases: cases.length, bodies: bodies.length, files, results }, null, 2));
}
