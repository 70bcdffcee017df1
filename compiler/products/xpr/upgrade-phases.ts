/**
 * An XPR host being upgraded (`xpr.upgrade`, route from upgrade-matrix.ts),
 * as configurations and runbook steps. On top of what xprc emits for the
 * target version, in this order (Upgrade guide §2.3.2, §2.8, §2.9, §2.12):
 *
 *   Backup    gates: licences ready, (Exchange forms), before-backup steps ─> registry export ─> file copies
 *             ─> InfoStor export (kernel) ─> (reinstall) gate: Smart Backup's TAR copied off the host
 *   runbook   (reinstall) POINT OF NO RETURN: uninstall
 *   Prepare   (reinstall) the fresh V7 preparation, behind the gate "uninstalled"
 *   runbook   (reinstall) V7 setup, hotfixes, Smart Restore; (in place) stop the server, (repair) the Repair
 *   Upgrade   (in place) gate: XPR services stopped ─> silent repair | gate: the binary at the target build;
 *             (reinstall) gate: restored
 *   Operate   the steady state; its installation check also waits for the post-upgrade steps' gate
 *
 * Every Script's Test reads a completion marker or a fact (upgrade-scripts.ts), so applying a
 * configuration again after it finished changes nothing and after an interruption resumes. An
 * in-place upgrade keeps the installation: the host is lowered as installed (no Prepare), and its
 * runbook keeps only the steps that apply after setup. Satellites follow the kernel (§2.12).
 */

import type { ResolvedNode, ResolvedSite } from '../../frontend/resolve.js';
import { InternalError } from '../../diagnostics/internal-error.js';
import type { NodePhase } from '../../ir/plan.js';
import { phasesOf } from '../../ir/plan.js';
import type { ManualStep, Resource, ScriptResource } from '../../ir/types.js';
import type { Xpr } from '../../manifest/types.generated.js';
import { gateFor } from '../gate.js';
import type { ProductNodeOutput } from '../product.js';
import { INSTALL_MARKER, KERNEL_SERVICES, SATELLITE_SERVICES, upgrade } from './data.js';
import { hostOfNode, type XprHost } from './model.js';
import { installedScript, type ScriptLines } from './scripts.js';
import type { UpgradeRoute } from './upgrade-types.js';
import * as R from './upgrade-runbook.js';
import * as S from './upgrade-scripts.js';

export type HostLowering = (resolved: ResolvedSite, node: ResolvedNode) => ProductNodeOutput | undefined;

/** Folders and files of `<XPR_Install>` the guide has copied before an upgrade (§2.3.2, §2.3.2.2). */
export const BACKUP_ITEMS: readonly string[] = ['Stat', 'Log', 'Folders', 'Userdata', 'res\\maint', 'res\\RepApl', 'res\\WebApl\\ippassistant\\param.xml'];

/** The XPR registry tree of the source system: a 32-bit Windows has no WOW6432Node (§2.3.2, §2.9.1 step 5). */
export function sourceRegistryKey(route: Pick<UpgradeRoute, 'bitness'>): string {
    return route.bitness === 32 ? 'HKLM\\SOFTWARE\\PP-COM' : 'HKLM\\SOFTWARE\\WOW6432Node\\PP-COM';
}

export function inPlace(route: Pick<UpgradeRoute, 'method'>): boolean {
    return route.method !== 'backupReinstallRestore';
}

/** Runbook steps of the target installation an in-place upgrade keeps (what follows setup). */
const KEPT_IN_PLACE: readonly string[] = ['xpr-apply-again', 'xpr-kernel-ready', 'xpr-satprep', 'xpr-satellite-setup', 'xpr-password-policy', 'xpr-restart-for-satellites', 'xpr-service-account-password'];

/** The resource ids of the upgrade (one place, so the plan and the tests name the same ones). */
export const UPGRADE_IDS = {
    licences: 'XprUpgrade_LicencesReady',
    exchangeForms: 'XprUpgrade_ExchangeForms',
    beforeBackup: 'XprUpgrade_BeforeBackup',
    registryExport: 'XprUpgrade_RegistryExport',
    fileCopy: 'XprUpgrade_FileCopy',
    infoStorExport: 'XprUpgrade_InfoStorExport',
    smartBackup: 'XprUpgrade_SmartBackup',
    uninstalled: 'XprUpgrade_Uninstalled',
    serverStopped: 'XprUpgrade_ServerStopped',
    silentRepair: 'XprUpgrade_SilentRepair',
    repaired: 'XprUpgrade_Repaired',
    restored: 'XprUpgrade_Restored',
    installationNode: 'XprUpgrade_InstallationNode',
    runtimes: 'XprUpgrade_Runtimes',
    afterUpgrade: 'XprUpgrade_AfterUpgrade',
} as const;

/** Marker name of a resource: its id without the prefix (`HKLM\SOFTWARE\xprc\Upgrade\RegistryExport`). */
export function markerOf(id: string): string {
    return id.replace(/^XprUpgrade_/, '');
}

/** Whether the site's manifest exchanges with Exchange (the §2.4.2 forms step). */
export function usesExchange(xpr: Xpr): boolean {
    return [xpr.kernel.components, ...(xpr.satellites ?? []).map((s) => s.components)].some((c) => c?.exchangeApl !== undefined || c?.exchangeUmApl !== undefined);
}

export function backupFolderOf(route: Pick<UpgradeRoute, 'backupPath'>, nodeName: string): string | undefined {
    return route.backupPath === undefined ? undefined : `${route.backupPath.replace(/\\+$/, '')}\\${nodeName}`;
}

/** The XPR installation of the source system (`upgrade.previous.installPath`, else the target's). */
export function sourceInstallPath(xpr: Xpr, host: XprHost): string {
    return host.role === 'kernel' ? (xpr.upgrade?.previous?.installPath ?? host.installPath) : host.installPath;
}

/** The backup share's account: every host's backup Scripts write with it (upgrade.credentials.backupShare). */
export function backupCredentialUses(xpr: Xpr): { node: string; name: string; pointer: string }[] {
    const share = xpr.upgrade?.credentials?.backupShare;
    if (!share || xpr.upgrade?.backupPath === undefined) {
        return [];
    }
    return [xpr.kernel.node, ...(xpr.satellites ?? []).map((s) => s.node)].map((node) => ({ node, name: share.credential, pointer: '/xpr/upgrade/credentials/backupShare/credential' }));
}

export function lowerUpgradedHost(resolved: ResolvedSite, node: ResolvedNode, route: UpgradeRoute, lowering: HostLowering): ProductNodeOutput | undefined {
    const xpr = resolved.site.xpr;
    const host = xpr ? hostOfNode(xpr, node.name) : undefined;
    if (!xpr || !host) {
        return undefined;
    }
    // In place, the installation stays: the host is lowered as installed (Operate only, no medium copy or host check).
    const effective = inPlace(route) ? { ...resolved, site: { ...resolved.site, xpr: { ...xpr, installed: true } } } : resolved;
    const base = lowering(effective, node);
    if (!base) {
        return undefined;
    }
    const ctx: R.UpgradeContext = { xpr, host, route, ...(backupFolderOf(route, node.name) === undefined ? {} : { backupFolder: backupFolderOf(route, node.name)! }) };
    const plan = host.role === 'kernel' ? kernelUpgrade(ctx, base) : satelliteUpgrade(ctx, base);
    return { ...base, resources: plan.resources, manualSteps: plan.steps };
}

interface Upgraded {
    readonly resources: Resource[];
    readonly steps: ManualStep[];
}

/** Builds one host's upgrade resources in chain order: each depends on the one before it in its configuration. */
export class Chain {
    readonly resources: Resource[] = [];
    private last = new Map<NodePhase, string>();

    constructor(
        private readonly steps: readonly ManualStep[],
        private readonly pointer: string,
        private readonly credential?: string,
    ) {}

    script(phase: NodePhase, id: string, name: string, lines: ScriptLines, guide: string, extra: { gateStep?: string; credential?: boolean } = {}): string {
        const previous = this.last.get(phase);
        const gate = extra.gateStep === undefined ? undefined : this.gate(extra.gateStep);
        const resource: ScriptResource = {
            kind: 'Script',
            id,
            name,
            ...lines,
            ...(gate ? { gate } : {}),
            ...(extra.credential === true && this.credential !== undefined ? { credential: { credential: this.credential } } : {}),
            dependsOn: previous === undefined ? [] : [previous],
            source: { pointer: this.pointer },
            guide,
            ...(phase === 'Operate' ? {} : { phases: [phase] }),
        };
        this.resources.push(resource);
        this.last.set(phase, id);
        return id;
    }

    /** A gate the engineer confirms with the runbook step's one-line command. */
    confirmation(phase: NodePhase, id: string, stepId: string, fact: string, guide: string): string {
        return this.script(phase, id, `Runbook step "${this.step(stepId).title}" confirmed`, S.confirmationGate(markerOf(id), this.gate(stepId), fact), guide, { gateStep: stepId });
    }

    gate(stepId: string) {
        return gateFor(this.step(stepId));
    }

    private step(id: string): ManualStep {
        const step = this.steps.find((s) => s.id === id);
        if (!step) throw new InternalError(`XPR upgrade: no runbook step ${id} for its gate`);
        return step;
    }
}

export function backupScripts(chain: Chain, ctx: R.UpgradeContext, kernel: boolean): void {
    const { route, host, xpr, backupFolder } = ctx;
    if (backupFolder === undefined) {
        return;
    }
    const installPath = sourceInstallPath(xpr, host);
    const share = { credential: true };
    const key = sourceRegistryKey(route);
    chain.script('Backup', UPGRADE_IDS.registryExport, `XPR registry ${key} exported to ${backupFolder}\\xpr.reg`, S.registryExportScript({ step: markerOf(UPGRADE_IDS.registryExport), key, folder: backupFolder }), upgrade('§2.3.2'), share);
    if (!kernel) {
        return;
    }
    chain.script('Backup', UPGRADE_IDS.fileCopy, `XPR folders and files of ${installPath} copied to ${backupFolder}`, S.fileCopyScript({ step: markerOf(UPGRADE_IDS.fileCopy), installPath, folder: backupFolder, items: BACKUP_ITEMS }), upgrade('§2.3.2, §2.3.2.2'), share);
    chain.script('Backup', UPGRADE_IDS.infoStorExport, `InfoStor exported with infotool fullexport to ${backupFolder}\\fullexport.txt`, S.infoStorExportScript({ step: markerOf(UPGRADE_IDS.infoStorExport), installPath, folder: backupFolder }), upgrade('§2.3.2'), share);
}

function kernelUpgrade(ctx: R.UpgradeContext, base: ProductNodeOutput): Upgraded {
    const { route, xpr, host } = ctx;
    const reinstall = !inPlace(route);
    const installStep = route.method === 'silentRepair' ? R.silentRepairStep(ctx) : R.repairStep(ctx);
    const before = [R.routeStep(ctx), R.licencesStep(ctx), ...(usesExchange(xpr) ? [R.exchangeFormsStep(ctx)] : []), R.beforeBackupStep(ctx)];
    const target = reinstall ? base.manualSteps : base.manualSteps.filter((s) => KEPT_IN_PLACE.includes(s.id));
    // The restore and the post-upgrade steps come before "Apply the configuration again" (Operate waits for them).
    const again = target.findIndex((s) => s.id === 'xpr-apply-again');
    const split = again < 0 ? target.length : again;
    const finish = [...(reinstall ? [R.restoreStep(ctx)] : []), R.afterUpgradeStep(ctx)].map(R.withSection);
    const start = (reinstall ? [...before, R.smartBackupStep(ctx), R.uninstallStep(ctx)] : [...before, R.stopServerStep(ctx), installStep]).map(R.withSection);
    const steps = [...start, ...target.slice(0, split), ...finish, ...target.slice(split)];
    const chain = new Chain(steps, route.pointer, xpr.upgrade?.credentials?.backupShare?.credential);
    chain.confirmation('Backup', UPGRADE_IDS.licences, 'xpr-upgrade-licences', 'the licences for V7 are not confirmed ready on the CLA', upgrade('§2.3.6'));
    if (usesExchange(xpr)) {
        chain.confirmation('Backup', UPGRADE_IDS.exchangeForms, 'xpr-upgrade-exchange-forms', 'the V7 R1 ServerBasedForms are not confirmed published', upgrade('§2.4.2'));
    }
    chain.confirmation('Backup', UPGRADE_IDS.beforeBackup, 'xpr-upgrade-before-backup', 'the disk images and the manual backup steps are not confirmed', upgrade('§2.3.2'));
    backupScripts(chain, ctx, true);
    const binary = `${host.installPath.replace(/\\+$/, '')}\\${INSTALL_MARKER.kernel.binary}`;
    let installed = base.resources;
    if (reinstall) {
        chain.confirmation('Backup', UPGRADE_IDS.smartBackup, 'xpr-upgrade-smart-backup', "Smart Backup's TAR is not confirmed copied off this host", upgrade('§2.9.1'));
        const uninstalled = chain.confirmation('Prepare', UPGRADE_IDS.uninstalled, 'xpr-upgrade-uninstall', `the old XPR is not confirmed uninstalled (${R.POINT_OF_NO_RETURN})`, upgrade('§2.1 note 1'));
        // Nothing of the fresh installation's preparation runs before the engineer confirms the uninstall.
        installed = installed.map((r) => (phasesOf(r).includes('Prepare') && r.dependsOn.length === 0 ? { ...r, dependsOn: [uninstalled] } : r));
        chain.confirmation('Upgrade', UPGRADE_IDS.restored, 'xpr-upgrade-restore', 'the Smart Restore is not confirmed', upgrade('§2.9.3'));
    } else {
        const build = xpr.build;
        const doneLines = route.method === 'silentRepair' && build !== undefined ? S.atBuildLines(binary, build) : S.markerLines(markerOf(route.method === 'silentRepair' ? UPGRADE_IDS.silentRepair : UPGRADE_IDS.repaired));
        chain.script(
            'Upgrade',
            UPGRADE_IDS.serverStopped,
            'XPR services stopped before the repair',
            S.serverStoppedGate({ services: (host.role === 'kernel' ? KERNEL_SERVICES : SATELLITE_SERVICES).map((s) => s.name), done: doneLines, gate: chain.gate('xpr-upgrade-stop-server') }),
            upgrade('§2.8.1 step 3, §2.8.2 step 2'),
            { gateStep: 'xpr-upgrade-stop-server' },
        );
        if (route.method === 'silentRepair' && build !== undefined) {
            chain.script('Upgrade', UPGRADE_IDS.silentRepair, `setup.exe --silent-repair in ${sourceInstallPath(xpr, host)} until ${binary} is at build ${build}`, S.silentRepairScript({ step: markerOf(UPGRADE_IDS.silentRepair), installPath: sourceInstallPath(xpr, host), binary, build, ...(route.newHlm === undefined ? {} : { newHlm: route.newHlm }) }), upgrade('§2.8.2 step 9'));
        } else {
            chain.script('Upgrade', UPGRADE_IDS.repaired, `${binary} at the target build after the repair`, S.repairedGate({ step: markerOf(UPGRADE_IDS.repaired), binary, ...(build === undefined ? {} : { build }), gate: chain.gate(installStep.id) }), upgrade('§2.8.1'), { gateStep: installStep.id });
        }
        // The installation check of the steady state names the upgrade's step instead of the fresh setup's.
        installed = installed.map((r) => (r.id === 'Xpr_Installed' && r.kind === 'Script' ? retargetInstalled(r, xpr, host, chain.gate(installStep.id)) : r));
    }
    const after = chain.confirmation('Operate', UPGRADE_IDS.afterUpgrade, 'xpr-upgrade-after', 'the post-upgrade hotfixes and checks are not confirmed', R.HOTFIXES[route.row.hotfixSet].guide);
    // The upgraded XPR's steady state applies once the post-upgrade steps are confirmed.
    installed = installed.map((r) => (r.id === 'Xpr_Installed' ? { ...r, dependsOn: [...new Set([...r.dependsOn, after])].sort() } : r));
    return { resources: [...installed, ...chain.resources], steps };
}

export function retargetInstalled(r: ScriptResource, xpr: Xpr, host: XprHost, gate: ReturnType<Chain['gate']>): ScriptResource {
    const label = (xpr.version ?? 'V7R1') === 'V7R1FR1' ? 'V7 R1 FR1' : 'V7 R1';
    return { ...r, ...installedScript({ role: host.role, installPath: host.installPath, versionLabel: label, ...(xpr.build ? { build: xpr.build } : {}), gate }), gate };
}

function satelliteUpgrade(ctx: R.UpgradeContext, base: ProductNodeOutput): Upgraded {
    const target = inPlace(ctx.route) ? base.manualSteps.filter((s) => KEPT_IN_PLACE.includes(s.id)) : base.manualSteps;
    const steps = [R.withSection(R.satelliteStep(ctx)), ...target];
    const chain = new Chain(steps, ctx.host.pointer, ctx.xpr.upgrade?.credentials?.backupShare?.credential);
    backupScripts(chain, ctx, false);
    return { resources: [...base.resources, ...chain.resources], steps };
}
