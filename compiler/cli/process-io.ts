/**
 * The CLI on the real process streams. A reader that stops early
 * (`xprc schema | head`) closes the pipe, and the next write fails with
 * EPIPE; that is the reader's choice, not an error, so xprc stops quietly
 * instead of printing Node's unhandled 'error' stack.
 */

import { main } from './main.js';

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
    process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
}
