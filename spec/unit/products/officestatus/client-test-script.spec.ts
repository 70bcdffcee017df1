/**
 * Behaviour of the OfficeStatus client install's TestScript (issue 11 item
 * 19): run in pwsh against a shadowed Get-ItemProperty that plays the
 * Windows Installer uninstall entry, it must say "installed" only when the
 * registered version reaches the group's, not whenever the product code is
 * there. One pwsh process runs every case (start-up dominates the time).
 * Skips, saying why, when pwsh is not installed.
 */

import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScriptResource } from '../../../../compiler/ir/types.js';
import { psString } from '../../../../compiler/emit/ps/quote.js';
import { BASE } from './fixtures.js';
import { run } from './harness.js';

const PWSH = ['/root/.dotnet/tools/pwsh', '/usr/bin/pwsh', '/usr/local/bin/pwsh'].find((p) => existsSync(p));

/** Registered DisplayVersion (undefined: no uninstall entry) → expected TestScript result for group version 2.0.0.0. */
const CASES: readonly [string, string | undefined, boolean][] = [
    ['not installed', undefined, false],
    ['an older build under the same product code', '1.9.0.12', false],
    ['an older minor release', '1.12', false],
    ['the same build, written with three parts', '2.0.0', true],
    ['the same build', '2.0.0.0', true],
    ['a newer build (an update is never rolled back)', '2.1.0.4', true],
    ['an unreadable version', 'unknown', false],
];

describe('OfficeStatus client TestScript in pwsh (item 19: the installed version, not only the product code)', function () {
    this.timeout(60_000);

    it('should be in the desired state only when the registered version reaches the group\'s', function () {
        if (!PWSH) {
            this.skip(); // pwsh is installed by scripts/install-test-deps.sh
        }
        const result = run(BASE, true);
        const script = result.ir?.nodes.find((n) => n.name === 'WS01')?.resources.find((r) => r.id === 'OfficeStatus_Client') as ScriptResource | undefined;
        expect(script, 'OfficeStatus_Client on WS01').to.not.equal(undefined);
        const body = script!.testScript.join('\n');
        // Each case: a Get-ItemProperty that knows only the x64 product's uninstall key (as on a real host, the other view has none).
        const cases = CASES.map(([, version]) =>
            [
                '& {',
                'function Get-ItemProperty { param ([string[]] $Path, $ErrorAction)',
                version === undefined
                    ? '    $null'
                    : `    if (@($Path | Where-Object { $_ -like '*\\Uninstall\\{*' }).Count -gt 0) { [pscustomobject]@{ DisplayVersion = ${psString(version)} } }`,
                '}',
                `$r = & { ${body} }`,
                "'RESULT ' + ($r -is [bool]) + ' ' + $r",
                '}',
            ].join('\n'),
        );
        const dir = mkdtempSync(join(tmpdir(), 'xprc-os-client-'));
        const file = join(dir, 'cases.ps1');
        writeFileSync(file, cases.join('\n'), 'utf8');
        const out = spawnSync(PWSH!, ['-NoProfile', '-NonInteractive', '-File', file], { encoding: 'utf8' });
        rmSync(dir, { recursive: true, force: true });
        expect(out.status, out.stderr).to.equal(0);
        const lines = out.stdout.split(/\r?\n/).filter((l) => l.startsWith('RESULT '));
        expect(lines.map((l, i) => `${CASES[i]?.[0]}: ${l}`)).to.deep.equal(CASES.map(([label, , expected]) => `${label}: RESULT True ${expected ? 'True' : 'False'}`));
    });
});
