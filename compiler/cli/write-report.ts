/**
 * `xprc build` writing: calls writeOutput and turns what happened into coded
 * diagnostics. Every sentence about the previous output comes from the
 * writer, which knows where it is.
 */

import { basename, join } from 'node:path';
import { diag, type PendingDiagnostic } from '../diagnostics/diagnostic.js';
import type { OutputFile } from '../emit/emit.js';
import { WriteError, writeOutput, type WriteOptions, type WriteResult } from '../write/write-output.js';

/** The ownership error lists this many paths, then says how many more there are. */
const LISTED = 5;

const shown = (path: string): string => path.split('\\').join('/');

function listFiles(paths: readonly string[]): string {
    const head = paths.slice(0, LISTED).join(', ');
    return paths.length > LISTED ? `${head} and ${paths.length - LISTED} more` : head;
}

export interface BuildWrite {
    readonly written?: WriteResult;
    /** Errors (nothing written) and warnings (recovery, kept folders). */
    readonly diagnostics: readonly PendingDiagnostic[];
}

export function writeBuild(outDir: string, shownOut: string, siteName: string, files: readonly OutputFile[], options: WriteOptions): BuildWrite {
    const sitePath = shown(join(shownOut, siteName));
    try {
        const written = writeOutput(outDir, siteName, files, options);
        return { written, diagnostics: notices(written, shownOut) };
    } catch (error) {
        if (!(error instanceof WriteError)) throw error;
        const f = error.failure;
        switch (f.kind) {
            case 'not-owned': {
                if (f.foreign.notAFolder) return { diagnostics: [diag('OutputPathOccupied', { path: sitePath })] };
                const paths = [...f.foreign.unknown, ...f.foreign.changed.map((p) => `${p} (changed)`)];
                return { diagnostics: [diag('OutputNotOwned', { path: sitePath, count: paths.length, files: listFiles(paths) })] };
            }
            case 'risky-root':
                return { diagnostics: [diag('OutputRootRisky', { root: shown(shownOut), path: sitePath })] };
            case 'locked':
                return {
                    diagnostics: [diag('OutputLocked', { path: sitePath, lock: shown(f.lockPath), holder: f.holder, seconds: Math.round((options.lockWaitMs ?? 10_000) / 1000) })],
                };
            case 'io':
                return { diagnostics: [diag('OutputUnwritable', { path: shownOut, reason: f.reason, state: f.state })] };
        }
    }
}

function notices(written: WriteResult, shownOut: string): PendingDiagnostic[] {
    const out: PendingDiagnostic[] = [];
    const { restoredFrom, removed, kept } = written.recovery;
    if (restoredFrom) {
        out.push(diag('OutputRecovered', { what: `the site folder was missing and the previous output was put back from ${shown(join(shownOut, restoredFrom))} before this build replaced it` }));
    }
    if (removed.length > 0) {
        out.push(diag('OutputRecovered', { what: `removed ${removed.length} folder(s) it left in ${shown(shownOut)} (${listFiles(removed)})` }));
    }
    for (const name of kept) {
        out.push(diag('OldOutputKept', { path: shown(join(shownOut, name)), reason: 'it holds files xprc did not write' }));
    }
    if (written.leftBehind) {
        out.push(diag('OldOutputKept', { path: shown(join(shownOut, basename(written.leftBehind))), reason: 'it could not be removed, or someone saved files into it during the build; the new output is in place' }));
    }
    return out;
}
