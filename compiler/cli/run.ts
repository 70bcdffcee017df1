/**
 * What every xprc command shares: the Io seam (streams, environment and
 * working folder, so the specs can run main() in-process), the exit codes,
 * the --format values, and reading, compiling and reporting one manifest.
 * Separate from main.ts so that the command files (diff-commands.ts) need
 * not import main.ts, which imports them.
 */

import { compile, type CompileResult } from '../compile.js';
import { diag, locate, type Diagnostic, type PendingDiagnostic } from '../diagnostics/diagnostic.js';
import { escapeJsonText } from '../diagnostics/display.js';
import { chooseStyle, diagnosticsJson, formatDiagnostics } from './format.js';
import { DEFAULT_MAX_MANIFEST_BYTES, readManifestFile } from './read-manifest.js';
import { includeReader } from './read-include.js';
import { renderSarif } from './sarif.js';

export interface Io {
    /** `columns`: the terminal's width, for wrapping --help. */
    readonly stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
    readonly stderr: { write(text: string): unknown; isTTY?: boolean };
    readonly env: NodeJS.ProcessEnv;
    readonly cwd: string;
    /** Reads standard input to its end, at most `maxBytes` (the manifest `-`); absent: there is none. */
    readonly readStdin?: (maxBytes: number) => Buffer | PendingDiagnostic;
    /** --quiet: errors only; --verbose: also phase timings and the files written (stderr). Set by main(). */
    readonly verbosity?: Verbosity;
}

export type Verbosity = 'quiet' | 'normal' | 'verbose';

/**
 * The manifest argument `-` (standard input) as the commands see it: yargs'
 * parser turns a lone `-` into '' or drops it, so main() passes it on as
 * this token, which no file name can be (it holds NUL). Diagnostics and
 * messages name it STDIN_LABEL.
 */
export const STDIN_ARG = '\u0000-';
export const STDIN_LABEL = '<stdin>';

/** How diagnostics and messages name a manifest argument. */
export const manifestLabel = (manifest: string): string => (manifest === STDIN_ARG ? STDIN_LABEL : manifest);

/** A --verbose line, on stderr so that stdout keeps only what the command produces. */
export function verbose(io: Io, line: string): void {
    if (io.verbosity === 'verbose') io.stderr.write(`${line}\n`);
}

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;
/** xprc diff: the two manifests give different configurations (0 when they give the same). */
export const EXIT_CHANGES = 3;
/** xprc build --check: the output folder differs from what a build would write. */
export const EXIT_STALE = 4;

export type Format = 'text' | 'json';
export type DiffFormat = Format | 'md';
/** build and validate also speak SARIF 2.1.0, for code scanning (cli/sarif.ts). */
export type BuildFormat = Format | 'sarif';
/** The manifest's bytes: from the file, or with `-` from standard input; or the diagnostic that says why not. */
export function readManifest(manifest: string, io: Io, maxBytes = DEFAULT_MAX_MANIFEST_BYTES): Buffer | Diagnostic[] {
    if (manifest === STDIN_ARG) {
        const read = io.readStdin ? io.readStdin(maxBytes) : diag('FileUnreadable', { reason: 'there is no standard input' });
        return Buffer.isBuffer(read) ? read : locate([read], STDIN_LABEL);
    }
    const read = readManifestFile(manifest, io.cwd, maxBytes);
    return Buffer.isBuffer(read) ? read : locate([read], manifest);
}

/** What a build asks of the compile besides the manifest. */
export interface RunOptions {
    /** Phase timings for --verbose. */
    readonly onPhase?: (phase: string, ms: number) => void;
    /** Also emit RSOP.md per node (--emit-rsop). */
    readonly rsop?: boolean;
}

export function runCompile(manifest: string, io: Io, emit: boolean, maxBytes?: number, options: RunOptions = {}): CompileResult {
    const bytes = readManifest(manifest, io, maxBytes);
    if (Array.isArray(bytes)) return { diagnostics: bytes };
    // Included files are read relative to the manifest, with the same size bound; a manifest from
    // standard input has no folder to include from (XPR1012 when it tries).
    const readInclude = manifest === STDIN_ARG ? undefined : includeReader(manifest, io.cwd, maxBytes ?? DEFAULT_MAX_MANIFEST_BYTES);
    return compile(
        { fileName: manifestLabel(manifest), bytes, ...(readInclude ? { readInclude } : {}) },
        { emit, rsop: options.rsop === true, ...(options.onPhase ? { onPhase: options.onPhase } : {}) },
    );
}

/** Print diagnostics; returns the exit code they imply. SARIF names the manifest even when nothing is reported. */
export function report(result: Pick<CompileResult, 'diagnostics' | 'source' | 'sources'>, format: BuildFormat, io: Io, manifest = ''): number {
    const hasErrors = result.diagnostics.some((d) => d.severity === 'error');
    if (format === 'sarif') {
        io.stdout.write(escapeJsonText(renderSarif(result.diagnostics, manifest)));
    } else if (format === 'json') {
        io.stdout.write(`${escapeJsonText(JSON.stringify(diagnosticsJson(result.diagnostics), null, 2))}\n`);
    } else {
        // --quiet keeps the errors only; the machine formats always carry everything.
        const shown = io.verbosity === 'quiet' ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
        if (shown.length > 0) io.stderr.write(formatDiagnostics(shown, result.sources ?? result.source, chooseStyle(io.stderr, io.env)));
    }
    return hasErrors ? EXIT_ERRORS : EXIT_OK;
}
