/**
 * What xprc wrote: `.xprc-output.json` in the site folder lists every file
 * of the build with its SHA-256. A build only replaces a site folder that is
 * absent or holds exactly files listed there, unchanged: anything else may be
 * an engineer's own work (notes, a hand-fixed script), and deleting it
 * silently is data loss. `build --check` compares the same file.
 */

import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { OutputFile } from '../emit/emit.js';
import { VERSION } from '../version.js';

export const OWNERSHIP_FILE = '.xprc-output.json';

interface OwnershipRecord {
    readonly generator: string;
    readonly files: readonly { readonly path: string; readonly sha256: string }[];
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const byPath = (a: { path: string }, b: { path: string }): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** The ownership file for `files`: sorted, no timestamp, so two builds of one manifest give the same bytes. */
export function ownershipFile(files: readonly OutputFile[]): OutputFile {
    const record: OwnershipRecord = {
        generator: `xprc ${VERSION}`,
        files: files.map((f) => ({ path: f.path, sha256: sha256(f.bytes) })).sort(byPath),
    };
    return { path: OWNERSHIP_FILE, bytes: Buffer.from(`${JSON.stringify(record, null, 2)}\n`, 'utf8') };
}

/** Reads the record; undefined when it is missing or not one xprc wrote (then nothing in the folder is known). */
function readRecord(siteDir: string): Map<string, string> | undefined {
    let parsed: unknown;
    try {
        parsed = JSON.parse(readFileSync(join(siteDir, OWNERSHIP_FILE), 'utf8'));
    } catch {
        return undefined;
    }
    const record = parsed as Partial<OwnershipRecord>;
    if (typeof record.generator !== 'string' || !record.generator.startsWith('xprc ') || !Array.isArray(record.files)) {
        return undefined;
    }
    const known = new Map<string, string>();
    for (const entry of record.files) {
        if (typeof entry?.path === 'string' && typeof entry.sha256 === 'string') known.set(entry.path, entry.sha256);
    }
    return known;
}

export interface Foreign {
    /** Paths relative to the site folder (`/`-separated), sorted: files, links and other non-folders. */
    readonly unknown: readonly string[];
    /** Files xprc wrote that have been edited since. */
    readonly changed: readonly string[];
    /** True when the site path is a file, a link or another non-folder. */
    readonly notAFolder: boolean;
}

export const isOwned = (f: Foreign): boolean => !f.notAFolder && f.unknown.length === 0 && f.changed.length === 0;

/**
 * What in `siteDir` xprc did not write, or wrote and someone changed.
 * Links are never followed (lstat): a link is itself unknown. An absent
 * folder is owned (there is nothing to lose).
 */
export function foreignContent(siteDir: string): Foreign {
    let stat;
    try {
        stat = lstatSync(siteDir);
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { unknown: [], changed: [], notAFolder: false };
        throw error;
    }
    if (!stat.isDirectory()) return { unknown: [], changed: [], notAFolder: true };
    const known = readRecord(siteDir) ?? new Map<string, string>();
    const unknown: string[] = [];
    const changed: string[] = [];
    const walk = (dir: string, prefix: string): void => {
        // An empty folder holds nothing to lose (a half-removed old output leaves some), so it is not listed.
        const entries = readdirSync(dir, { withFileTypes: true });
        for (const entry of entries) {
            const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
            if (path === OWNERSHIP_FILE && known.size > 0) continue;
            if (entry.isDirectory()) {
                walk(join(dir, entry.name), path);
            } else if (!entry.isFile() || !known.has(path)) {
                unknown.push(path);
            } else if (sha256(readFileSync(join(dir, entry.name))) !== known.get(path)) {
                changed.push(path);
            }
        }
    };
    walk(siteDir, '');
    return { unknown: unknown.sort(), changed: changed.sort(), notAFolder: false };
}

/**
 * Delete a folder xprc owns, its ownership file last: a removal cut short by
 * a crash leaves a folder that is still recognisably xprc's, so the next
 * build can finish removing it instead of taking the rest for someone's files.
 */
export function removeOwnedFolder(dir: string): void {
    for (const name of readdirSync(dir)) {
        if (name !== OWNERSHIP_FILE) rmSync(join(dir, name), { recursive: true, force: true });
    }
    rmSync(dir, { recursive: true, force: true });
}
