/**
 * `npm run bench`: how fast is `xprc build`, and how far is it from the floor?
 *
 * For synthetic sites of 10, 100 and 1,000 nodes (scripts/bench-lib.ts), it
 * times the real command line (`node bin/xprc.js build <manifest> --out <dir>`,
 * a child process, Node.js start-up included) against the floor: a bare
 * Node.js script that writes exactly the same bytes to a fresh folder with
 * mkdirSync + writeFileSync, also a child process with its start-up. It then
 * times the start-up of a 1-node build and of `xprc --version`.
 *
 * Targets (from the issue): the 1,000-node build within 2× the floor, and a
 * 1-node build in under 0.5 s. A missed target is printed loudly but the exit
 * code stays 0: this is a measurement, not a test. The exit code is non-zero
 * only when the benchmark itself cannot run (e.g. the manifest has errors).
 *
 *   npm run bench
 *   npm run bench -- --profile          # also: CPU profiles (largest build in process, 1-node start-up)
 *   npm run bench -- --tmp /dev/shm     # write to tmpfs: the floor without the disk
 *   npm run bench -- --sizes 10,100 --runs 5 --startup-runs 9 --keep --json bench.json
 *
 * dist/ is rebuilt first when any compiler/**\/*.ts is newer than its output
 * (or always with --rebuild). See docs/benchmark.md.
 */

import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
    FLOOR_SCRIPT,
    listFiles,
    markdownTable,
    median,
    calleeTimes,
    selfTimes,
    syntheticSite,
    timeByModule,
    thousands,
    type BlobEntry,
    type CalleeTime,
    type CpuProfile,
    type ModuleTime,
    type SelfTime,
} from './bench-lib.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'xprc.js');
const DIST = join(ROOT, 'dist');

/** The issue's targets. */
const RATIO_TARGET = 2;
/** 1-minute load average when the benchmark started (0 on Windows). */
const START_LOAD = loadavg()[0] ?? 0;
const RATIO_TARGET_NODES = 1000;
const STARTUP_TARGET_MS = 500;

interface Options {
    readonly sizes: readonly number[];
    readonly runs: number;
    readonly startupRuns: number;
    readonly profile: boolean;
    readonly keep: boolean;
    readonly rebuild: boolean;
    readonly json: string | undefined;
    readonly probe: 'auto' | 'time' | 'preload';
    /** Parent of the temporary folder: manifests, outputs and floor blobs go there (the disk under test). */
    readonly tmp: string;
}

const USAGE = `usage: npm run bench -- [--sizes 10,100,1000] [--runs 3] [--startup-runs 5] [--profile] [--tmp <dir>] [--keep] [--rebuild]
                          [--json <file>] [--probe auto|time|preload]
  --sizes         node counts of the synthetic sites (default 10,100,1000)
  --runs          timed runs per size, the median is reported (default 3)
  --startup-runs  timed runs of the start-up measurements (default 5)
  --profile       also profile (node --cpu-prof) the largest build in process: phases, emit parts, top 10 self-time
                  functions; and the 1-node CLI build: start-up time per dependency
  --keep          keep the temporary folder (manifests, outputs, floor blobs)
  --rebuild       run the TypeScript build even when dist/ looks up to date
  --json <file>   also write the raw measurements as JSON
  --tmp <dir>     where the temporary folder (manifests, outputs, floor blobs) is made, i.e. the disk being written to
                  (default: the system temporary folder; e.g. /dev/shm to take the disk out of the measurement)
  --probe <how>   how peak RSS and CPU time are read: auto (default), time (/usr/bin/time) or preload (process.resourceUsage())`;

function parseOptions(argv: readonly string[]): Options {
    const { values } = parseArgs({
        args: [...argv],
        options: {
            sizes: { type: 'string', default: '10,100,1000' },
            runs: { type: 'string', default: '3' },
            'startup-runs': { type: 'string', default: '5' },
            profile: { type: 'boolean', default: false },
            keep: { type: 'boolean', default: false },
            rebuild: { type: 'boolean', default: false },
            json: { type: 'string' },
            probe: { type: 'string', default: 'auto' },
            tmp: { type: 'string', default: tmpdir() },
            help: { type: 'boolean', default: false },
        },
        strict: true,
        allowPositionals: false,
    });
    if (values.help) {
        process.stdout.write(`${USAGE}\n`);
        process.exit(0);
    }
    const positive = (text: string, what: string): number => {
        const n = Number(text);
        if (!Number.isInteger(n) || n < 1) {
            throw new Error(`${what} must be a positive integer, not "${text}"`);
        }
        return n;
    };
    const probe = values.probe ?? 'auto';
    if (probe !== 'auto' && probe !== 'time' && probe !== 'preload') {
        throw new Error(`--probe must be auto, time or preload, not "${probe}"`);
    }
    return {
        probe,
        tmp: resolve(values.tmp ?? tmpdir()),
        sizes: (values.sizes ?? '').split(',').map((s) => positive(s.trim(), '--sizes')),
        runs: positive(values.runs ?? '3', '--runs'),
        startupRuns: positive(values['startup-runs'] ?? '5', '--startup-runs'),
        profile: values.profile === true,
        keep: values.keep === true,
        rebuild: values.rebuild === true,
        json: values.json,
    };
}

// ---------------------------------------------------------------------------
// dist/
// ---------------------------------------------------------------------------

/** compiler/**\/*.ts files whose dist/**\/*.js is missing or older. */
function staleSources(): string[] {
    const stale: string[] = [];
    const walk = (dir: string): void => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
            const full = join(dir, entry.name);
            if (entry.isDirectory()) {
                walk(full);
            } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
                const out = join(DIST, relative(join(ROOT, 'compiler'), full)).replace(/\.ts$/, '.js');
                if (!existsSync(out) || statSync(out).mtimeMs < statSync(full).mtimeMs) {
                    stale.push(relative(ROOT, full));
                }
            }
        }
    };
    walk(join(ROOT, 'compiler'));
    // What `npm run build` adds after tsc; without them the CLI compiles schemas and templates at start-up.
    for (const generated of ['frontend/schema-validator.cjs', 'emit/templates.precompiled.cjs']) {
        if (!existsSync(join(DIST, generated))) stale.push(`dist/${generated}`);
    }
    return stale;
}

function ensureBuilt(force: boolean): void {
    const stale = staleSources();
    if (!force && stale.length === 0) {
        log('dist/ is up to date.');
        return;
    }
    log(force ? 'Building dist/ (--rebuild)…' : `dist/ is stale (${stale.slice(0, 3).join(', ')}${stale.length > 3 ? ', …' : ''}); building…`);
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) {
        // tsc still emits on type errors (noEmitOnError is off): carry on if there is something to run.
        if (!existsSync(join(DIST, 'cli', 'main.js'))) {
            throw new Error('the TypeScript build failed and dist/cli/main.js does not exist');
        }
        log('warning: tsc reported errors; dist/ was still emitted, but may not match the sources.');
    }
    const tsx = createRequire(import.meta.url).resolve('tsx/cli');
    for (const script of ['scripts/build-validator.ts', 'scripts/build-templates.ts']) {
        const step = spawnSync(process.execPath, [tsx, script], { cwd: ROOT, stdio: 'inherit' });
        if (step.status !== 0) throw new Error(`${script} failed`);
    }
}

// ---------------------------------------------------------------------------
// Timed child processes
// ---------------------------------------------------------------------------

interface Run {
    readonly ms: number;
    /** Peak resident set size of the child, in KiB (undefined when it could not be measured). */
    readonly maxRssKb: number | undefined;
    /** User + system CPU time of the child, in ms (undefined when it could not be measured). */
    readonly cpuMs: number | undefined;
    readonly status: number | null;
    readonly stdout: string;
    readonly stderr: string;
}

/**
 * How peak RSS and CPU time are read: GNU time (`/usr/bin/time -f '%M %U %S'
 * -o <file>`) when it works, else a preloaded module that writes
 * `process.resourceUsage()` to a file when the child exits (in the same
 * units: KiB and seconds). Both wrap the build and the floor alike, so the
 * wrapper's small cost cancels out of the ratio.
 */
type RssProbe = { readonly kind: 'gnu-time' } | { readonly kind: 'preload'; readonly module: string };

const GNU_TIME_FORMAT = '%M %U %S';
const USAGE_LINE = /^(\d+) ([0-9.]+) ([0-9.]+)$/;

function chooseRssProbe(work: string, wanted: Options['probe']): RssProbe {
    const file = join(work, 'time-probe.txt');
    if (wanted !== 'preload' && existsSync('/usr/bin/time')) {
        const probe = spawnSync('/usr/bin/time', ['-f', GNU_TIME_FORMAT, '-o', file, process.execPath, '-e', '0'], { encoding: 'utf8' });
        if (probe.status === 0 && existsSync(file) && USAGE_LINE.test(readFileSync(file, 'utf8').trim())) {
            return { kind: 'gnu-time' };
        }
    }
    if (wanted === 'time') {
        throw new Error('--probe time: /usr/bin/time is missing or is not GNU time');
    }
    const module = join(work, 'rss-preload.mjs');
    writeFileSync(
        module,
        `import { writeFileSync } from 'node:fs';\n` +
            `const file = process.env.XPRC_BENCH_RSS_FILE;\n` +
            `if (file) process.on('exit', () => {\n` +
            `    const u = process.resourceUsage();\n` +
            `    writeFileSync(file, \`\${u.maxRSS} \${u.userCPUTime / 1e6} \${u.systemCPUTime / 1e6}\`);\n` +
            `});\n`,
    );
    return { kind: 'preload', module: pathToFileURL(module).href };
}

let runCounter = 0;

function timedNode(args: readonly string[], probe: RssProbe, work: string): Run {
    const usageFile = join(work, `usage-${++runCounter}.txt`);
    let command: string;
    let commandArgs: string[];
    if (probe.kind === 'gnu-time') {
        command = '/usr/bin/time';
        commandArgs = ['-f', GNU_TIME_FORMAT, '-o', usageFile, process.execPath, ...args];
    } else {
        command = process.execPath;
        commandArgs = ['--import', probe.module, ...args];
    }
    const env = { ...process.env, NO_COLOR: '1', XPRC_BENCH_RSS_FILE: usageFile };
    const start = process.hrtime.bigint();
    const result: SpawnSyncReturns<string> = spawnSync(command, commandArgs, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.error) {
        throw result.error;
    }
    let maxRssKb: number | undefined;
    let cpuMs: number | undefined;
    if (existsSync(usageFile)) {
        // GNU time puts "Command exited with non-zero status N" first when the child fails.
        const match = USAGE_LINE.exec(readFileSync(usageFile, 'utf8').trim().split('\n').pop() ?? '');
        if (match) {
            maxRssKb = Number(match[1]);
            cpuMs = (Number(match[2]) + Number(match[3])) * 1000;
        }
        rmSync(usageFile, { force: true });
    }
    return { ms, maxRssKb, cpuMs, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function mustSucceed(run: Run, what: string): Run {
    if (run.status !== 0) {
        throw new Error(`${what} exited with status ${run.status}\n${run.stdout}${run.stderr}`);
    }
    return run;
}

// ---------------------------------------------------------------------------
// Measurements
// ---------------------------------------------------------------------------

interface SizeResult {
    readonly nodes: number;
    readonly files: number;
    readonly bytes: number;
    readonly manifestBytes: number;
    readonly warnings: number;
    readonly buildMs: readonly number[];
    readonly buildRssKb: readonly (number | undefined)[];
    readonly buildCpuMs: readonly (number | undefined)[];
    readonly floorMs: readonly number[];
    readonly floorRssKb: readonly (number | undefined)[];
    readonly floorCpuMs: readonly (number | undefined)[];
    readonly inProcess: InProcess;
}

/** Where the time of one build goes, measured inside a single Node.js process. */
interface InProcess {
    readonly importMs: number;
    readonly compileMs: number;
    readonly writeMs: number;
    readonly maxRssKb: number;
}

/**
 * compile() + writeOutput() from dist/ in one process, without the CLI: the
 * time to import the compiler, to compile and to write. Its arguments come
 * through the environment. Also what --profile runs under --cpu-prof.
 */
const IN_PROCESS_SCRIPT = `
import { readFileSync } from 'node:fs';
const { XPRC_BENCH_COMPILE: compileUrl, XPRC_BENCH_WRITE: writeUrl, XPRC_BENCH_MANIFEST: manifest, XPRC_BENCH_OUT: outDir } = process.env;
const t0 = performance.now();
const { compile } = await import(compileUrl);
const { writeOutput } = await import(writeUrl);
const t1 = performance.now();
const result = compile({ fileName: manifest, bytes: readFileSync(manifest) }, { emit: true });
const t2 = performance.now();
if (!result.ir || !result.files) {
    console.error(JSON.stringify(result.diagnostics, null, 2));
    process.exit(1);
}
writeOutput(outDir, result.ir.name, result.files);
const t3 = performance.now();
console.log(JSON.stringify({ importMs: t1 - t0, compileMs: t2 - t1, writeMs: t3 - t2, maxRssKb: process.resourceUsage().maxRSS }));
`;

function inProcessEnv(manifest: string, outDir: string): NodeJS.ProcessEnv {
    return {
        ...process.env,
        XPRC_BENCH_COMPILE: pathToFileURL(join(DIST, 'compile.js')).href,
        XPRC_BENCH_WRITE: pathToFileURL(join(DIST, 'write', 'write-output.js')).href,
        XPRC_BENCH_MANIFEST: manifest,
        XPRC_BENCH_OUT: outDir,
    };
}

function runInProcess(manifest: string, outDir: string, extraNodeArgs: readonly string[] = []): InProcess {
    const result = spawnSync(process.execPath, [...extraNodeArgs, '--input-type=module', '-e', IN_PROCESS_SCRIPT], {
        cwd: ROOT,
        env: inProcessEnv(manifest, outDir),
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
    });
    if (result.status !== 0) {
        throw new Error(`in-process build failed (status ${result.status})\n${result.stdout}${result.stderr}`);
    }
    return JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as InProcess;
}

/** Write the manifest of `nodes` nodes; check that it compiles without errors (untimed warm-up, through the CLI). */
function prepareSite(nodes: number, work: string): { manifest: string; manifestBytes: number; warnings: number; output: string } {
    const manifest = join(work, `site-${nodes}.json`);
    const text = `${JSON.stringify(syntheticSite(nodes), null, 2)}\n`;
    writeFileSync(manifest, text);
    const outDir = join(work, `reference-${nodes}`);
    const result = spawnSync(process.execPath, [BIN, 'build', manifest, '--out', outDir, '--format', 'json'], {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
    });
    let report: { errors?: number; warnings?: number; diagnostics?: unknown[] } = {};
    try {
        report = JSON.parse(result.stdout) as typeof report;
    } catch {
        // Reported below with the raw output.
    }
    if (result.status !== 0 || report.errors !== 0) {
        throw new Error(
            `the synthetic ${nodes}-node manifest does not compile (status ${result.status}, ${report.errors ?? '?'} error(s)); ` +
                `bench-lib.ts and the compiler disagree:\n${result.stdout.slice(0, 4000)}${result.stderr.slice(0, 4000)}`,
        );
    }
    return { manifest, manifestBytes: Buffer.byteLength(text), warnings: report.warnings ?? 0, output: outDir };
}

/** The build's output as the floor's input: an index (path, size) and the bytes end to end. */
function writeBlob(outputRoot: string, work: string, nodes: number): { index: string; data: string; files: number; bytes: number } {
    const entries: BlobEntry[] = [];
    const chunks: Buffer[] = [];
    for (const path of listFiles(outputRoot)) {
        const bytes = readFileSync(join(outputRoot, ...path.split('/')));
        entries.push({ path, size: bytes.length });
        chunks.push(bytes);
    }
    const index = join(work, `floor-${nodes}.json`);
    const data = join(work, `floor-${nodes}.bin`);
    writeFileSync(index, JSON.stringify(entries));
    writeFileSync(data, Buffer.concat(chunks));
    return { index, data, files: entries.length, bytes: entries.reduce((sum, e) => sum + e.size, 0) };
}

function measureSize(nodes: number, options: Options, probe: RssProbe, work: string, floorScript: string): SizeResult {
    log(`${thousands(nodes)} node(s): generating and checking the manifest…`);
    const site = prepareSite(nodes, work);
    const blob = writeBlob(site.output, work, nodes);

    const buildMs: number[] = [];
    const buildRssKb: (number | undefined)[] = [];
    const buildCpuMs: (number | undefined)[] = [];
    const floorMs: number[] = [];
    const floorRssKb: (number | undefined)[] = [];
    const floorCpuMs: (number | undefined)[] = [];
    for (let k = 1; k <= options.runs; k++) {
        // Interleaved, so that drift in the machine's load hits both alike. Fresh folders every time.
        const buildOut = join(work, 'runs', `build-${nodes}-${k}`);
        const build = mustSucceed(timedNode([BIN, 'build', site.manifest, '--out', buildOut], probe, work), `xprc build (${nodes} nodes)`);
        const written = listFiles(buildOut);
        if (written.length !== blob.files) {
            throw new Error(`run ${k} of the ${nodes}-node build wrote ${written.length} files, the reference build ${blob.files}`);
        }
        rmSync(buildOut, { recursive: true, force: true });

        const floorOut = join(work, 'runs', `floor-${nodes}-${k}`);
        const floor = mustSucceed(timedNode([floorScript, blob.index, blob.data, floorOut], probe, work), `floor (${nodes} nodes)`);
        rmSync(floorOut, { recursive: true, force: true });

        buildMs.push(build.ms);
        buildRssKb.push(build.maxRssKb);
        buildCpuMs.push(build.cpuMs);
        floorMs.push(floor.ms);
        floorRssKb.push(floor.maxRssKb);
        floorCpuMs.push(floor.cpuMs);
        log(`  run ${k}/${options.runs}: build ${build.ms.toFixed(0)} ms, floor ${floor.ms.toFixed(0)} ms`);
    }

    const inProcessOut = join(work, 'runs', `in-process-${nodes}`);
    const inProcess = runInProcess(site.manifest, inProcessOut);
    rmSync(inProcessOut, { recursive: true, force: true });
    rmSync(site.output, { recursive: true, force: true });

    return {
        nodes,
        files: blob.files,
        bytes: blob.bytes,
        manifestBytes: site.manifestBytes,
        warnings: site.warnings,
        buildMs,
        buildRssKb,
        buildCpuMs,
        floorMs,
        floorRssKb,
        floorCpuMs,
        inProcess,
    };
}

interface StartupResult {
    readonly label: string;
    readonly ms: readonly number[];
    readonly targetMs: number | undefined;
}

function measureStartup(options: Options, probe: RssProbe, work: string): StartupResult[] {
    log('Start-up: 1-node build, xprc --version, empty Node.js script…');
    const site = prepareSite(1, work);
    rmSync(site.output, { recursive: true, force: true });
    const series = (label: string, args: (k: number) => string[], targetMs?: number): StartupResult => {
        const ms: number[] = [];
        for (let k = 1; k <= options.startupRuns; k++) {
            ms.push(mustSucceed(timedNode(args(k), probe, work), label).ms);
        }
        return { label, ms, targetMs };
    };
    const results = [
        series('`xprc build` of a 1-node site', (k) => [BIN, 'build', site.manifest, '--out', join(work, 'runs', `startup-${k}`)], STARTUP_TARGET_MS),
        series('`xprc --version`', () => [BIN, '--version']),
        series('`node -e 0` (Node.js alone, for reference)', () => ['-e', '0']),
    ];
    rmSync(join(work, 'runs'), { recursive: true, force: true });
    return results;
}

interface ProfileResult {
    readonly nodes: number;
    readonly file: string;
    readonly totalMs: number;
    readonly top: readonly SelfTime[];
    readonly byFile: readonly { readonly file: string; readonly selfMs: number; readonly percent: number }[];
    /** Inclusive time of the pipeline phases (callees of compile()) and of writeOutput(). */
    readonly phases: readonly CalleeTime[];
    /** Inclusive time of the parts of emitting one node (callees of emitNode()). */
    readonly emitParts: readonly CalleeTime[];
}

interface StartupProfile {
    readonly file: string;
    readonly totalMs: number;
    readonly byModule: readonly ModuleTime[];
}

/** The 1-node build through the CLI under --cpu-prof, charged to the modules on the stack. */
function profileStartup(work: string): StartupProfile {
    log('Profiling the 1-node build through the CLI (node --cpu-prof)…');
    const dir = join(work, 'profile-startup');
    const result = spawnSync(
        process.execPath,
        ['--cpu-prof', `--cpu-prof-dir=${dir}`, BIN, 'build', join(work, 'site-1.json'), '--out', join(work, 'runs', 'profile-startup')],
        { cwd: ROOT, encoding: 'utf8' },
    );
    if (result.status !== 0) {
        throw new Error(`profiled 1-node build failed (status ${result.status})\n${result.stdout}${result.stderr}`);
    }
    rmSync(join(work, 'runs', 'profile-startup'), { recursive: true, force: true });
    const file = keepProfile(dir, 'xprc-bench-startup.cpuprofile');
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const byModule = timeByModule(profile, ROOT);
    return { file, totalMs: byModule.reduce((sum, m) => sum + m.ms, 0), byModule: byModule.slice(0, 10) };
}

/** Copy the profile node wrote into `dir` to the system temporary folder, where it survives --keep-less runs. */
function keepProfile(dir: string, name: string): string {
    const written = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!written) {
        throw new Error('node --cpu-prof wrote no profile');
    }
    const kept = join(tmpdir(), name);
    copyFileSync(join(dir, written), kept);
    return kept;
}

function profileLargest(nodes: number, work: string): ProfileResult {
    log(`Profiling the ${thousands(nodes)}-node build in process (node --cpu-prof)…`);
    // Written (and checked) by measureSize.
    const manifest = join(work, `site-${nodes}.json`);
    const dir = join(work, 'profile');
    const outDir = join(work, 'runs', 'profile');
    runInProcess(manifest, outDir, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    rmSync(outDir, { recursive: true, force: true });
    // Kept for Chrome DevTools or speedscope.
    const kept = keepProfile(dir, `xprc-bench-${nodes}.cpuprofile`);
    const profile = JSON.parse(readFileSync(kept, 'utf8')) as CpuProfile;
    const all = selfTimes(profile, ROOT);
    const totalMs = all.reduce((sum, s) => sum + s.selfMs, 0);
    const files = new Map<string, number>();
    for (const s of all) {
        const match = /\(([^()]*):\d+\)$/.exec(s.name);
        const file = match?.[1] ?? s.name;
        files.set(file, (files.get(file) ?? 0) + s.selfMs);
    }
    const byFile = [...files.entries()]
        .map(([file, selfMs]) => ({ file, selfMs, percent: (100 * selfMs) / totalMs }))
        .sort((a, b) => b.selfMs - a.selfMs);
    const write = calleeTimes(profile, ROOT, { name: 'writeOutput', file: 'dist/write/write-output.js' });
    const writeMs = write.reduce((sum, c) => sum + c.ms, 0);
    const phases = [
        ...calleeTimes(profile, ROOT, { name: 'compile', file: 'dist/compile.js' }),
        { name: 'writeOutput (dist/write/write-output.js)', ms: writeMs, percent: (100 * writeMs) / totalMs },
    ].sort((a, b) => b.ms - a.ms);
    const emitParts = calleeTimes(profile, ROOT, { name: 'emitNode', file: 'dist/emit/emit.js' });
    return { nodes, file: kept, totalMs, top: all.slice(0, 10), byFile: byFile.slice(0, 10), phases, emitParts: emitParts.slice(0, 10) };
}

// ---------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------

const ms = (value: number) => thousands(value, 0);
const known = (values: readonly (number | undefined)[]) => values.filter((v): v is number => v !== undefined);
const mb = (kb: readonly (number | undefined)[]) => (known(kb).length > 0 ? thousands(median(known(kb)) / 1024, 1) : 'n/a');
const cpu = (values: readonly (number | undefined)[]) => (known(values).length > 0 ? ms(median(known(values))) : 'n/a');
const cpuRatio = (r: SizeResult) =>
    known(r.buildCpuMs).length > 0 && known(r.floorCpuMs).length > 0
        ? `${(median(known(r.buildCpuMs)) / median(known(r.floorCpuMs))).toFixed(2)}×`
        : 'n/a';
const spread = (values: readonly number[]) => `${ms(Math.min(...values))}–${ms(Math.max(...values))}`;

function ratioOf(r: SizeResult): number {
    return median(r.buildMs) / median(r.floorMs);
}

function sizeTable(results: readonly SizeResult[]): string {
    return markdownTable(
        ['nodes', 'files', 'bytes', 'build ms (median)', 'nodes/s', 'peak RSS MB', 'floor ms (median)', 'ratio', `target (≤ ${RATIO_TARGET}× at ${thousands(RATIO_TARGET_NODES)})`],
        results.map((r) => {
            const build = median(r.buildMs);
            const ratio = ratioOf(r);
            return [
                thousands(r.nodes),
                thousands(r.files),
                thousands(r.bytes),
                ms(build),
                thousands((r.nodes * 1000) / build, 0),
                mb(r.buildRssKb),
                ms(median(r.floorMs)),
                `${ratio.toFixed(2)}×`,
                r.nodes === RATIO_TARGET_NODES ? (ratio <= RATIO_TARGET ? 'PASS' : 'FAIL') : '—',
            ];
        }),
    );
}

function detailTable(results: readonly SizeResult[]): string {
    return markdownTable(
        [
            'nodes',
            'manifest bytes',
            'build ms (min–max)',
            'floor ms (min–max)',
            'build CPU ms',
            'floor CPU ms',
            'CPU ratio',
            'floor RSS MB',
            'import ms',
            'compile ms',
            'write ms',
            'in-process RSS MB',
        ],
        results.map((r) => [
            thousands(r.nodes),
            thousands(r.manifestBytes),
            spread(r.buildMs),
            spread(r.floorMs),
            cpu(r.buildCpuMs),
            cpu(r.floorCpuMs),
            cpuRatio(r),
            mb(r.floorRssKb),
            ms(r.inProcess.importMs),
            ms(r.inProcess.compileMs),
            ms(r.inProcess.writeMs),
            thousands(r.inProcess.maxRssKb / 1024, 1),
        ]),
    );
}

function startupTable(results: readonly StartupResult[]): string {
    return markdownTable(
        ['start-up', 'median ms', 'min–max ms', 'runs', 'target', 'result'],
        results.map((r) => {
            const m = median(r.ms);
            return [
                r.label,
                ms(m),
                spread(r.ms),
                String(r.ms.length),
                r.targetMs === undefined ? '—' : `< ${ms(r.targetMs)} ms`,
                r.targetMs === undefined ? '—' : m < r.targetMs ? 'PASS' : 'FAIL',
            ];
        }),
    );
}

function profileTables(p: ProfileResult): string {
    const functions = markdownTable(
        ['#', 'function (file:line)', 'self ms', 'self %'],
        p.top.map((s, i) => [String(i + 1), `\`${s.name}\``, ms(s.selfMs), `${s.percent.toFixed(1)}%`]),
    );
    const files = markdownTable(
        ['file (or native function)', 'self ms', 'self %'],
        p.byFile.map((f) => [`\`${f.file}\``, ms(f.selfMs), `${f.percent.toFixed(1)}%`]),
    );
    const inclusive = (rows: readonly CalleeTime[]) =>
        markdownTable(
            ['function (file:line)', 'inclusive ms', '% of sampled'],
            rows.map((c) => [`\`${c.name}\``, ms(c.ms), `${c.percent.toFixed(1)}%`]),
        );
    return [
        `CPU profile of the ${thousands(p.nodes)}-node build in process (${ms(p.totalMs)} ms sampled; saved to ${p.file}):`,
        '',
        'Pipeline phases (inclusive time; garbage collection is counted apart, below):',
        '',
        inclusive(p.phases),
        '',
        'Inside emit, per node (callees of emitNode, inclusive):',
        '',
        inclusive(p.emitParts),
        '',
        'Top 10 functions by self time:',
        '',
        functions,
        '',
        'Self time by file:',
        '',
        files,
    ].join('\n');
}

function startupProfileTable(p: StartupProfile): string {
    return [
        `CPU profile of the 1-node build through the CLI (${ms(p.totalMs)} ms sampled after Node.js bootstrap; saved to ${p.file}),`,
        'each sample charged to the innermost dependency or package file on its stack (loading a module counts for that module):',
        '',
        markdownTable(
            ['module', 'ms', '%'],
            p.byModule.map((m) => [`\`${m.module}\``, ms(m.ms), `${m.percent.toFixed(1)}%`]),
        ),
    ].join('\n');
}

/** Linux file system magic numbers (statfs f_type) worth naming. */
const FILE_SYSTEMS: Readonly<Record<number, string>> = {
    0xef53: 'ext2/3/4',
    0x01021994: 'tmpfs',
    0x794c7630: 'overlayfs',
    0x58465342: 'xfs',
    0x9123683e: 'btrfs',
    0x6969: 'nfs',
    0x65735546: 'fuse',
};

function fileSystemOf(path: string): string {
    try {
        const type = statfsSync(path).type;
        return FILE_SYSTEMS[type] ?? `file system type 0x${type.toString(16)}`;
    } catch {
        return 'unknown file system';
    }
}

function environment(work: string): string {
    const cpu = cpus();
    const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
    const dirty = spawnSync('git', ['status', '--porcelain', '--', 'compiler'], { cwd: ROOT, encoding: 'utf8' });
    const commit = git.status === 0 ? `${git.stdout.trim()}${dirty.stdout.trim() ? ' (compiler/ has uncommitted changes)' : ''}` : 'unknown';
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const endLoad = loadavg()[0] ?? 0;
    const busy = platform() !== 'win32' && Math.max(START_LOAD, endLoad) > cpu.length;
    return [
        `xprc ${version}, commit ${commit}`,
        `Node.js ${process.version} on ${platform()} ${release()}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${thousands(totalmem() / 2 ** 30, 1)} GiB`,
        `Temporary folder (manifests, outputs, floor): ${work} (${fileSystemOf(work)})`,
        `1-minute load average: ${START_LOAD.toFixed(2)} at the start, ${endLoad.toFixed(2)} at the end${busy ? ' (more runnable processes than cores: the times are inflated; rerun on a quiet machine)' : ''}`,
    ].join('\n');
}

function log(text: string): void {
    process.stderr.write(`bench: ${text}\n`);
}

function loud(lines: readonly string[]): string {
    const bar = '!'.repeat(78);
    return [bar, ...lines.map((l) => `!!! ${l}`), bar].join('\n');
}

// ---------------------------------------------------------------------------

function main(): number {
    let options: Options;
    try {
        options = parseOptions(process.argv.slice(2));
    } catch (error) {
        process.stderr.write(`bench: ${(error as Error).message}\n${USAGE}\n`);
        return 2;
    }

    ensureBuilt(options.rebuild);
    const work = mkdtempSync(join(options.tmp, 'xprc-bench-'));
    try {
        const probe = chooseRssProbe(work, options.probe);
        const floorScript = join(work, 'floor.mjs');
        writeFileSync(floorScript, FLOOR_SCRIPT);
        mkdirSync(join(work, 'runs'), { recursive: true });
        log(`temporary folder ${work}; peak RSS via ${probe.kind === 'gnu-time' ? '/usr/bin/time' : 'process.resourceUsage() in a preloaded module'}`);

        const startup = measureStartup(options, probe, work);
        const sizes = options.sizes.map((n) => measureSize(n, options, probe, work, floorScript));
        const largest = Math.max(...options.sizes);
        const profile = options.profile ? profileLargest(largest, work) : undefined;
        const startupProfile = options.profile ? profileStartup(work) : undefined;

        const misses: string[] = [];
        for (const r of sizes.filter((s) => s.nodes === RATIO_TARGET_NODES)) {
            const ratio = ratioOf(r);
            if (ratio > RATIO_TARGET) {
                misses.push(
                    `TARGET MISSED: the ${thousands(r.nodes)}-node build took ${ms(median(r.buildMs))} ms, ${ratio.toFixed(2)}× the floor ` +
                        `(${ms(median(r.floorMs))} ms); the target is ≤ ${RATIO_TARGET}×.`,
                );
            }
        }
        for (const s of startup.filter((x) => x.targetMs !== undefined)) {
            const m = median(s.ms);
            if (m >= (s.targetMs ?? Infinity)) {
                misses.push(`TARGET MISSED: ${s.label.replace(/`/g, '')} took ${ms(m)} ms; the target is < ${ms(s.targetMs ?? 0)} ms.`);
            }
        }

        const report = [
            '',
            '## xprc build benchmark',
            '',
            environment(work),
            `Median of ${options.runs} run(s) per size; start-up median of ${options.startupRuns}. Wall times include Node.js start-up.`,
            '',
            sizeTable(sizes),
            '',
            'Details. min–max: of the timed runs. CPU: user + system time of the child process (median), less sensitive to other load on',
            'the machine than wall time. import / compile / write: one run of compile() + writeOutput() from dist/ in one process, without the CLI.',
            '',
            detailTable(sizes),
            '',
            startupTable(startup),
            '',
            ...(profile ? [profileTables(profile), ''] : []),
            ...(startupProfile ? [startupProfileTable(startupProfile), ''] : []),
            misses.length > 0 ? loud(misses) : 'All targets met.',
            ...(misses.length > 0 && !profile ? ['', 'Run `npm run bench -- --profile` for the functions the time goes to.'] : []),
            '',
        ].join('\n');
        process.stdout.write(report);
        if (misses.length > 0 && !process.stdout.isTTY) {
            // Also where a terminal shows it when stdout goes to a file.
            process.stderr.write(`\n${loud(misses)}\n`);
        }

        if (options.json) {
            writeFileSync(
                resolve(options.json),
                `${JSON.stringify({ environment: environment(work), runs: options.runs, sizes, startup, profile, startupProfile, misses }, null, 2)}\n`,
            );
            log(`raw measurements written to ${resolve(options.json)}`);
        }
        return 0;
    } finally {
        if (options.keep) {
            log(`kept ${work}`);
        } else {
            rmSync(work, { recursive: true, force: true });
        }
    }
}

try {
    process.exitCode = main();
} catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
}
