/**
 * Behaviour of two OfficeStatus Script resources in pwsh, against shadowed
 * cmdlets (one pwsh process per test; start-up dominates the time). Skips,
 * saying why, when pwsh is not installed.
 *
 * - Item 19: the client install's TestScript, against a Get-ItemProperty
 *   that plays the Windows Installer uninstall entry, says "installed" only
 *   when the registered version reaches the group's, not whenever the
 *   product code is there.
 * - Item 18: the root-placement website is created once and then left to the
 *   installer: after the installer moved its physical path, Test still says
 *   "in the desired state", so Set never puts the path back.
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

describe('OfficeStatus Script resources in pwsh (issue 11 items 18, 19)', function () {
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

    it('should create a root-placement website once and not fight the installer over its path (item 18)', function () {
        if (!PWSH) {
            this.skip();
        }
        const manifest = JSON.parse(JSON.stringify(BASE)) as { officeStatus: { server: { website: Record<string, unknown> } } };
        manifest.officeStatus.server.website = { name: 'OfficeStatus', create: true, physicalPath: 'C:\\inetpub\\OfficeStatus', hostName: 'status.contoso.local', placement: 'root' };
        const result = run(manifest as never, true);
        const script = result.ir?.nodes.find((n) => n.name === 'OS01')?.resources.find((r) => r.id === 'OfficeStatus_CreateWebSite_OfficeStatus') as ScriptResource | undefined;
        expect(script, 'the create-once script on OS01').to.not.equal(undefined);
        const block = (lines: readonly string[]) => `& { ${lines.join('\n')} }`;
        // A fake IIS: one site table; New-Website adds, the "installer" then moves the path.
        const text = [
            '$script:sites = @{}',
            'function Import-Module { param ($Name, $Verbose) }',
            'function Get-Website { $script:sites.Values }',
            'function New-Website { param ($Name, $PhysicalPath, $Port, $HostHeader, $IPAddress) $script:sites[$Name] = [pscustomobject]@{ Name = $Name; PhysicalPath = $PhysicalPath; Port = $Port; HostHeader = $HostHeader; State = \'Stopped\' }; $script:sites[$Name] }',
            'function Start-Website { param ($Name) $script:sites[$Name].State = \'Started\' }',
            `'BEFORE ' + (${block(script!.testScript)})`,
            block(script!.setScript),
            "'CREATED ' + $script:sites['OfficeStatus'].PhysicalPath + ' ' + $script:sites['OfficeStatus'].Port + ' ' + $script:sites['OfficeStatus'].HostHeader + ' ' + $script:sites['OfficeStatus'].State",
            `'AFTER ' + (${block(script!.testScript)})`,
            "$script:sites['OfficeStatus'].PhysicalPath = 'C:\\Program Files\\OfficeStatus\\Web'",
            `'RECONFIGURED ' + (${block(script!.testScript)})`,
            `'GET ' + (${block(script!.getScript)}).Result`,
        ].join('\n');
        const dir = mkdtempSync(join(tmpdir(), 'xprc-os-site-'));
        const file = join(dir, 'site.ps1');
        writeFileSync(file, text, 'utf8');
        const out = spawnSync(PWSH!, ['-NoProfile', '-NonInteractive', '-File', file], { encoding: 'utf8' });
        rmSync(dir, { recursive: true, force: true });
        expect(out.status, out.stderr).to.equal(0);
        expect(out.stdout.split(/\r?\n/).filter((l) => /^[A-Z]+ /.test(l))).to.deep.equal([
            'BEFORE False',
            'CREATED C:\\inetpub\\OfficeStatus 80 status.contoso.local Started',
            'AFTER True',
            'RECONFIGURED True',
            'GET C:\\Program Files\\OfficeStatus\\Web',
        ]);
    });
});
