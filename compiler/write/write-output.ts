/**
 * Phase 7, write: the only code that writes generated files.
 *
 * All or nothing: the site's files are written to a fresh temporary folder
 * beside the target and swapped in with renames at the end. A failure at
 * any point leaves the previous output exactly as it was.
 */

import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { OutputFile } from '../emit/emit.js';

/** A relative path of plain components: nothing can climb out of the output folder. */
const SAFE_COMPONENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function assertSafeRelativePath(path: string): void {
    const parts = path.split('/');
    if (parts.length === 0 || parts.some((part) => !SAFE_COMPONENT.test(part) || part === '.' || part === '..' || part.includes('..'))) {
        throw new Error(`Internal error: unsafe output path "${path}"`);
    }
}

/**
 * Replace `<outDir>/<siteName>/` with exactly `files`. Returns the folder written.
 * Throws (with the previous output untouched) when the file system refuses.
 */
export function writeOutput(outDir: string, siteName: string, files: readonly OutputFile[]): string {
    assertSafeRelativePath(siteName);
    files.forEach((f) => assertSafeRelativePath(f.path));
    const root = resolve(outDir);
    const target = join(root, siteName);
    mkdirSync(root, { recursive: true });
    const staging = mkdtempSync(join(root, `.xprc-tmp-${siteName}-`));
    try {
        const created = new Set<string>();
        for (const file of files) {
            const path = join(staging, ...file.path.split('/'));
            if (!path.startsWith(staging + sep)) {
                throw new Error(`Internal error: output path "${file.path}" leaves the output folder`);
            }
            const folder = dirname(path);
            if (!created.has(folder)) {
                mkdirSync(folder, { recursive: true });
                created.add(folder);
            }
            writeFileSync(path, file.bytes, { flag: 'wx' });
        }
        swapIn(staging, target, root, siteName);
    } catch (error) {
        rmSync(staging, { recursive: true, force: true });
        throw error;
    }
    return target;
}

function swapIn(staging: string, target: string, root: string, siteName: string): void {
    if (!existsSync(target)) {
        renameSync(staging, target);
        return;
    }
    const retired = mkdtempSync(join(root, `.xprc-old-${siteName}-`));
    rmSync(retired, { recursive: true, force: true });
    renameSync(target, retired);
    try {
        renameSync(staging, target);
    } catch (error) {
        renameSync(retired, target); // Put the previous output back.
        throw error;
    }
    rmSync(retired, { recursive: true, force: true });
}
