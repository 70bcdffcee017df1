/**
 * The real PowerShell parser on everything xprc emits, in one pwsh process
 * (Invoke-Parse.ps1):
 *
 *  - every .ps1 and .psd1 of every golden case (spec/golden/<case>/expected/)
 *    and the text of every Get/Test/SetScript parses without an error (a
 *    configuration with its `Configuration` keyword read as `function`: see
 *    docs/powershell-tests.md for why);
 *  - none of it uses what Windows PowerShell 5.1 lacks (Compat51.psm1), and
 *    a table of negative controls proves each rule of that check fires;
 *  - ConfigurationData.psd1 and RequiredModules.psd1, read back with
 *    Import-PowerShellDataFile, hold what the IR says.
 */

import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dscBlocks } from '../../compiler/dsc/resources/index.js';
import { INBOX_MODULES } from '../../compiler/dsc/modules.js';
import { modulesOf } from '../../compiler/emit/ps/configuration.js';
import type { NodeIR, SiteIR } from '../../compiler/ir/types.js';
import { compileCase, goldenCases } from '../golden/golden.spec.js';
import { listFiles } from '../helpers/golden.js';
import { requirePwsh, runPwshJson } from '../helpers/pwsh.js';

const PARSER = fileURLToPath(new URL('./Invoke-Parse.ps1', import.meta.url));
const GOLDEN = fileURLToPath(new URL('../golden/', import.meta.url));

interface Item {
    readonly id: string;
    readonly kind: 'script' | 'data' | 'configuration';
    readonly path?: string;
    readonly text?: string;
}
interface Parsed {
    readonly errors: readonly { line: number; column: number; id: string; message: string }[];
    readonly compat: readonly { construct: string; line: number; text: string }[];
    readonly asWritten?: { errors: number; first: string };
    readonly rewritten?: boolean;
    readonly data?: Record<string, unknown>;
}

/** Snippets 5.1 cannot run, with the construct the check must name (negative controls). */
const PS7_ONLY: readonly (readonly [string, string])[] = [
    ['$a = $b ? 1 : 2', 'ternary operator ?:'],
    ['Test-Path C:\\x && Write-Output yes', 'pipeline chain operator && / ||'],
    ['Test-Path C:\\x || Write-Output no', 'pipeline chain operator && / ||'],
    ['$a = $b ?? 1', 'null-coalescing operator ??'],
    ['$a ??= 1', 'null-coalescing assignment ??='],
    ['$n = ${service}?.Name', 'null-conditional member access ?.'],
    ['$n = ${list}?[0]', 'null-conditional index ?[]'],
    ['1..3 | ForEach-Object -Parallel { $_ }', 'parameter ForEach-Object -Parallel'],
    ['1..3 | % -Parallel { $_ }', 'parameter ForEach-Object -Parallel'],
    ['1..3 | ForEach-Object -Process { $_ } -ThrottleLimit 2', 'parameter ForEach-Object -ThrottleLimit'],
    ['Get-Error', 'cmdlet Get-Error'],
    ['function f { process { 1 } clean { 2 } }', 'clean block'],
    ['Get-Content -Path x -AsByteStream', 'parameter Get-Content -AsByteStream'],
    ['$h = Get-Content x | ConvertFrom-Json -AsHashtable', 'parameter ConvertFrom-Json -AsHashtable'],
    ['Split-Path -Path x -LeafBase', 'parameter Split-Path -LeafBase'],
    ['Join-Path -Path a -ChildPath b -AdditionalChildPath c', 'parameter Join-Path -AdditionalChildPath'],
    ['Invoke-WebRequest -Uri https://x -SkipCertificateCheck', 'parameter Invoke-WebRequest -SkipCertificateCheck'],
    ['Get-Process | Sort-Object -Property CPU -Top 5', 'parameter Sort-Object -Top'],
    ["Set-Content -Path x -Value y -Encoding utf8NoBOM", '-Encoding utf8NoBOM'],
    ['Join-String -InputObject 1, 2', 'cmdlet Join-String'],
    ['Test-Json -Json "{}"', 'cmdlet Test-Json'],
    ['if ($IsWindows) { 1 }', 'automatic variable $IsWindows'],
    ['"`e[31m red"', 'escape `e or `u{} in a string'],
    ['"`u{1F600}"', 'escape `e or `u{} in a string'],
    ["'a'..'e'", "character range 'a'..'z'"],
    ["'abc' -replace 'b', { $_.Value.ToUpper() }", '-replace with a script block'],
    ['Start-Sleep 1 &', 'background operator &'],
];

/** 5.1-safe forms of the same ideas: the check must stay silent. */
const PS51_OK = [
    "$a = if ($b) { 1 } else { 2 }",
    'if (Test-Path C:\\x) { Write-Output yes }',
    "$list = [System.Collections.Generic.List[string]]::new()",
    "1..3 | ForEach-Object -Process { $_ }",
    "Get-Content -Path x -Encoding Byte",
    "Set-Content -Path x -Value y -Encoding UTF8",
    "& reg.exe export 'HKLM\\SOFTWARE\\X' $file /y | Out-Null",
    "$x = '?? ?. && ||'",
    "[char[]](97..101)",
];

function goldenItems(): Item[] {
    const items: Item[] = [];
    for (const name of goldenCases().filter((n) => !n.startsWith('invalid-'))) {
        const dir = join(GOLDEN, name, 'expected');
        for (const file of listFiles(dir).filter((f) => /\.(ps1|psd1)$/.test(f))) {
            const kind = file.endsWith('.psd1') ? 'data' : file.endsWith('/build.ps1') ? 'script' : 'configuration';
            items.push({ id: `${name}/${file}`, kind, path: join(dir, file) });
        }
        for (const node of compileCase(name).ir?.nodes ?? []) {
            for (const block of dscBlocks(node)) {
                for (const p of block.properties) {
                    if (p.value.kind === 'scriptBlock') items.push({ id: `${name}/${node.name} [${block.resourceType}]${block.name} ${p.name}`, kind: 'script', text: p.value.lines.join('\n') });
                }
            }
        }
    }
    return items;
}

describe('emitted PowerShell: the real parser, Windows PowerShell 5.1 compatibility, data files (pwsh)', function () {
    const items = goldenItems();
    const controls: Item[] = [
        ...PS7_ONLY.map(([text], i) => ({ id: `control/ps7/${i}`, kind: 'script' as const, text })),
        ...PS51_OK.map((text, i) => ({ id: `control/ps51/${i}`, kind: 'script' as const, text })),
        { id: 'control/broken', kind: 'script', text: "if ($a) { 'unterminated }" },
    ];
    let parsed: Record<string, Parsed> = {};

    before(function () {
        const pwsh = requirePwsh(this);
        const run = runPwshJson<Record<string, Parsed>>(pwsh, PARSER, { items: [...items, ...controls] });
        parsed = run.result;
        console.log(`      ${items.length} files and script blocks, ${controls.length} controls, one pwsh process: ${run.ms} ms`);
    });

    it('should have golden files and script blocks to parse', () => {
        expect(items.filter((i) => i.path !== undefined && existsSync(i.path)).length).to.be.greaterThan(40);
        expect(items.filter((i) => i.text !== undefined).length).to.be.greaterThan(40);
    });

    for (const item of items) {
        it(`${item.id} should parse without error and use nothing 5.1 lacks`, () => {
            const r = parsed[item.id];
            expect(r, 'no result').to.not.equal(undefined);
            expect(r?.errors, JSON.stringify(r?.errors.slice(0, 3))).to.deep.equal([]);
            expect(r?.compat).to.deep.equal([]);
            if (item.kind === 'configuration') {
                // What the parser on Linux does with the keyword itself (docs/powershell-tests.md).
                expect(r?.rewritten).to.equal(true);
                expect(r?.asWritten?.first).to.match(/DSC schema store|Configuration/);
            }
        });
    }

    describe('Windows PowerShell 5.1 check: negative controls', () => {
        PS7_ONLY.forEach(([text, construct], i) => {
            it(`should flag ${construct} in ${text}`, () => {
                const r = parsed[`control/ps7/${i}`];
                expect(r?.errors, 'the snippet itself must parse in PowerShell 7').to.deep.equal([]);
                expect(r?.compat.map((c) => c.construct) ?? []).to.deep.equal([construct]);
            });
        });
        PS51_OK.forEach((text, i) => {
            it(`should accept ${text}`, () => {
                expect(parsed[`control/ps51/${i}`]?.compat).to.deep.equal([]);
            });
        });
        it('should report parse errors (negative control)', () => {
            expect(parsed['control/broken']?.errors.length).to.be.greaterThan(0);
        });
    });

    describe('data files read back with Import-PowerShellDataFile equal the IR', () => {
        for (const name of goldenCases().filter((n) => !n.startsWith('invalid-'))) {
            const ir = compileCase(name).ir as SiteIR;
            // A node without resources gets only its runbook.
            for (const node of ir.nodes.filter((n) => n.resources.length > 0)) {
                it(`${name}/${node.fileStem}: ConfigurationData.psd1 and RequiredModules.psd1`, () => {
                    expect(configurationData(parsed[`${name}/${node.fileStem}/ConfigurationData.psd1`]?.data)).to.deep.equal(expectedConfigurationData(ir, node));
                    // Every module the blocks import, at its pinned version, except the one Windows ships.
                    const modules = Object.fromEntries(modulesOf(dscBlocks(node)).filter((m) => !INBOX_MODULES.has(m.name)).map((m) => [m.name, m.version]));
                    expect(parsed[`${name}/${node.fileStem}/RequiredModules.psd1`]?.data).to.deep.equal(modules);
                });
            }
        }
    });
});

function configurationData(data: Record<string, unknown> | undefined): unknown {
    const all = (data?.['AllNodes'] ?? []) as Record<string, unknown>[];
    const site = (data?.['NonNodeData'] ?? {}) as Record<string, unknown>;
    return { nodes: all.map((n) => ({ name: n['NodeName'], roles: [n['Role'] ?? []].flat(), thumbprint: n['Thumbprint'], file: n['CertificateFile'] })), site: site['Site'] };
}

function expectedConfigurationData(ir: SiteIR, node: NodeIR): unknown {
    return { nodes: [{ name: node.name, roles: [...node.roles], thumbprint: node.certificate?.thumbprint, file: node.certificate?.file }], site: ir.name };
}
