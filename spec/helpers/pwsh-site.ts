/**
 * Finding pwsh for the PowerShell behaviour tests. The rule (shared with the
 * harness of spec/helpers/pwsh.ts when it lands): without pwsh a test skips
 * and says why, except in CI (CI=true), where a missing pwsh is a failure.
 */

import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

export function findPwsh(): string | undefined {
    const candidates = [join(homedir(), '.dotnet', 'tools', 'pwsh'), ...(process.env['PATH'] ?? '').split(delimiter).map((dir) => join(dir, 'pwsh'))];
    return candidates.find((candidate) => candidate !== 'pwsh' && existsSync(candidate));
}

/** Call from a `before` hook: returns pwsh's path, or skips the suite (fails in CI). */
export function requirePwsh(context: Mocha.Context): string {
    const pwsh = findPwsh();
    if (pwsh) {
        return pwsh;
    }
    if (process.env['CI'] === 'true') {
        throw new Error('pwsh is not installed: run scripts/install-test-deps.sh (the PowerShell behaviour tests must run in CI)');
    }
    // eslint-disable-next-line no-console
    console.log('      (skipped: pwsh not found in ~/.dotnet/tools or on PATH; scripts/install-test-deps.sh installs it)');
    context.skip();
    return '';
}
