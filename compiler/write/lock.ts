/**
 * One build at a time per site folder: `<out>/.xprc-lock-<site>` is created
 * exclusively and holds the owner's pid and host. A second build waits
 * briefly, then gives up with an error naming the lock. A lock left by a
 * build that died on this host (its pid no longer runs) is taken over, so a
 * killed build never blocks the next one.
 */

import { hostname } from 'node:os';
import { linkSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class LockBusy extends Error {
    constructor(
        readonly lockPath: string,
        readonly holder: string,
    ) {
        super(`another build holds the lock ${lockPath} (${holder})`);
    }
}

export interface Lock {
    readonly path: string;
    release(): void;
}

export const lockPath = (root: string, siteName: string): string => join(root, `.xprc-lock-${siteName}`);

interface Holder {
    readonly pid: number;
    readonly host: string;
}

function readHolder(path: string): Holder | undefined {
    try {
        const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
        return typeof parsed.pid === 'number' && typeof parsed.host === 'string' ? { pid: parsed.pid, host: parsed.host } : undefined;
    } catch {
        return undefined;
    }
}

function isAlive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch (error) {
        // EPERM: the process exists but belongs to someone else.
        return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
}

const sleep = (ms: number): void => {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

/**
 * Take the lock, waiting up to `waitMs`. The holder's details are written to
 * a private file first and hard-linked into place, so the lock never exists
 * without them (link fails when the lock exists: that is the exclusive create).
 */
export function acquireLock(root: string, siteName: string, waitMs: number): Lock {
    const path = lockPath(root, siteName);
    const mine = `${path}.${process.pid}`;
    writeFileSync(mine, `${JSON.stringify({ pid: process.pid, host: hostname() })}\n`);
    const deadline = Date.now() + waitMs;
    try {
        for (let attempt = 0; ; attempt++) {
            try {
                linkSync(mine, path);
                return {
                    path,
                    release: () => rmSync(path, { force: true }),
                };
            } catch (error) {
                if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
            }
            const holder = readHolder(path);
            if (holder && holder.host === hostname() && !isAlive(holder.pid)) {
                // The build that held it died. Removing and retrying (rather than
                // overwriting) keeps the take-over exclusive between two waiters, except
                // in one window: a waiter that read the dead holder just before another
                // waiter took the lock over may remove the new lock. That needs two
                // builds waiting on a crashed one at the same millisecond; the cost is
                // that one of the two builds may fail (XPR5001, with a true message) and has to be run again.
                rmSync(path, { force: true });
                continue;
            }
            if (Date.now() >= deadline) {
                const who = holder ? `pid ${holder.pid} on ${holder.host}` : 'holder unknown';
                throw new LockBusy(path, who);
            }
            sleep(Math.min(25 * (attempt + 1), 200));
        }
    } finally {
        try {
            unlinkSync(mine);
        } catch {
            // Already gone; nothing to clean.
        }
    }
}
