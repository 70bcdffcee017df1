/**
 * The reader compile() gets for a manifest's included files
 * (frontend/include.ts): paths relative to the manifest's folder, which
 * include.ts has already checked not to be absolute or to climb out with
 * `..`. Here, on the real file system, a symbolic link that leads out of the
 * folder tree is refused too (the folder itself may be reached through
 * links), and each file is read with the same bounds as the manifest.
 */

import { realpathSync } from 'node:fs';
import { dirname, resolve as resolvePath, sep } from 'node:path';
import { diag, type PendingDiagnostic } from '../diagnostics/diagnostic.js';
import type { IncludeReader } from '../frontend/include.js';
import { readManifestFile } from './read-manifest.js';

export function includeReader(manifest: string, cwd: string, maxBytes: number): IncludeReader {
    const folder = dirname(resolvePath(cwd, manifest));
    return (path: string): Uint8Array | PendingDiagnostic => {
        let real: string;
        let realFolder: string;
        try {
            realFolder = realpathSync(folder);
            real = realpathSync(resolvePath(folder, path));
        } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            return diag('IncludeUnreadable', { path, reason: code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message });
        }
        if (real !== realFolder && !real.startsWith(realFolder.endsWith(sep) ? realFolder : realFolder + sep)) {
            return diag('IncludeOutsideFolder', { path, reason: 'a symbolic link leads out of that folder' });
        }
        const read = readManifestFile(real, cwd, maxBytes);
        if (Buffer.isBuffer(read)) {
            return read;
        }
        if (read.kind === 'FileUnreadable' || read.kind === 'NotARegularFile') {
            const reason = read.kind === 'FileUnreadable' ? String(read.args['reason']) : `it is ${String(read.args['what'])}, not a regular file`;
            return diag('IncludeUnreadable', { path, reason });
        }
        return read;
    };
}
