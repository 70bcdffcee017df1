/**
 * The CLI on the real process streams. A reader that stops early
 * (`xprc schema | head`) closes the pipe, and the next write fails with
 * EPIPE; that is the reader's choice, not an error, so xprc stops quietly
 * instead of printing Node's unhandled 'error' stack.
 */

import { readSync } from 'node:fs';
import { diag, type PendingDiagnostic } from '../diagnostics/diagnostic.js';
import { main } from './main.js';

/**
 * Standard input to its end (the manifest `-`), at most `maxBytes`: read
 * synchronously like a manifest file, so every command keeps one code path.
 * A non-blocking pipe (EAGAIN: no data yet) is waited on in 10 ms steps.
 */
export function readStdin(maxBytes: number): Buffer | PendingDiagnostic {
    const chunks: Buffer[] = [];
    let length = 0;
    const chunk = Buffer.alloc(64 * 1024);
    for (;;) {
        let n: number;
        try {
            n = readSync(0, chunk, 0, chunk.length, null);
        } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            if (code === 'EAGAIN') {
                Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
                continue;
            }
            if (code === 'EOF') break;
            return diag('FileUnreadable', { reason: (error as Error).message });
        }
        if (n === 0) break;
        length += n;
        if (length > maxBytes) return diag('ManifestTooLarge', { size: length, limit: maxBytes });
        chunks.push(Buffer.from(chunk.subarray(0, n)));
    }
    return Buffer.concat(chunks, length);
}

function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
    stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') {
            process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
        }
        throw error;
    });
}

export async function runOnProcess(): Promise<void> {
    quietOnClosedPipe(process.stdout);
    quietOnClosedPipe(process.stderr);
    process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), readStdin });
}
