// Section 7: the whole command-line process, as CI runs it. A folder of generated Dockerfiles (bench/corpus.mjs,
// one per project folder) linted by one `dockwise lint --rules all` process (the shipped dist/cli.js), against
// one Node process running dockerfile-utils validate on every Dockerfile of the same folder (bundled and
// minified the same way). Interleaved, median of several rounds; wall time and the process's own CPU time.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateCorpus, lineCount } from './corpus.mjs';
import { BUILD, log, median, now, ROOT, round, section } from './support/util.mjs';

const REPORT_CPU = pathToFileURL(path.join(ROOT, 'bench', 'support', 'reportCpu.mjs')).href;

/** Writes the corpus as project folders (p0/Dockerfile, …); returns the folder and its size. */
function writeCorpus(seed, files) {
    const dir = path.join(BUILD, 'cli-corpus');
    rmSync(dir, { recursive: true, force: true });
    let lines = 0;
    generateCorpus(seed, files).forEach((text, i) => {
        mkdirSync(path.join(dir, `p${i}`), { recursive: true });
        writeFileSync(path.join(dir, `p${i}`, 'Dockerfile'), text);
        lines += lineCount(text);
    });
    return { dir, files, lines };
}

/** One run of a Node script in a fresh process: wall ms, its own CPU ms, and its stdout. */
function runOnce(script, args) {
    const cpuFile = path.join(BUILD, 'cli-cpu.txt');
    rmSync(cpuFile, { force: true });
    const t0 = now();
    const r = spawnSync(process.execPath, ['--import', REPORT_CPU, script, ...args], {
        encoding: 'utf8',
        maxBuffer: 256 * 2 ** 20,
        env: { ...process.env, DOCKWISE_BENCH_CPU_FILE: cpuFile },
        timeout: 300_000,
    });
    const wallMs = now() - t0;
    if (r.status !== 0) {
        throw new Error(`${path.basename(script)} exited ${r.status ?? r.signal}: ${r.stderr.trim().slice(-500)}`);
    }
    return { wallMs, cpuMs: Number(readFileSync(cpuFile, 'utf8')), stdout: r.stdout };
}

section(import.meta.url, async (options) => {
    const corpus = writeCorpus(options.cliSeed ?? 4242, options.cliFiles ?? 410);
    const tools = {
        dockwise: [
            path.join(BUILD, 'dist', 'cli.js'),
            ['lint', '--rules', 'all', '-t', 'none', '-f', 'json', corpus.dir],
        ],
        'dockerfile-utils': [path.join(BUILD, 'peer-validate.js'), [corpus.dir]],
    };
    const rounds = options.cliRounds ?? 5;
    const runs = { dockwise: [], 'dockerfile-utils': [] };
    const findings = {};
    for (let r = 0; r <= rounds; r++) {
        const order = r % 2 ? ['dockerfile-utils', 'dockwise'] : ['dockwise', 'dockerfile-utils'];
        for (const name of order) {
            const res = runOnce(...tools[name]);
            if (r === 0) {
                // The warm-up fills the file cache; its output gives the findings.
                findings[name] = name === 'dockwise' ? JSON.parse(res.stdout).length : Number(res.stdout.trim());
            } else {
                runs[name].push(res);
            }
        }
    }
    const stat = (name, k) => round(median(runs[name].map((x) => x[k])), 1);
    const ratio = (k) => round(median(runs.dockwise.map((x, i) => x[k] / runs['dockerfile-utils'][i][k])), 2);
    const result = {
        files: corpus.files,
        lines: corpus.lines,
        rounds,
        command: 'node dist/cli.js lint --rules all -t none -f json <folder>',
        peer: 'one Node process: dockerfile-utils validate on every Dockerfile of the folder (bundled, minified)',
        wallMs: { dockwise: stat('dockwise', 'wallMs'), 'dockerfile-utils': stat('dockerfile-utils', 'wallMs') },
        cpuMs: { dockwise: stat('dockwise', 'cpuMs'), 'dockerfile-utils': stat('dockerfile-utils', 'cpuMs') },
        ratios: { wall: ratio('wallMs'), cpu: ratio('cpuMs') },
        findings,
    };
    log(
        `cli: ${corpus.files} files, ${corpus.lines} lines: dockwise ${result.wallMs.dockwise} ms (CPU ${result.cpuMs.dockwise}), ` +
            `dockerfile-utils ${result.wallMs['dockerfile-utils']} ms (CPU ${result.cpuMs['dockerfile-utils']}); ratio wall ${result.ratios.wall}, CPU ${result.ratios.cpu}`,
    );
    return result;
});
