/**
 * Phase 7, write: the only code that writes generated files.
 *
 * Under the site's lock (lock.ts), a build first finishes whatever a dead
 * build left (recover.ts), then refuses to replace a site folder that holds
 * anything xprc did not write (ownership.ts) unless forced, writes the new
 * output into a fresh temporary folder beside the target, flushes every file
 * and folder to disk (durability.ts), and swaps it in with renames. A crash at any instant
 * leaves either the previous or the new complete output, or the previous one
 * in `.xprc-old-<site>-*`, which the next build puts back.
 *
 * Every failure is a WriteFailure whose `state` says truthfully where the
 * previous output is; the CLI prints it as is.
 */

import { lstatSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, parse, resolve, sep } from 'node:path';
import type { OutputFile } from '../emit/emit.js';
import { flush, flushStaged, writeNew } from './durability.js';
import { acquireLock, LockBusy } from './lock.js';
import { foreignContent, isOwned, ownershipFile, removeOwnedFolder, type Foreign } from './ownership.js';
import { recoverInterrupted, retiredPrefix, stagingPrefix, type Recovery } from './recover.js';

/** A relative path of plain components: nothing can climb out of the output folder. */
const SAFE_COMPONENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function assertSafeRelativePath(path: string): void {
    const parts = path.split('/');
    if (parts.length === 0 || parts.some((part) => !SAFE_COMPONENT.test(part) || part === '.' || part === '..' || part.includes('..'))) {
        throw new Error(`Internal error: unsafe output path "${path}"`);
    }
}

/** The steps of a write, in order; tests stop a build at each to prove the claims above. */
export const WRITE_STEPS = ['locked', 'recovered', 'staged', 'flushed', 'retired', 'installed', 'cleaned'] as const;
export type WriteStep = (typeof WRITE_STEPS)[number];

export interface WriteOptions {
    /** Replace the site folder even when it holds files xprc did not write (--force). */
    readonly force?: boolean;
    /** How long to wait for another build of the same site (default 10 s). */
    readonly lockWaitMs?: number;
    /** Test seam (not reachable from the command line): called after each step. */
    readonly afterStep?: (step: WriteStep) => void;
}

export interface WriteResult {
    readonly target: string;
    readonly recovery: Recovery;
    /** Set when the new output is in place but the previous one could not be removed. */
    readonly leftBehind?: string;
}

export type WriteFailure =
    | { readonly kind: 'not-owned'; readonly target: string; readonly foreign: Foreign }
    | { readonly kind: 'risky-root'; readonly target: string; readonly root: string }
    | { readonly kind: 'locked'; readonly lockPath: string; readonly holder: string }
    | { readonly kind: 'io'; readonly target: string; readonly reason: string; readonly state: string };

export class WriteError extends Error {
    constructor(readonly failure: WriteFailure) {
        super(failure.kind);
    }
}

/** A file-system root or the home folder: a site folder there is only replaced when xprc owns it. */
function isRiskyRoot(root: string): boolean {
    return parse(root).root === root || resolve(root) === resolve(homedir());
}

/**
 * After a rename has happened, a failing fsync of the folder only weakens
 * durability; throwing there would report a failure for a swap that took
 * place (and stop half-way), so it is ignored.
 */
function flushAfterRename(root: string): void {
    try {
        flush(root);
    } catch {
        // See above.
    }
}

const reasonOf = (error: unknown): string => {
    const e = error as NodeJS.ErrnoException;
    return e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied' : e.code === 'ENOTDIR' ? 'a file is in the way of a folder' : (e.message ?? String(error));
};

/**
 * Replace `<outDir>/<siteName>/` with exactly `files` plus the ownership file.
 * Throws a WriteError; its state says where the previous output is.
 */
export function writeOutput(outDir: string, siteName: string, files: readonly OutputFile[], options: WriteOptions = {}): WriteResult {
    assertSafeRelativePath(siteName);
    files.forEach((f) => assertSafeRelativePath(f.path));
    const root = resolve(outDir);
    const target = join(root, siteName);
    const step = options.afterStep ?? (() => undefined);
    const io = (state: string) => (error: unknown) => new WriteError({ kind: 'io', target, reason: reasonOf(error), state });
    const untouched = 'Existing output was left unchanged.';
    // Before anything is written (not even the lock file): / and ~ only take a site folder xprc wrote.
    if (!options.force && isRiskyRoot(root) && !present(target)) {
        throw new WriteError({ kind: 'risky-root', target, root });
    }
    try {
        mkdirSync(root, { recursive: true });
    } catch (error) {
        throw io(untouched)(error);
    }
    let lock;
    try {
        lock = acquireLock(root, siteName, options.lockWaitMs ?? 10_000);
    } catch (error) {
        if (error instanceof LockBusy) throw new WriteError({ kind: 'locked', lockPath: error.lockPath, holder: error.holder });
        throw io(untouched)(error);
    }
    try {
        step('locked');
        let recovery: Recovery;
        try {
            recovery = recoverInterrupted(root, siteName);
        } catch (error) {
            throw io(`The previous output is in ${target} or, if that is missing, in a ${retiredPrefix(siteName)}* folder in ${root}, which the next build puts back.`)(error);
        }
        step('recovered');
        if (!options.force) {
            let foreign: Foreign;
            try {
                foreign = foreignContent(target);
            } catch (error) {
                throw io(untouched)(error);
            }
            if (!isOwned(foreign)) throw new WriteError({ kind: 'not-owned', target, foreign });
        }
        return swap({ root, siteName, target, files, step, io, recovery, force: options.force === true });
    } finally {
        lock.release();
    }
}

function present(path: string): boolean {
    try {
        lstatSync(path);
        return true;
    } catch {
        return false;
    }
}

interface SwapJob {
    readonly root: string;
    readonly siteName: string;
    readonly target: string;
    readonly files: readonly OutputFile[];
    readonly step: (s: WriteStep) => void;
    readonly io: (state: string) => (error: unknown) => WriteError;
    readonly recovery: Recovery;
    readonly force: boolean;
}

function swap({ root, siteName, target, files, step, io, recovery, force }: SwapJob): WriteResult {
    const untouched = 'Existing output was left unchanged.';
    let staging: string;
    try {
        staging = mkdtempSync(join(root, stagingPrefix(siteName)));
    } catch (error) {
        throw io(untouched)(error);
    }
    try {
        const folders = new Set<string>([staging]);
        const written: string[] = [];
        for (const file of [...files, ownershipFile(files)]) {
            const path = join(staging, ...file.path.split('/'));
            if (!path.startsWith(staging + sep)) throw new Error(`Internal error: output path "${file.path}" leaves the output folder`);
            const folder = dirname(path);
            if (!folders.has(folder)) {
                mkdirSync(folder, { recursive: true });
                folders.add(folder);
            }
            writeNew(path, file.bytes);
            written.push(path);
        }
        step('staged');
        flushStaged(staging, written, [...folders]);
        step('flushed');
    } catch (error) {
        rmSync(staging, { recursive: true, force: true });
        throw error instanceof WriteError ? error : io(untouched)(error);
    }
    const hadPrevious = present(target);
    let retired: string | undefined;
    if (hadPrevious) {
        try {
            retired = mkdtempSync(join(root, retiredPrefix(siteName)));
            rmSync(retired, { recursive: true, force: true });
            renameSync(target, retired);
        } catch (error) {
            rmSync(staging, { recursive: true, force: true });
            throw io(untouched)(error);
        }
        flushAfterRename(root);
        step('retired');
    }
    try {
        renameSync(staging, target);
    } catch (error) {
        let state = untouched;
        if (retired) {
            try {
                renameSync(retired, target);
            } catch {
                state = `The previous output is in ${retired}; move it back to ${target} (the next build does that itself when ${target} is missing).`;
            }
        }
        rmSync(staging, { recursive: true, force: true });
        throw io(state)(error);
    }
    flushAfterRename(root);
    step('installed');
    let leftBehind: string | undefined;
    if (retired) {
        try {
            // Checked again: someone may have saved a file into the old folder while this build ran.
            if (force) rmSync(retired, { recursive: true, force: true });
            else if (isOwned(foreignContent(retired))) removeOwnedFolder(retired);
            else leftBehind = retired;
        } catch {
            leftBehind = retired;
        }
    }
    step('cleaned');
    return { target, recovery, ...(leftBehind ? { leftBehind } : {}) };
}
