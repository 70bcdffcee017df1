/**
 * `xprc build` and `xprc validate` on one or several manifests. Every
 * manifest is compiled and reported on its own; the exit code is the worst
 * of them (1 when any has errors; build --check: 4 when any output folder is
 * out of date and none has errors). Before anything is written, manifests
 * that would write the same `<out>/<site>/` are an error (XPR5042) and none
 * of them is written: which one should win is the user's decision, not the
 * order of the arguments.
 */

import { join, resolve as resolvePath } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CompileResult } from '../compile.js';
import { diag, locate, type Diagnostic } from '../diagnostics/diagnostic.js';
import { escapeJsonText } from '../diagnostics/display.js';
import { checkOutput, isUpToDate, type OutputCheck } from '../diff/check.js';
import type { OutputFile } from '../emit/emit.js';
import { printIR } from '../ir/print.js';
import { CHECK_SCHEMA, chooseStyle, diagnosticsJson } from './format.js';
import { type BuildFormat, type Io, EXIT_ERRORS, EXIT_OK, EXIT_STALE, manifestLabel, report, runCompile, STDIN_ARG, verbose } from './run.js';
import { renderSarif, type StaleFile } from './sarif.js';
import { writeBuild } from './write-report.js';

export interface BuildOptions {
    readonly format: BuildFormat;
    readonly out: string;
    readonly emitIr: boolean;
    /** Also write <NODE>/RSOP.md (--emit-rsop). */
    readonly emitRsop: boolean;
    readonly force: boolean;
    readonly check: boolean;
    readonly maxBytes: number;
}

interface Compiled {
    /** How messages name the manifest (`<stdin>` for `-`). */
    readonly manifest: string;
    /** The argument as given (STDIN_ARG for `-`). */
    readonly arg: string;
    readonly result: CompileResult;
    /** The build's diagnostics so far: the compiler's, then collisions and writing. */
    diagnostics: Diagnostic[];
}

const shownPath = (path: string): string => path.split('\\').join('/');

export function buildCommand(manifests: readonly string[], options: BuildOptions, io: Io): number {
    const { format } = options;
    const compiled: Compiled[] = manifests.map((arg) => {
        const result = timedCompile(arg, io, true, options.maxBytes, options.emitRsop);
        return { manifest: manifestLabel(arg), arg, result, diagnostics: [...result.diagnostics] };
    });
    markCollisions(compiled, options.out, io.cwd);

    const codes: number[] = [];
    const stale: StaleFile[] = [];
    const checkDocuments: object[] = [];
    for (const c of compiled) {
        const { ir, files } = c.result;
        const failed = c.diagnostics.some((d) => d.severity === 'error');
        if (failed || !ir || !files) {
            codes.push(EXIT_ERRORS);
            if (format === 'text') report({ diagnostics: c.diagnostics, source: c.result.source, ...(c.result.sources ? { sources: c.result.sources } : {}) }, 'text', io);
            continue;
        }
        const all = options.emitIr ? [...files, { path: 'ir.txt', bytes: Buffer.from(printIR(ir), 'utf8') }] : files;
        if (options.check) {
            const checked = checkOne(c, options.out, ir.name, all, format, io);
            codes.push(checked.code);
            stale.push(...checked.stale);
            if (checked.document) checkDocuments.push(checked.document);
            continue;
        }
        const started = performance.now();
        const write = writeBuild(resolvePath(io.cwd, options.out), options.out, ir.name, all, { force: options.force });
        c.diagnostics.push(...locate(write.diagnostics, c.manifest));
        const code = c.diagnostics.some((d) => d.severity === 'error') ? EXIT_ERRORS : EXIT_OK;
        codes.push(code);
        if (format !== 'text') continue;
        report({ diagnostics: c.diagnostics, source: c.result.source, ...(c.result.sources ? { sources: c.result.sources } : {}) }, 'text', io);
        if (write.written) {
            verbose(io, `${c.manifest}: wrote ${all.length} files in ${Math.round(performance.now() - started)} ms:`);
            for (const file of all) verbose(io, `  ${shownPath(join(write.written.target, file.path))}`);
            if (io.verbosity !== 'quiet') {
                io.stdout.write(`Wrote ${all.length} files for ${ir.nodes.length} node(s) to ${write.written.target}\n`);
            }
        }
    }

    const everything = compiled.flatMap((c) => c.diagnostics);
    if (format === 'sarif') {
        io.stdout.write(escapeJsonText(renderSarif(everything, manifestLabel(manifests[0] ?? ''), stale)));
    } else if (format === 'json') {
        // One manifest's --check gives its check document (as before); otherwise one diagnostics document for all,
        // with --check also each compared folder's document under `checks`.
        const single = options.check && manifests.length === 1 ? checkDocuments[0] : undefined;
        const document = single ?? { ...diagnosticsJson(everything), ...(options.check ? { checks: checkDocuments } : {}) };
        io.stdout.write(`${escapeJsonText(JSON.stringify(document, null, 2))}\n`);
    }
    return worst(codes);
}

export function validateCommand(manifests: readonly string[], format: BuildFormat, maxBytes: number, io: Io): number {
    const results = manifests.map((manifest) => ({ manifest, result: timedCompile(manifest, io, false, maxBytes) }));
    if (format !== 'text') {
        return report({ diagnostics: results.flatMap((r) => r.result.diagnostics) }, format, io, manifestLabel(manifests[0] ?? ''));
    }
    return worst(
        results.map(({ manifest, result }) => {
            const code = report(result, 'text', io, manifestLabel(manifest));
            if (code === EXIT_OK && io.verbosity !== 'quiet') io.stdout.write(`${manifestLabel(manifest)}: no errors.\n`);
            return code;
        }),
    );
}

/** 1 when any manifest has errors, else 4 when any output is stale, else 0. */
function worst(codes: readonly number[]): number {
    return codes.includes(EXIT_ERRORS) ? EXIT_ERRORS : codes.includes(EXIT_STALE) ? EXIT_STALE : EXIT_OK;
}

function timedCompile(manifest: string, io: Io, emit: boolean, maxBytes: number, rsop = false): CompileResult {
    const phases: string[] = [];
    const started = performance.now();
    const result = runCompile(manifest, io, emit, maxBytes, { rsop, onPhase: (phase, ms) => phases.push(`${phase} ${ms.toFixed(1)} ms`) });
    verbose(io, `${manifestLabel(manifest)}: ${phases.join(', ')}${phases.length > 0 ? ', ' : ''}total ${(performance.now() - started).toFixed(1)} ms`);
    return result;
}

/** Manifests whose sites would land in the same folder: XPR5042 on each, at its `name`. */
function markCollisions(compiled: readonly Compiled[], out: string, cwd: string): void {
    const byTarget = new Map<string, Compiled[]>();
    for (const c of compiled) {
        if (!c.result.ir) continue;
        const target = resolvePath(cwd, out, c.result.ir.name);
        byTarget.set(target, [...(byTarget.get(target) ?? []), c]);
    }
    for (const group of byTarget.values()) {
        if (group.length < 2) continue;
        for (const c of group) {
            const others = group.filter((o) => o !== c).map((o) => o.manifest);
            const pending = diag(
                'OutputCollision',
                { path: shownPath(join(out, c.result.ir?.name ?? '')), others: others.join(', ') },
                { pointer: '/name' },
            );
            c.diagnostics.push(...locate([pending], c.manifest, c.result.source));
        }
    }
}

/** build --check of one manifest: compare, print the lists (text), and say what the documents need. Writes nothing. */
function checkOne(
    c: Compiled,
    out: string,
    siteName: string,
    files: readonly OutputFile[],
    format: BuildFormat,
    io: Io,
): { code: number; stale: StaleFile[]; document?: object } {
    const shown = shownPath(join(out, siteName));
    let result: OutputCheck;
    try {
        result = checkOutput(resolvePath(io.cwd, out, siteName), files);
    } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (error as Error).message;
        c.diagnostics.push(...locate([diag('OutputUnreadable', { path: shown, reason })], c.manifest));
        // JSON and SARIF report it in the run's one document.
        if (format === 'text') report({ diagnostics: c.diagnostics, source: c.result.source, ...(c.result.sources ? { sources: c.result.sources } : {}) }, 'text', io);
        return { code: EXIT_ERRORS, stale: [] };
    }
    const upToDate = isUpToDate(result);
    const code = upToDate ? EXIT_OK : EXIT_STALE;
    const stale: StaleFile[] = [
        ...result.stale.map((path) => ({ path, state: 'stale' as const, manifest: c.manifest })),
        ...result.missing.map((path) => ({ path, state: 'missing' as const, manifest: c.manifest })),
        ...result.extra.map((path) => ({ path, state: 'extra' as const, manifest: c.manifest })),
    ];
    const { stale: changed, missing, extra } = result;
    // The build's diagnostics document (warnings only, here) plus the comparison.
    const document = { ...diagnosticsJson(c.diagnostics), schema: CHECK_SCHEMA, folder: shown, upToDate, stale: changed, missing, extra };
    if (format !== 'text') {
        return { code, stale, document };
    }
    report({ diagnostics: c.diagnostics, source: c.result.source, ...(c.result.sources ? { sources: c.result.sources } : {}) }, 'text', io);
    if (upToDate) {
        if (io.verbosity !== 'quiet') io.stdout.write(`${shown} is up to date (${result.upToDate} files).\n`);
        return { code, stale };
    }
    const style = chooseStyle(io.stdout, io.env);
    const counts = [`${result.stale.length} stale`, `${result.missing.length} missing`, `${result.extra.length} extra`].join(', ');
    const lines = [
        `${style.red('generated output is out of date')}: ${shown} (${counts})`,
        ...result.stale.map((p) => `  ${style.yellow('stale')}    ${p}`),
        ...result.missing.map((p) => `  ${style.red('missing')}  ${p}`),
        ...result.extra.map((p) => `  ${style.grey('extra')}    ${p}`),
        `Run \`xprc build ${c.arg === STDIN_ARG ? '-' : c.arg}${out === 'out' ? '' : ` --out ${out}`}\` to regenerate it.`,
    ];
    io.stdout.write(`${lines.join('\n')}\n`);
    return { code, stale };
}
