/**
 * The shared DSC layer that makes generated configurations work on a real
 * host (issue 11, items 1–5): the LCM meta-configuration and the runbook
 * step that applies it, the XPR3090 warning, PendingReboot's scope,
 * explicit xService State, and the Source of NET-Framework-Core.
 */

import { expect } from 'chai';
import { compile, type CompileResult } from '../../../compiler/compile.js';
import type { DscProperty } from '../../../compiler/dsc/block.js';
import { ps } from '../../../compiler/dsc/block.js';
import { checkSettings } from '../../../compiler/dsc/lcm-settings.js';
import { dscBlocks } from '../../../compiler/dsc/resources/index.js';
import type { NodeIR } from '../../../compiler/ir/types.js';
import { parsePowerShell } from '../../helpers/ps-parse.js';

type Json = Record<string, unknown>;

const CERT = { file: 'C:\\DscPublicKeys\\SRV01.cer', thumbprint: '3c2a6f7b1e0d4c5b8a9f00112233445566778899' };

function run(manifest: Json): CompileResult {
    return compile({ fileName: 'site.json', bytes: Buffer.from(JSON.stringify(manifest, null, 2)) });
}

function file(result: CompileResult, path: string): string {
    const found = result.files?.find((f) => f.path === path);
    expect(found, `${path} in ${(result.files ?? []).map((f) => f.path).join(', ')}`).to.not.equal(undefined);
    return found!.bytes.toString('utf8');
}

function nodeOf(result: CompileResult, name = 'SRV01'): NodeIR {
    const node = result.ir?.nodes.find((n) => n.name === name);
    expect(node, JSON.stringify(result.diagnostics.map((d) => d.message))).to.not.equal(undefined);
    return node!;
}

const feature = { windowsFeatures: [{ name: 'Telnet-Client' }] };

/** The Settings lines of a meta-configuration, `Name = value`, comments dropped. */
function settingsOf(meta: string): string[] {
    const body = meta.slice(meta.indexOf('Settings'));
    return body
        .split('\r\n')
        .map((line) => line.trim())
        .filter((line) => /^[A-Za-z]+\s+=/.test(line))
        .map((line) => line.replace(/\s+=\s+/, ' = '));
}

describe('LCM meta-configuration (compiler/emit/ps/meta-configuration.ts)', () => {
    it('should give every node with a configuration a meta-configuration with the defaults that make restarts happen', async () => {
        const result = run({ name: 'lab', nodes: [{ name: 'SRV01', certificate: CERT, baseline: feature }] });
        const meta = file(result, 'SRV01/SRV01.meta.ps1');
        expect(meta).to.contain('[DscLocalConfigurationManager()]\r\nConfiguration SRV01_LcmSettings\r\n');
        expect(settingsOf(meta)).to.deep.equal([
            "RefreshMode = 'Push'",
            "ConfigurationMode = 'ApplyAndMonitor'",
            'ConfigurationModeFrequencyMins = 15',
            'RebootNodeIfNeeded = $true',
            "ActionAfterReboot = 'ContinueConfiguration'",
            // The thumbprint in the certificate's canonical (upper) case, as ConfigurationData has it.
            "CertificateID = '3C2A6F7B1E0D4C5B8A9F00112233445566778899'",
        ]);
        const parsed = await parsePowerShell(meta.replace('[DscLocalConfigurationManager()]', ''));
        expect(parsed.errors).to.deep.equal([]);
    });

    it('should leave CertificateID out for a node without a certificate', () => {
        const meta = file(run({ name: 'lab', nodes: [{ name: 'SRV01', baseline: feature }] }), 'SRV01/SRV01.meta.ps1');
        expect(settingsOf(meta).some((line) => line.startsWith('CertificateID'))).to.equal(false);
    });

    it("should take the site's lcm defaults and let a node override them one by one", () => {
        const result = run({
            name: 'lab',
            defaults: { lcm: { configurationMode: 'ApplyAndAutoCorrect', configurationModeFrequencyMins: 30 } },
            nodes: [
                { name: 'SRV01', baseline: feature, lcm: { configurationModeFrequencyMins: 60 } },
                { name: 'SRV02', baseline: feature },
            ],
        });
        expect(settingsOf(file(result, 'SRV01/SRV01.meta.ps1'))).to.include.members(["ConfigurationMode = 'ApplyAndAutoCorrect'", 'ConfigurationModeFrequencyMins = 60']);
        expect(settingsOf(file(result, 'SRV02/SRV02.meta.ps1'))).to.include.members(["ConfigurationMode = 'ApplyAndAutoCorrect'", 'ConfigurationModeFrequencyMins = 30']);
        expect(nodeOf(result, 'SRV01').lcm.source.pointer).to.equal('/nodes/0/lcm');
        expect(nodeOf(result, 'SRV02').lcm.source.pointer).to.equal('/defaults/lcm');
    });

    it('should compile the meta-configuration in build.ps1, into the same MOF folder', () => {
        const build = file(run({ name: 'lab', nodes: [{ name: 'SRV01', baseline: feature }] }), 'SRV01/build.ps1');
        expect(build).to.contain(". (Join-Path -Path $PSScriptRoot -ChildPath 'SRV01.meta.ps1')");
        expect(build).to.contain("SRV01_LcmSettings -ConfigurationData (Join-Path -Path $PSScriptRoot -ChildPath 'ConfigurationData.psd1') -OutputPath $OutputPath");
    });

    it('should make the runbook apply it first and say why, naming the resources that restart', () => {
        const runbook = file(run({ name: 'lab', nodes: [{ name: 'SRV01', certificate: CERT, baseline: feature }] }), 'SRV01/RUNBOOK.md');
        const lcm = runbook.indexOf('`Set-DscLocalConfigurationManager -Path .\\MOF -ComputerName SRV01 -Verbose`');
        const apply = runbook.indexOf('`Start-DscConfiguration -Path .\\MOF -ComputerName SRV01 -Wait -Verbose`');
        expect(lcm).to.be.greaterThan(0);
        expect(apply).to.be.greaterThan(lcm);
        expect(runbook).to.contain('the LCM restarts `SRV01` when a resource asks for it (here: `WindowsFeature_Telnet_Client`)');
        expect(runbook).to.contain('decrypts the credentials in the MOF with this certificate');
    });

    it('should tell the engineer to restart by hand when RebootNodeIfNeeded is off', () => {
        const runbook = file(run({ name: 'lab', nodes: [{ name: 'SRV01', baseline: feature, lcm: { rebootNodeIfNeeded: false } }] }), 'SRV01/RUNBOOK.md');
        expect(runbook).to.contain('the LCM never restarts `SRV01`').and.contain('restart the computer yourself');
        expect(settingsOf(file(run({ name: 'lab', nodes: [{ name: 'SRV01', baseline: feature, lcm: { rebootNodeIfNeeded: false } }] }), 'SRV01/SRV01.meta.ps1'))).to.include(
            'RebootNodeIfNeeded = $false',
        );
    });

    describe('XPR3090 (the LCM may not restart a node that needs restarts)', () => {
        it('should warn when RebootNodeIfNeeded is off and the configuration asks for restarts', () => {
            const result = run({ name: 'lab', defaults: { lcm: { rebootNodeIfNeeded: false } }, nodes: [{ name: 'SRV01', baseline: feature }] });
            expect(result.diagnostics.map((d) => [d.code, d.severity, d.pointer, d.start?.line, d.message])).to.deep.equal([
                ['XPR3090', 'warning', '/defaults/lcm', 4, 'Node "SRV01" has RebootNodeIfNeeded off, but its configuration asks for restarts (WindowsFeature_Telnet_Client).'],
            ]);
        });

        it('should say nothing when nothing restarts, or when the LCM may restart', () => {
            const quiet = run({ name: 'lab', nodes: [{ name: 'SRV01', lcm: { rebootNodeIfNeeded: false }, baseline: { folders: [{ path: 'D:\\Data' }] } }] });
            expect(quiet.diagnostics).to.deep.equal([]);
            expect(run({ name: 'lab', nodes: [{ name: 'SRV01', baseline: feature }] }).diagnostics).to.deep.equal([]);
        });
    });

    describe('LCM Settings schema (compiler/dsc/lcm-settings.ts)', () => {
        const cases: [string, readonly DscProperty[], readonly string[]][] = [
            ['a valid block', [{ name: 'RebootNodeIfNeeded', value: ps.bool(true) }, { name: 'RefreshMode', value: ps.str('Push') }], []],
            ['a misspelt name', [{ name: 'RebootIfNeeded', value: ps.bool(true) }], ["Settings has no property 'RebootIfNeeded'"]],
            ['a value outside the ValueMap', [{ name: 'ConfigurationMode', value: ps.str('MonitorOnly') }], ["property 'ConfigurationMode' does not allow 'MonitorOnly' (allowed: ApplyOnly, ApplyAndMonitor, ApplyAndAutoCorrect)"]],
            ['a wrong type', [{ name: 'ConfigurationModeFrequencyMins', value: ps.str('15') }], ["property 'ConfigurationModeFrequencyMins' expects uint32 but got a value of kind 'string'"]],
        ];
        for (const [what, properties, expected] of cases) {
            it(`should check ${what}`, () => {
                expect(checkSettings(properties)).to.deep.equal(expected);
            });
        }
    });
});

describe('restarts, services and feature sources (shared DSC layer)', () => {
    it('should scope PendingReboot to what the configuration causes (item 2)', () => {
        const node: NodeIR = {
            ...nodeOf(run({ name: 'lab', nodes: [{ name: 'SRV01', baseline: feature }] })),
            resources: [{ kind: 'PendingReboot', id: 'Reboot', name: 'BeforeSetup', dependsOn: [], source: { pointer: '/nodes/0' } }],
        };
        const [block] = dscBlocks(node);
        expect(block?.properties.map((p) => [p.name, p.value.kind === 'bool' ? p.value.value : p.value.kind === 'string' ? p.value.value : p.value.kind])).to.deep.equal([
            ['Name', 'BeforeSetup'],
            // Feature installations request their restart through Component-Based Servicing: kept.
            ['SkipComponentBasedServicing', false],
            ['SkipWindowsUpdate', true],
            ['SkipPendingFileRename', true],
            ['SkipPendingComputerRename', true],
            ['SkipCcmClientSDK', true],
        ]);
    });

    it('should give every present xService an explicit State: the baseline writes its default Running out (item 3)', () => {
        const node = nodeOf(
            run({
                name: 'lab',
                nodes: [{ name: 'SRV01', baseline: { services: [{ name: 'W3SVC' }, { name: 'Spooler', state: 'Ignore', startupType: 'Manual' }, { name: 'Old', ensure: 'Absent' }] } }],
            }),
        );
        const states = dscBlocks(node).map((b) => [b.name, b.properties.find((p) => p.name === 'State')?.value]);
        expect(states).to.deep.equal([
            ['Service_Old', undefined],
            ['Service_Spooler', ps.str('Ignore')],
            ['Service_W3SVC', ps.str('Running')],
        ]);
    });

    it('should install NET-Framework-Core from the manifest\'s source with the in-box WindowsFeature, which has Source (item 5)', () => {
        const manifest = (extra: Json): Json => ({
            name: 'lab',
            defaults: { featureSource: '\\\\fs01\\sxs' },
            nodes: [{ name: 'SRV01', ...extra, baseline: { windowsFeatures: [{ name: 'NET-Framework-Core' }, { name: 'Telnet-Client' }] } }],
        });
        const blocks = (m: Json) => dscBlocks(nodeOf(run(m))).map((b) => [b.resourceType, b.name, b.properties.find((p) => p.name === 'Source')?.value]);
        expect(blocks(manifest({}))).to.deep.equal([
            ['WindowsFeature', 'WindowsFeature_NET_Framework_Core', ps.str('\\\\fs01\\sxs')],
            ['xWindowsFeature', 'WindowsFeature_Telnet_Client', undefined],
        ]);
        expect(blocks(manifest({ featureSource: 'D:\\sources\\sxs' }))[0]).to.deep.equal(['WindowsFeature', 'WindowsFeature_NET_Framework_Core', ps.str('D:\\sources\\sxs')]);
        const runbook = file(run(manifest({})), 'SRV01/RUNBOOK.md');
        expect(runbook).to.contain('`NET-Framework-Core` is installed from `\\\\fs01\\sxs`');
        const without = file(run({ name: 'lab', nodes: [{ name: 'SRV01', baseline: { windowsFeatures: [{ name: 'NET-Framework-Core' }] } }] }), 'SRV01/RUNBOOK.md');
        expect(without).to.contain('0x800F081F');
    });
});
