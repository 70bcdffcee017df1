/**
 * What every xprc command shares: the Io seam (streams, environment and
 * working folder, so the specs can run main() in-process), the exit codes,
 * the --format values, and reading, compiling and reporting one manifest.
 * Separate from main.ts so that the command files (diff-commands.ts) need
 * not import main.ts, which imports them.
 */

import { compile, type CompileResult } from '../compile.js';
import { locate, type Diagnostic } from '../diagnostics/diagnostic.js';
import { escapeJsonText } from '../diagnostics/display.js';
import { chooseStyle, diagnosticsJson, formatDiagnostics } from './format.js';
import { DEFAULT_MAX_MANIFEST_BYTES, readManifestFile } from './read-manifest.js';
import { includeReader } from './read-include.js';
import { renderSarif } from './sarif.js';

export interface Io {
    readonly stdout: { write(text: string): unknown; isTTY?: boolean };
    readonly stderr: { write(text: string): unknown; isTTY?: boolean };
    readonly env: NodeJS.ProcessEnv;
    readonly cwd: string;
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
export function readManifest(manifest: string, io: Io, maxBytes = DEFAULT_MAX_MANIFEST_BYTES): Buffer | Diagnostic[] {
    const read = readManifestFile(manifest, io.cwd, maxBytes);
    return Buffer.isBuffer(read) ? read : locate([read], manifest);
}

export function runCompile(manifest: string, io: Io, emit: boolean, maxBytes?: number, rsop = false): CompileResult {
    const bytes = readManifest(manifest, io, maxBytes);
    // Included files are read relative to the manifest, with the same size bound.
    const readInclude = includeReader(manifest, io.cwd, maxBytes ?? DEFAULT_MAX_MANIFEST_BYTES);
    return Array.isArray(bytes) ? { diagnostics: bytes } : compile({ fileName: manifest, bytes, readInclude }, { emit, rsop });
}

/** Print diagnostics; returns the exit code they imply. SARIF names the manifest even when nothing is reported. */
export function report(result: Pick<CompileResult, 'diagnostics' | 'source' | 'sources'>, format: BuildFormat, io: Io, manifest = ''): number {
    const hasErrors = result.diagnostics.some((d) => d.severity === 'error');
    if (format === 'sarif') {
        io.stdout.write(escapeJsonText(renderSarif(result.diagnostics, manifest)));
    } else if (format === 'json') {
        io.stdout.write(`${escapeJsonText(JSON.stringify(diagnosticsJson(result.diagnostics), null, 2))}\n`);
    } else if (result.diagnostics.length > 0) {
        io.stderr.write(formatDiagnostics(result.diagnostics, result.sources ?? result.source, chooseStyle(io.stderr, io.env)));
    }
    return hasErrors ? EXIT_ERRORS : EXIT_OK;
}
