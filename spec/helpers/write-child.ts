/**
 * A build in its own process, for the write tests: `tsx write-child.ts <root> <version> [<crash-step>]`
 * writes the site "lab" in version <version> (see siteFiles) and, when a step is named, kills
 * itself with SIGKILL right after that step: no catch, no finally, no exit handler runs, as in a
 * power cut or `kill -9`. Prints the recovery it did as JSON, or the failure.
 */

import { WriteError, writeOutput, type WriteStep } from '../../compiler/write/write-output.js';
import { siteFiles } from './write-fixtures.js';

const [root, version, crashAt] = process.argv.slice(2) as [string, string, string | undefined];
try {
    const result = writeOutput(root, 'lab', siteFiles(version), {
        lockWaitMs: 60_000,
        afterStep: (step: WriteStep) => {
            if (step === crashAt) process.kill(process.pid, 'SIGKILL');
        },
    });
    process.stdout.write(`${JSON.stringify({ ok: true, recovery: result.recovery })}\n`);
} catch (error) {
    process.stdout.write(`${JSON.stringify({ ok: false, failure: error instanceof WriteError ? error.failure : String(error) })}\n`);
    process.exitCode = 1;
}
