/**
 * The execution side of an XPR upgrade (upgrade-phases.ts, upgrade-cluster.ts,
 * upgrade-plan.ts, rules/xpr-phases-backup.ts), through compile(): which
 * configurations each route gives a node and which upgrade Scripts each
 * holds, the gates and what they wait for, the order PLAN.md gives the
 * site, and the diagnostics XPR3165–XPR3167. A site without `xpr.upgrade`
 * gets none of it.
 */

import { expect } from 'chai';
import { compile } from '../../../../compiler/compile.js';
import { findByCode } from '../../../../compiler/diagnostics/catalog.js';
import { XPR_UPGRADE_PHASES } from '../../../../compiler/diagnostics/catalog/xpr-upgrade-phases.js';
import { configurationViews } from '../../../../compiler/emit/ps/configurations.js';
import type { NodeIR, Resource, SiteIR } from '../../../../compiler/ir/types.js';
import { applyStepId } from '../../../../compiler/ir/plan.js';
import { confirmCommand, silentRepairScript } from '../../../../compiler/products/xpr/upgrade-scripts.js';
import { dependencyOrder } from '../../../pwsh/node-runs.js';
import { site, withSatellite, type Json } from './cases.js';
import { clusterSite } from './cluster-cases.js';
import { SAME } from './upgrade-inputs.js';

function build(manifest: Json): { ir?: SiteIR; diagnostics: ReturnType<typeof compile>['diagnostics'] } {
    return compile({ fileName: 'site.json', bytes: Buffer.from(JSON.stringify(manifest, null, 2)) });
}

function node(ir: SiteIR | undefined, name: string): NodeIR {
    const found = ir?.nodes.find((n) => n.name === name);
    if (!found) throw new Error(`no node ${name}`);
    return found;
}

/** Per configuration, the upgrade Scripts it holds, in the order the LCM applies them (DependsOn). */
function upgradeScripts(n: NodeIR): Record<string, string[]> {
    return Object.fromEntries(configurationViews(n).map((v) => [v.phase, dependencyOrder(v.node.resources).filter((r) => r.id.startsWith('XprUpgrade_')).map((r) => r.id)]));
}

const byId = (n: NodeIR, id: string): Resource => {
    const r = n.resources.find((x) => x.id === id);
    if (!r) throw new Error(`no ${id} on ${n.name}`);
    return r;
};

const CLM = { licensing: { claAddress: '10.0.0.5', clmAddress: '10.0.0.6' } };
const SILENT = site({ version: 'V7R1FR1', build: '8.11.0.16072', upgrade: { from: 'V7R0', bitness: 64, method: 'silentRepair', backupPath: 'E:\\Backup' } });
const REPAIR = site({ build: '8.11.0.16072', upgrade: { from: 'V6R2', bitness: 64, backupPath: 'E:\\Backup' } });
const TOV7 = withSatellite({ isdnApl: { boards: [{ model: 'Diva 4BRI-8M PCIe', type: 'BRI' }] } }, { upgrade: { from: 'V6R2', bitness: 32, backupPath: 'E:\\Backup', previous: SAME } });
const CLUSTER = clusterSite({}, { build: '8.11.0.16072', upgrade: { from: 'V6R2', bitness: 64, backupPath: 'E:\\Backup', previous: { serverName: 'XPRLAB', installPath: 'R:\\OpenScape\\XPR' } }, ...CLM, licensing: { claAddress: '10.0.10.5' } });

describe('XPR upgrade phases', () => {
    describe('configurations and upgrade Scripts per route', () => {
        const cases: { name: string; manifest: Json; node: string; expected: Record<string, string[]> }[] = [
            {
                name: 'silent repair in place',
                manifest: SILENT,
                node: 'XPR01',
                expected: {
                    Backup: ['XprUpgrade_LicencesReady', 'XprUpgrade_BeforeBackup', 'XprUpgrade_RegistryExport', 'XprUpgrade_FileCopy', 'XprUpgrade_InfoStorExport'],
                    Upgrade: ['XprUpgrade_ServerStopped', 'XprUpgrade_SilentRepair'],
                    Operate: ['XprUpgrade_AfterUpgrade'],
                },
            },
            {
                name: 'Repair in place (the default from a 64-bit V6 R2)',
                manifest: REPAIR,
                node: 'XPR01',
                expected: {
                    Backup: ['XprUpgrade_LicencesReady', 'XprUpgrade_BeforeBackup', 'XprUpgrade_RegistryExport', 'XprUpgrade_FileCopy', 'XprUpgrade_InfoStorExport'],
                    Upgrade: ['XprUpgrade_ServerStopped', 'XprUpgrade_Repaired'],
                    Operate: ['XprUpgrade_AfterUpgrade'],
                },
            },
            {
                name: 'TOV7 kernel: backup, uninstall gate before the fresh Prepare, restore gate',
                manifest: TOV7,
                node: 'XPR01',
                expected: {
                    Backup: ['XprUpgrade_LicencesReady', 'XprUpgrade_BeforeBackup', 'XprUpgrade_RegistryExport', 'XprUpgrade_FileCopy', 'XprUpgrade_InfoStorExport', 'XprUpgrade_SmartBackup'],
                    Prepare: ['XprUpgrade_Uninstalled'],
                    Upgrade: ['XprUpgrade_Restored'],
                    Operate: ['XprUpgrade_AfterUpgrade'],
                },
            },
            { name: 'TOV7 satellite: its registry backed up, then the fresh satellite flow', manifest: TOV7, node: 'SAT01', expected: { Backup: ['XprUpgrade_RegistryExport'], Prepare: [], Operate: [] } },
            {
                name: 'cluster install node: installation check first, runtimes after the repair',
                manifest: CLUSTER,
                node: 'XPRN1',
                expected: {
                    Backup: ['XprUpgrade_InstallationNode', 'XprUpgrade_LicencesReady', 'XprUpgrade_BeforeBackup', 'XprUpgrade_RegistryExport', 'XprUpgrade_FileCopy', 'XprUpgrade_InfoStorExport'],
                    Upgrade: ['XprUpgrade_Repaired', 'XprUpgrade_Runtimes'],
                    Operate: ['XprUpgrade_AfterUpgrade'],
                },
            },
            { name: 'cluster further node: the runtimes only', manifest: CLUSTER, node: 'XPRN2', expected: { Upgrade: ['XprUpgrade_Runtimes'], Operate: [] } },
        ];
        for (const c of cases) {
            it(`${c.name} (${c.node})`, () => {
                const result = build(c.manifest);
                expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`)).to.deep.equal([]);
                expect(upgradeScripts(node(result.ir, c.node))).to.deep.equal(c.expected);
            });
        }
    });

    it('should chain each configuration: every upgrade Script depends on the one before it', () => {
        const n = node(build(SILENT).ir, 'XPR01');
        expect(byId(n, 'XprUpgrade_RegistryExport').dependsOn).to.deep.equal(['XprUpgrade_BeforeBackup']);
        expect(byId(n, 'XprUpgrade_SilentRepair').dependsOn).to.deep.equal(['XprUpgrade_ServerStopped']);
        expect(byId(n, 'Xpr_Installed').dependsOn).to.include('XprUpgrade_AfterUpgrade');
    });

    it('should name the upgrade step in the installation check of an in-place upgrade', () => {
        const installed = byId(node(build(SILENT).ir, 'XPR01'), 'Xpr_Installed');
        expect(installed.kind === 'Script' && installed.gate).to.deep.equal({ step: 'xpr-upgrade-silent-repair', title: 'Silent repair (the Upgrade configuration)' });
    });

    it('should keep the fresh preparation of a TOV7 host behind the uninstall gate', () => {
        const n = node(build(TOV7).ir, 'XPR01');
        const prepare = configurationViews(n).find((v) => v.phase === 'Prepare')!;
        const roots = prepare.node.resources.filter((r) => r.id !== 'XprUpgrade_Uninstalled' && r.dependsOn.length === 0).map((r) => r.id);
        expect(roots).to.deep.equal([]);
    });

    it('should mark the uninstall as the point of no return in RUNBOOK and PLAN, with its confirmation command', () => {
        const result = build(TOV7);
        const step = node(result.ir, 'XPR01').manualSteps.find((s) => s.id === 'xpr-upgrade-uninstall')!;
        expect(step.title).to.match(/^POINT OF NO RETURN: uninstall XPR 6 R2 \(32-bit\)$/);
        expect(step.instructions.join('\n')).to.contain('**POINT OF NO RETURN.**').and.contain(confirmCommand('Uninstalled'));
        const planStep = result.ir!.plan!.phases.flatMap((p) => p.steps).find((s) => s.id === 'xpr01-xpr-upgrade-uninstall')!;
        expect(planStep.title).to.match(/^POINT OF NO RETURN/);
        expect(planStep.requires).to.contain('POINT OF NO RETURN');
    });

    describe('PLAN.md order', () => {
        const order = (manifest: Json): string[] => build(manifest).ir!.plan!.phases.flatMap((p) => p.steps.map((s) => s.id));
        const cases: { name: string; manifest: Json; before: [string, string][] }[] = [
            {
                name: 'TOV7: licences, backup, Smart Backup, uninstall, fresh Prepare, setup, restore, Upgrade, Operate, satellite',
                manifest: TOV7,
                before: [
                    ['xpr01-xpr-upgrade-licences', 'xpr01-xpr-upgrade-before-backup'],
                    ['apply-xpr01-backup', 'xpr01-xpr-upgrade-smart-backup'],
                    ['apply-sat01-backup', 'xpr01-xpr-upgrade-smart-backup'],
                    ['xpr01-xpr-upgrade-smart-backup', 'xpr01-xpr-upgrade-uninstall'],
                    ['xpr01-xpr-upgrade-uninstall', applyStepId('XPR01', 'Prepare')],
                    ['xpr01-xpr-setup-start', 'xpr01-xpr-upgrade-restore'],
                    ['xpr01-xpr-upgrade-restore', applyStepId('XPR01', 'Upgrade')],
                    [applyStepId('XPR01', 'Upgrade'), applyStepId('XPR01', 'Operate')],
                    [applyStepId('XPR01', 'Operate'), 'sat01-xpr-satprep'],
                    ['sat01-xpr-satprep', 'sat01-xpr-satellite-setup'],
                ],
            },
            {
                name: 'cluster: installation node, backup, license service first, Server setup, Upgrade on every node, Operate',
                manifest: CLUSTER,
                before: [
                    ['xprn1-xpr-upgrade-licences', 'xprn1-xpr-upgrade-cluster-node'],
                    ['xprn1-xpr-upgrade-cluster-node', applyStepId('XPRN1', 'Backup')],
                    [applyStepId('XPRN1', 'Backup'), 'xprn1-xpr-upgrade-cluster-prepare'],
                    ['xprn1-xpr-upgrade-cluster-prepare', 'xprn1-xpr-upgrade-repair'],
                    ['xprn1-xpr-upgrade-repair', applyStepId('XPRN1', 'Upgrade')],
                    [applyStepId('XPRN1', 'Upgrade'), applyStepId('XPRN2', 'Upgrade')],
                    [applyStepId('XPRN2', 'Upgrade'), 'xprn1-xpr-upgrade-after'],
                    [applyStepId('XPRN1', 'Operate'), applyStepId('XPRN2', 'Operate')],
                ],
            },
        ];
        for (const c of cases) {
            it(c.name, () => {
                const ids = order(c.manifest);
                for (const [a, b] of c.before) {
                    expect(ids, `${a} and ${b} in the plan`).to.include.members([a, b]);
                    expect(ids.indexOf(a), `${a} before ${b}`).to.be.lessThan(ids.indexOf(b));
                }
            });
        }

        it('should name the cluster server setup and never the single-server one', () => {
            const result = build(CLUSTER);
            const setup = node(result.ir, 'XPRN1').manualSteps.find((s) => s.id === 'xpr-upgrade-repair')!;
            expect(setup.instructions.join('\n')).to.contain('XpressionsInstall\\Server\\Setup.exe').and.contain('never');
        });
    });

    it('should leave a site without xpr.upgrade without any upgrade resource or configuration', () => {
        const n = node(build(site()).ir, 'XPR01');
        expect(n.resources.filter((r) => r.id.startsWith('XprUpgrade_'))).to.deep.equal([]);
        expect(n.configurations).to.deep.equal(['Prepare', 'Operate']);
    });

    describe('the silent repair Script', () => {
        const table: { name: string; newHlm?: string; args: string }[] = [
            { name: 'from V7 R0', args: "@('--silent-repair')" },
            { name: 'from V6 R2, with the CLM address', newHlm: '10.0.0.6', args: "@('--silent-repair', '--new-hlm:10.0.0.6')" },
        ];
        for (const row of table) {
            it(`${row.name}: runs setup.exe from the installation folder, checks the build before and after`, () => {
                const lines = silentRepairScript({ step: 'SilentRepair', installPath: 'D:\\XPR\\', binary: 'D:\\XPR\\bin\\mrs.exe', build: '8.11.0.16072', ...(row.newHlm ? { newHlm: row.newHlm } : {}) });
                const set = lines.setScript.join('\n');
                expect(set).to.contain(`Start-Process -FilePath 'D:\\XPR\\setup.exe' -ArgumentList ${row.args} -WorkingDirectory 'D:\\XPR' -Wait -PassThru`);
                expect(set.indexOf('return')).to.be.lessThan(set.indexOf('Start-Process'));
                expect(lines.testScript.join('\n')).to.contain("$target = [version]'8.11.0.16072'");
                expect(set).to.not.match(/ExitCode -(eq|ne)/);
            });
        }
    });

    describe('diagnostic XPR3166 (the case table is upgrade-phases-cases.ts)', () => {
        const cases: { name: string; manifest: Json; expected: string[] }[] = [
            { name: 'a clean silent repair reports nothing of it', manifest: SILENT, expected: [] },
            { name: 'a backup folder inside the database folder of a reinstall', manifest: site({ databaseFolder: 'E:\\XprDb', upgrade: { from: 'V6R2', bitness: 32, backupPath: 'E:\\XprDb\\Backup', previous: { ...SAME, databaseFolder: 'E:\\XprDb' } } }), expected: ['XPR3166'] },
            { name: 'a backup folder inside a satellite installation folder', manifest: withSatellite({}, { build: '8.11.0.16072', satellites: [{ node: 'SAT01', installPath: 'E:\\Sat', components: {} }], upgrade: { from: 'V7R0', bitness: 64, backupPath: 'E:\\Sat\\Backup' } }), expected: ['XPR3166'] },
            { name: 'an in-place upgrade without a backup folder is no mistake: the runbook says how to back up', manifest: site({ build: '8.11.0.16072', upgrade: { from: 'V7R0', bitness: 64 } }), expected: [] },
            { name: 'a route the matrix refuses gets only the matrix errors', manifest: site({ upgrade: { from: 'V6R2', bitness: 32, method: 'repair', backupPath: 'D:\\XPR\\B' } }), expected: [] },
        ];
        const mine = new Set<string>(Object.values(XPR_UPGRADE_PHASES).map((e) => e.code));
        for (const c of cases) {
            it(c.name, () => {
                const found = build(c.manifest).diagnostics.filter((d) => mine.has(d.code));
                expect(found.map((d) => d.code)).to.deep.equal(c.expected);
                for (const d of found) expect(findByCode(d.code)?.guide).to.match(/Upgrade guide §2\./);
            });
        }

        it('should tell the engineer to back up by hand when there is no backupPath', () => {
            const step = node(build(site({ build: '8.11.0.16072', upgrade: { from: 'V7R0', bitness: 64 } })).ir, 'XPR01').manualSteps.find((s) => s.id === 'xpr-upgrade-before-backup')!;
            expect(step.instructions.join('\n')).to.contain('no `upgrade.backupPath`').and.contain('infotool fullexport');
        });

        it('should leave a silent repair without xpr.build to the engineer, with a confirmation', () => {
            const n = node(build(site({ version: 'V7R1FR1', upgrade: { from: 'V7R0', bitness: 64, method: 'silentRepair', backupPath: 'E:\\Backup' } })).ir, 'XPR01');
            expect(upgradeScripts(n)['Upgrade']).to.deep.equal(['XprUpgrade_ServerStopped', 'XprUpgrade_Repaired']);
            expect(n.manualSteps.find((s) => s.id === 'xpr-upgrade-silent-repair')!.instructions.join('\n')).to.contain(confirmCommand('Repaired'));
        });
    });
});
