/**
 * `xprc build --check`: compare the files a build would write with what is
 * in the output folder, without writing anything. For CI: generated output
 * that is committed must be what the manifest gives.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutputFile } from '../emit/emit.js';
import { OWNERSHIP_FILE, ownershipFile } from '../write/ownership.js';

export interface OutputCheck {
    /** Files a build would write with other bytes (or where something other than a file is). */
    readonly stale: readonly string[];
    /** Files a build would write that are not there. */
    readonly missing: readonly string[];
    /** Files (and empty folders, with a trailing `/`) a build would remove. */
    readonly extra: readonly string[];
    /** Files that are exactly as a build would write them. */
    readonly upToDate: number;
}

export const isUpToDate = (check: OutputCheck): boolean => check.stale.length + check.missing.length + check.extra.length === 0;

/**
 * What is below `siteDir`, as `/`-separated relative paths: files, other
 * non-folders (symbolic links, …) and folders without anything inside.
 * Symbolic links are not followed (Dirent types come from lstat), so a
 * link is never taken for the file it points to. A missing `siteDir` is empty.
 */
function listExisting(siteDir: string): Map<string, 'file' | 'other'> {
    const found = new Map<string, 'file' | 'other'>();
    const walk = (dir: string, prefix: string): void => {
        let entries;
        try {
            entries = readdirSync(dir, { withFileTypes: true });
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code === 'ENOENT' && prefix === '') return;
            throw error;
        }
        if (entries.length === 0 && prefix !== '') {
            found.set(`${prefix}/`, 'other');
        }
        for (const entry of entries) {
            const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
            if (entry.isDirectory()) walk(join(dir, entry.name), path);
            else found.set(path, entry.isFile() ? 'file' : 'other');
        }
    };
    walk(siteDir, '');
    return found;
}

/**
 * Compares `files` (paths relative to the site folder) with `siteDir`.
 * Throws the file system's error when the folder cannot be read; the CLI
 * reports it as XPR5004.
 */
export function checkOutput(siteDir: string, files: readonly OutputFile[]): OutputCheck {
    const existing = listExisting(siteDir);
    const stale: string[] = [];
    const missing: string[] = [];
    let upToDate = 0;
    for (const file of files) {
        const kind = existing.get(file.path);
        if (kind === undefined) {
            // A folder where the file should be is listed under its own path(s) as extra, and this one as stale.
            if ([...existing.keys()].some((p) => p.startsWith(`${file.path}/`))) stale.push(file.path);
            else missing.push(file.path);
        } else if (kind !== 'file' || !readFileSync(join(siteDir, ...file.path.split('/'))).equals(file.bytes)) {
            stale.push(file.path);
        } else {
            upToDate++;
        }
    }
    const expected = new Set([...files.map((f) => f.path), OWNERSHIP_FILE]);
    const extra = [...existing.keys()].filter((p) => !expected.has(p));
    // A build also writes its ownership record. It follows from the other files, so it is
    // listed only when it is missing or wrong while everything else is up to date.
    const record = existing.get(OWNERSHIP_FILE);
    if (record === undefined) {
        missing.push(OWNERSHIP_FILE);
    } else if (stale.length + missing.length + extra.length === 0 && (record !== 'file' || !readFileSync(join(siteDir, OWNERSHIP_FILE)).equals(ownershipFile(files).bytes))) {
        stale.push(OWNERSHIP_FILE);
    }
    const sorted = (list: string[]) => list.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return { stale: sorted(stale), missing: sorted(missing), extra: sorted(extra), upToDate };
}
