/**
 * `xprc schema | head`: the reader closes the pipe after a few lines and the
 * next write fails with EPIPE. xprc must stop quietly (issue #11 item 23):
 * no Node stack trace, no "Unhandled 'error' event", exit code 0.
 */

import { expect } from 'chai';
import { spawn } from 'node:child_process';

const ROOT = new URL('../../../', import.meta.url).pathname;

describe('xprc on a closed pipe (EPIPE)', () => {
    it('should exit 0 without a stack trace when the reader closes stdout early', async function () {
        this.timeout(30_000);
        const child = spawn(process.execPath, ['--import', 'tsx', 'compiler/cli/run-source.ts', 'schema'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        // Like a reader that has seen enough: the pipe is closed before xprc has written its output.
        child.stdout.destroy();
        const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
        expect(stderr).to.not.match(/EPIPE|Unhandled|\n\s+at /);
        expect(code).to.equal(0);
    });
});
