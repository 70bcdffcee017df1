/**
 * Finishing what a dead build left. A build swaps its output in with two
 * renames (site → .xprc-old-<site>-*, .xprc-tmp-<site>-* → site); a crash
 * can stop it anywhere. Run under the site's lock, so every temporary
 * folder of this site found here belongs to a build that is no longer running.
 */

import { readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { foreignContent, isOwned, removeOwnedFolder } from './ownership.js';

export const stagingPrefix = (siteName: string): string => `.xprc-tmp-${siteName}-`;
export const retiredPrefix = (siteName: string): string => `.xprc-old-${siteName}-`;

export interface Recovery {
    /** The previous output, restored from this folder because the site folder was missing. */
    readonly restoredFrom?: string;
    /** Folders of dead builds that were removed (their names, relative to the output folder). */
    readonly removed: readonly string[];
    /** Old outputs kept because they hold files xprc did not write (someone saved into them). */
    readonly kept: readonly string[];
}

function isRunning(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
}

function exists(path: string): boolean {
    try {
        statSync(path);
        return true;
    } catch {
        return false;
    }
}

/**
 * Site missing and a retired folder present: the crash came between the two
 * renames, so the retired folder is the complete previous output; it goes
 * back. Site present: the swap finished (or never started), so retired and
 * staging folders are leftovers and are removed.
 */
export function recoverInterrupted(root: string, siteName: string): Recovery {
    let names: string[];
    try {
        names = readdirSync(root);
    } catch {
        return { removed: [], kept: [] };
    }
    const retired = names.filter((n) => n.startsWith(retiredPrefix(siteName))).sort();
    const staging = names.filter((n) => n.startsWith(stagingPrefix(siteName))).sort();
    let restoredFrom: string | undefined;
    const target = join(root, siteName);
    if (!exists(target) && retired.length > 0) {
        // Only one swap runs at a time (the lock), so there is one candidate;
        // should a host have kept several, the newest is the latest output.
        const newest = [...retired].sort((a, b) => statSync(join(root, b)).mtimeMs - statSync(join(root, a)).mtimeMs)[0] as string;
        renameSync(join(root, newest), target);
        restoredFrom = newest;
    }
    const removed: string[] = [];
    const kept: string[] = [];
    // An old output is only a leftover when the swap finished: the site folder is xprc's complete
    // output. Otherwise (someone created the site folder by hand) it may be the only copy: kept.
    const swapFinished = restoredFrom === undefined && exists(target) && isOwned(foreignContent(target));
    for (const name of retired.filter((n) => n !== restoredFrom)) {
        const path = join(root, name);
        if (swapFinished && isOwned(foreignContent(path))) {
            removeOwnedFolder(path);
            removed.push(name);
        } else {
            kept.push(name);
        }
    }
    // A build killed while it waited for the lock leaves its private lock file (lock.ts), named by its pid.
    for (const name of names.filter((n) => n.startsWith(`.xprc-lock-${siteName}.`))) {
        const pid = Number(name.slice(`.xprc-lock-${siteName}.`.length));
        if (Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) {
            rmSync(join(root, name), { force: true });
            removed.push(name);
        }
    }
    // Staging folders are only ever written by a build holding the lock: nobody else's files are there.
    for (const name of staging) {
        rmSync(join(root, name), { recursive: true, force: true });
        removed.push(name);
    }
    return { ...(restoredFrom ? { restoredFrom } : {}), removed, kept };
}
