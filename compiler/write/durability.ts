/**
 * Getting the staged output onto the disk before it is swapped in.
 *
 * The swap is only crash-safe when every staged file and folder entry is
 * durable before the rename that publishes them (otherwise a crash right
 * after the rename can leave empty or missing files under the new name).
 * Calling fsync on each file does that, but on ext4 each fsync is a journal
 * commit of about 0.7 ms: for a 1,000-node site (8,000 files) that was two
 * thirds of the whole build. On Linux one syncfs(2) of the staging folder's
 * file system gives the same guarantee for all of them at once; Node.js has
 * no binding for it, so it runs coreutils' `sync --file-system`, which is
 * syncfs(2) and reports its failure in the exit status (kernels since 5.8
 * also report earlier write-back errors there). Anywhere else, or when that
 * program is missing or fails, every file and folder is flushed one by one,
 * as before.
 */

import { spawnSync } from 'node:child_process';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';

/** Write a new file (never replacing one); durability comes from flushStaged afterwards. */
export function writeNew(path: string, bytes: Uint8Array): void {
    const fd = openSync(path, 'wx');
    try {
        let done = 0;
        while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
    } finally {
        closeSync(fd);
    }
}

/** Flush a file or folder to disk. Folders cannot be opened for fsync on Windows; NTFS journals renames itself. */
export function flush(path: string): void {
    let fd: number | undefined;
    try {
        fd = openSync(path, 'r');
        fsyncSync(fd);
    } catch (error) {
        if (process.platform !== 'win32') throw error;
    } finally {
        if (fd !== undefined) closeSync(fd);
    }
}

/** One syncfs(2) of the file system holding `path`; false when it could not be done here. */
export function syncFileSystem(path: string): boolean {
    if (process.platform !== 'linux') return false;
    const result = spawnSync('sync', ['--file-system', path], { stdio: 'ignore', timeout: 120_000 });
    return result.error === undefined && result.status === 0;
}

/**
 * Below this many files, flushing each costs less than starting `sync`
 * (about 0.7 ms per file against 5–20 ms for the process).
 */
export const SYNCFS_MIN_FILES = 32;

/**
 * Make the staged files and their folders durable. `files` and `folders` are
 * absolute paths inside the staging folder; folders are flushed deepest
 * first, so each entry is on disk before its parent's.
 */
export function flushStaged(staging: string, files: readonly string[], folders: readonly string[], io: FlushIo = DEFAULT_IO): void {
    if (files.length >= SYNCFS_MIN_FILES && io.syncFileSystem(staging)) return;
    files.forEach((file) => io.flush(file));
    [...folders].sort((a, b) => b.length - a.length).forEach((folder) => io.flush(folder));
}

/** The two system calls flushStaged makes; a test seam. */
export interface FlushIo {
    readonly syncFileSystem: (path: string) => boolean;
    readonly flush: (path: string) => void;
}

const DEFAULT_IO: FlushIo = { syncFileSystem, flush };
