/**
 * PowerShell 7 and Pester for the tests that run generated scripts
 * (spec/pwsh/). scripts/install-test-deps.sh installs both.
 *
 * Missing tools skip those tests with a message, except under CI
 * (CI=true), where they fail: a green CI run must mean the scripts ran.
 * PowerShell starts in about a second, so each test group batches its
 * work into ONE pwsh process: the input goes in as a JSON file, the
 * results come back as a JSON file.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export const PESTER_VERSION = '5.7.1';

export interface PwshTools {
    /** Path of the pwsh executable, or undefined. */
    readonly pwsh?: string;
    /** Folder of the Pester module (…/Pester/5.7.1), or undefined. */
    readonly pester?: string;
}

let found: PwshTools | undefined;

/** pwsh on PATH, then the .NET global tool folder; Pester in the module folders pwsh searches on Linux. */
export function findPwsh(): PwshTools {
    if (found) return found;
    const candidates = [
        ...(process.env['PATH'] ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, 'pwsh')),
        join(homedir(), '.dotnet', 'tools', 'pwsh'),
    ];
    const pwsh = candidates.find((path) => existsSync(path));
    const dataHome = process.env['XDG_DATA_HOME'] || join(homedir(), '.local', 'share');
    const moduleDirs = [
        ...(process.env['PSModulePath'] ?? '').split(delimiter).filter(Boolean),
        join(dataHome, 'powershell', 'Modules'),
        '/usr/local/share/powershell/Modules',
    ];
    const pester = moduleDirs.map((dir) => join(dir, 'Pester', PESTER_VERSION)).find((dir) => existsSync(join(dir, 'Pester.psd1')));
    found = { ...(pwsh ? { pwsh } : {}), ...(pester ? { pester } : {}) };
    return found;
}

/**
 * What a test that needs pwsh does: run, skip (with why), or fail (under
 * CI, where a skip would hide that the scripts never ran).
 */
export function pwshDecision(tools: PwshTools, env: NodeJS.ProcessEnv, needPester = false): { action: 'run' } | { action: 'skip' | 'fail'; message: string } {
    const missing = !tools.pwsh ? 'pwsh' : needPester && !tools.pester ? `Pester ${PESTER_VERSION}` : undefined;
    if (missing === undefined) return { action: 'run' };
    if (env['CI'] === 'true') return { action: 'fail', message: `${missing} missing under CI: scripts/install-test-deps.sh did not install it` };
    return { action: 'skip', message: `${missing} not installed: skipping the PowerShell tests (run scripts/install-test-deps.sh)` };
}

/**
 * For a mocha `before`/`it`: returns pwsh's path, or skips the test (with
 * the reason) when it is missing; under CI a missing pwsh (or Pester, when
 * asked for) fails instead.
 */
export function requirePwsh(ctx: Mocha.Context, options: { pester?: boolean } = {}): string {
    const tools = findPwsh();
    const decision = pwshDecision(tools, process.env, options.pester === true);
    if (decision.action === 'run') return tools.pwsh as string;
    if (decision.action === 'fail') throw new Error(decision.message);
    console.log(`      ${decision.message}`);
    ctx.skip();
}

export interface PwshRun<T> {
    readonly result: T;
    /** Wall time of the pwsh process, ms. */
    readonly ms: number;
}

/**
 * Runs `script` (a .ps1 taking -InputPath and -OutputPath) once, with
 * `input` as JSON, and returns its JSON output. Throws with pwsh's stderr
 * when it fails.
 */
export function runPwshJson<T>(pwsh: string, script: string, input: unknown): PwshRun<T> {
    const work = mkdtempSync(join(tmpdir(), 'xprc-pwsh-'));
    try {
        const inputPath = join(work, 'input.json');
        const outputPath = join(work, 'output.json');
        writeFileSync(inputPath, JSON.stringify(input), 'utf8');
        const started = Date.now();
        const run = spawnSync(pwsh, ['-NoLogo', '-NoProfile', '-NonInteractive', '-File', script, '-InputPath', inputPath, '-OutputPath', outputPath], {
            encoding: 'utf8',
            maxBuffer: 64 * 1024 * 1024,
            env: { ...process.env, POWERSHELL_TELEMETRY_OPTOUT: '1', POWERSHELL_UPDATECHECK: 'Off', NO_COLOR: '1' },
        });
        const ms = Date.now() - started;
        if (run.status !== 0 || !existsSync(outputPath)) {
            throw new Error(`pwsh ${script} failed (exit ${run.status}):\n${run.stderr}\n${run.stdout}`.slice(0, 8000));
        }
        const text = readFileSync(outputPath, 'utf8').replace(/^\uFEFF/, '');
        return { result: JSON.parse(text) as T, ms };
    } finally {
        rmSync(work, { recursive: true, force: true });
    }
}
