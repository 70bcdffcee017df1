/**
 * Reading a manifest from disk, bounded: the file is opened without blocking
 * (a FIFO with no writer would otherwise hang the open), its type and size
 * are checked on the open descriptor (no race with a rename), and only then
 * is it read. Devices such as /dev/zero never end, so only regular files are read.
 */

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { diag, type PendingDiagnostic } from '../diagnostics/diagnostic.js';

/** 64 MiB: a hundred times the largest real site; --max-manifest-bytes raises it. */
export const DEFAULT_MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

function kindOf(stat: import('node:fs').Stats): string {
    if (stat.isDirectory()) return 'a folder';
    if (stat.isFIFO()) return 'a FIFO (named pipe)';
    if (stat.isCharacterDevice()) return 'a character device';
    if (stat.isBlockDevice()) return 'a block device';
    if (stat.isSocket()) return 'a socket';
    return 'not a regular file';
}

/** The manifest's bytes, or the one diagnostic that says why they were not read. */
export function readManifestFile(path: string, cwd: string, maxBytes: number): Buffer | PendingDiagnostic {
    let fd: number;
    try {
        // O_NONBLOCK does not exist on Windows, where FIFOs are not files anyway.
        fd = openSync(resolvePath(cwd, path), constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const reason =
            code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
        return diag('FileUnreadable', { reason });
    }
    try {
        const stat = fstatSync(fd);
        if (stat.isDirectory()) return diag('FileUnreadable', { reason: 'it is a folder' });
        if (!stat.isFile()) return diag('NotARegularFile', { what: kindOf(stat) });
        if (stat.size > maxBytes) return diag('ManifestTooLarge', { size: stat.size, limit: maxBytes });
        // Read at most one byte past the limit, in case the file grows while it is read.
        const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
        let length = 0;
        for (;;) {
            const n = readSync(fd, buffer, length, buffer.length - length, null);
            if (n === 0) break;
            length += n;
            if (length === buffer.length) break;
        }
        if (length > maxBytes) return diag('ManifestTooLarge', { size: length, limit: maxBytes });
        if (length === buffer.length) return diag('FileUnreadable', { reason: 'it grew while it was read' });
        return buffer.subarray(0, length);
    } catch (error) {
        return diag('FileUnreadable', { reason: (error as Error).message });
    } finally {
        closeSync(fd);
    }
}
