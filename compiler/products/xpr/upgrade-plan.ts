/**
 * PLAN.md of a site whose XPR is upgraded (not on a cluster: cluster-upgrade-plan.ts),
 * in the guide's order (Upgrade guide §2.3.6, §2.4.2, §2.8, §2.9, §2.12):
 *
 *   licensing       the licences are on the CLA before anything else (§2.3.6)
 *   Exchange forms  in a mixed organisation, the V7 R1 forms first (§2.4.2)
 *   backup          before-backup steps, every host's Backup, (reinstall) Smart Backup's TAR off the host
 *   kernel          (reinstall) POINT OF NO RETURN: uninstall, then the fresh V7 (Prepare, setup), restore,
 *                   Upgrade; (in place) stop the server, (Repair) the repair, Upgrade; then the post-upgrade
 *                   steps and Operate
 *   satellites      SatPrep, then Repair of only the components already installed (§2.12.2)
 *   restart         the kernel's XPR server, which starts the satellites' services (§2.12.2 step 11)
 */

import { applyStepId, planSlug, type NodePhase, type PlanPhase, type PlanStep } from '../../ir/plan.js';
import type { NodeIR } from '../../ir/types.js';
import type { ResolvedSite } from '../../frontend/resolve.js';
import { install, upgrade } from './data.js';
import { xprHosts, type XprHost } from './model.js';
import { KERNEL_INSTALLED, hostChecks } from './plan.js';
import { HOST_REQUIREMENTS_STEP } from './runbook.js';
import { inPlace } from './upgrade-phases.js';
import { POINT_OF_NO_RETURN, sourceLabel, targetLabel } from './upgrade-runbook.js';
import type { UpgradeRoute } from './upgrade-types.js';

const WAIT = { retryIntervalSec: 60, retryCount: 180 } as const;

type After = readonly (string | undefined)[];

/** Plan steps of one site, with the XPR plan's shapes (plan.ts) and manual steps only where the runbook has them. */
export class UpgradePlan {
    constructor(private readonly nodes: readonly NodeIR[]) {}

    has(host: Pick<XprHost, 'nodeName'>, step: string): boolean {
        return this.node(host.nodeName)?.manualSteps.some((s) => s.id === step) === true;
    }

    /** Whether the node has the configuration (build-plan.ts drops an apply step of one it lacks). */
    hasPhase(host: Pick<XprHost, 'nodeName'>, phase: NodePhase): boolean {
        return (this.node(host.nodeName)?.configurations ?? ['Operate']).includes(phase);
    }

    apply(host: Pick<XprHost, 'nodeName' | 'pointer'>, phase: NodePhase, title: string, after: After, guide: string): PlanStep | undefined {
        if (!this.hasPhase(host, phase)) return undefined;
        return { kind: 'apply', id: applyStepId(host.nodeName, phase), title, node: host.nodeName, phase, after: ids(after), guide, source: { pointer: host.pointer } };
    }

    manual(host: Pick<XprHost, 'nodeName' | 'pointer'>, step: string, title: string, after: After, guide: string, requires?: string): PlanStep | undefined {
        if (!this.has(host, step)) return undefined;
        return { kind: 'manual', id: `${planSlug(host.nodeName)}-${step}`, title, node: host.nodeName, runbookStep: step, after: ids(after), ...(requires ? { requires } : {}), guide, source: { pointer: host.pointer } };
    }

    private node(name: string): NodeIR | undefined {
        return this.nodes.find((n) => n.name.toUpperCase() === name.toUpperCase());
    }
}

function ids(after: After): string[] {
    return [...new Set(after.filter((id): id is string => id !== undefined))];
}

/** The step ids of a list, without the steps left out. */
export function stepsOf(...steps: (PlanStep | undefined)[]): PlanStep[] {
    return steps.filter((s): s is PlanStep => s !== undefined);
}

export const last = (steps: readonly PlanStep[]): string | undefined => steps[steps.length - 1]?.id;

export function planXprUpgrade(resolved: ResolvedSite, nodes: readonly NodeIR[], route: UpgradeRoute): PlanPhase[] {
    const xpr = resolved.site.xpr;
    if (!xpr) return [];
    const hosts = xprHosts(xpr);
    const kernel = hosts[0]!;
    const satellites = hosts.slice(1);
    const plan = new UpgradePlan(nodes);
    const k = { ...kernel, pointer: route.pointer };
    const reinstall = !inPlace(route);
    const manualFor = (host: XprHost, step: string, title: string, after: readonly string[], guide: string): PlanStep =>
        plan.manual(host, step, title, after, guide) ?? { kind: 'manual', id: `${planSlug(host.nodeName)}-${step}`, title, node: host.nodeName, after, guide, source: { pointer: host.pointer } };

    const licences = stepsOf(plan.manual(k, 'xpr-upgrade-licences', 'Licences for V7 ready on the CLA (licensing first)', [], upgrade('§2.3.6')));
    const forms = stepsOf(plan.manual(k, 'xpr-upgrade-exchange-forms', 'Publish the V7 R1 ServerBasedForms on every relevant Exchange server', [last(licences)], upgrade('§2.4.2')));
    const ready = last(forms) ?? last(licences);

    // --- Backup: nothing has changed yet -----------------------------------------------------------------
    const beforeBackup = plan.manual(k, 'xpr-upgrade-before-backup', 'Disk images, routing rules and the list of installed components', [ready], upgrade('§2.3.2'));
    const backups = stepsOf(
        plan.apply(k, 'Backup', `Back up ${kernel.nodeName}: registry, folders, InfoStor export`, [beforeBackup?.id], upgrade('§2.3.2')),
        ...satellites.map((s) => plan.apply(s, 'Backup', `Back up ${s.nodeName}: registry`, [beforeBackup?.id], upgrade('§2.3.2'))),
    );
    const smartBackup = reinstall ? plan.manual(k, 'xpr-upgrade-smart-backup', "Smart Backup with TOV7; copy its TAR off the host", backups.map((s) => s.id), upgrade('§2.9.1')) : undefined;
    const backupDone = smartBackup ? [smartBackup.id] : backups.map((s) => s.id);

    // --- The kernel ---------------------------------------------------------------------------------------
    const kernelSteps: PlanStep[] = [];
    if (reinstall) {
        const uninstall = plan.manual(
            k,
            'xpr-upgrade-uninstall',
            `${POINT_OF_NO_RETURN}: uninstall ${sourceLabel(route)} from ${kernel.nodeName}`,
            backupDone,
            upgrade('§2.1 note 1'),
            `**${POINT_OF_NO_RETURN}.** Every Backup configuration reports \`InDesiredState : True\` and the Smart Backup TAR opens on another computer; after this step only the disk images lead back.`,
        );
        const checks = hostChecks(kernel, manualFor).map((s, i) => (i === 0 ? { ...s, after: ids([uninstall?.id]) } : s));
        const prepare = plan.apply(kernel, 'Prepare', `Prepare ${kernel.nodeName} for the fresh ${targetLabel(route)}`, [`${planSlug(kernel.nodeName)}-${HOST_REQUIREMENTS_STEP.id}`, uninstall?.id], upgrade('§2.9.2'));
        const setup = plan.manual(kernel, 'xpr-setup-start', `Install ${targetLabel(route)} with the old server name and folders`, [prepare?.id], `${upgrade('§2.9.2')}; ${install('§4.3–§4.4')}`);
        const restore = plan.manual(k, 'xpr-upgrade-restore', 'Hotfixes on the new V7, then Smart Restore', [setup?.id], upgrade('§2.9.2, §2.9.3'));
        kernelSteps.push(...stepsOf(uninstall, ...checks, prepare, setup, restore, plan.apply(kernel, 'Upgrade', `Check the restore on ${kernel.nodeName}`, [restore?.id], upgrade('§2.9.3'))));
    } else {
        const stop = plan.manual(k, 'xpr-upgrade-stop-server', 'Stop the XPR server and its clients', backupDone, upgrade('§2.8.1 step 3, §2.8.2 step 2'));
        const repair = plan.manual(k, 'xpr-upgrade-repair', route.method === 'fixReleaseMedium' ? 'Repair from the fix-release medium' : 'Repair with the Component Installer', [stop?.id], upgrade(route.method === 'fixReleaseMedium' ? '§2.3.4' : '§2.8.1'));
        const title = route.method === 'silentRepair' ? `Silent repair of ${kernel.nodeName} to ${targetLabel(route)}` : `Check the repair of ${kernel.nodeName}`;
        kernelSteps.push(...stepsOf(stop, repair, plan.apply(kernel, 'Upgrade', title, [repair?.id ?? stop?.id], upgrade(route.method === 'silentRepair' ? '§2.8.2' : '§2.8.1'))));
    }
    const after = plan.manual(k, 'xpr-upgrade-after', 'After the upgrade: hotfixes and checks', [last(kernelSteps)], upgrade('§2.8.1 steps 54–58'));
    const kernelOperate = plan.apply(kernel, 'Operate', `Apply the XPR steady state on ${kernel.nodeName}`, [after?.id], upgrade('§2.12'));
    kernelSteps.push(...stepsOf(after, kernelOperate));

    const phases: PlanPhase[] = [
        { id: 'xpr-upgrade-licensing', title: 'XPR upgrade: licensing first', guide: upgrade('§2.3.6'), steps: licences },
        { id: 'xpr-upgrade-exchange', title: 'XPR upgrade: Exchange forms of a mixed organisation', guide: upgrade('§2.4.2'), steps: forms },
        { id: 'xpr-upgrade-backup', title: 'XPR upgrade: back up every XPR host', guide: upgrade('§2.3.2'), steps: stepsOf(beforeBackup, ...backups, smartBackup) },
        { id: 'xpr-upgrade-kernel', title: `XPR upgrade: the kernel ${kernel.nodeName}`, guide: upgrade(route.row.section), steps: kernelSteps },
    ];

    phases.push(...satelliteSteps(plan, route, kernel, satellites, kernelOperate?.id, backupDone, KERNEL_INSTALLED));
    return phases.filter((p) => p.steps.length > 0);
}

/**
 * The satellites after the kernel (§2.12.2): a reinstalled one is prepared like a fresh one (host checks,
 * Prepare waiting for the kernel), then SatPrep, the Repair of only its components and its steady state;
 * then the kernel's restart starts their services (§2.12.2 step 11).
 */
export function satelliteSteps(
    plan: UpgradePlan,
    route: UpgradeRoute,
    kernel: Pick<XprHost, 'nodeName' | 'pointer'>,
    satellites: readonly XprHost[],
    kernelOperate: string | undefined,
    backupDone: readonly string[],
    kernelResource: string,
): PlanPhase[] {
    const manualFor = (host: XprHost, step: string, title: string, after: readonly string[], guide: string): PlanStep =>
        plan.manual(host, step, title, after, guide) ?? { kind: 'manual', id: `${planSlug(host.nodeName)}-${step}`, title, node: host.nodeName, after, guide, source: { pointer: host.pointer } };
    const steps = satellites.flatMap((host): PlanStep[] => {
        const slug = planSlug(host.nodeName);
        // A reinstalled satellite is prepared like a fresh one: the Loopback Adapter and the host check first (§2.3.1.1).
        const checks = plan.hasPhase(host, 'Prepare') ? hostChecks(host, manualFor) : [];
        const prepare = plan.apply(host, 'Prepare', `Prepare ${host.nodeName} for the satellite setup`, [last(checks), ...backupDone], upgrade('§2.12.1'));
        const wait: PlanStep | undefined = prepare
            ? {
                  kind: 'wait',
                  id: `wait-${slug}-${planSlug(kernel.nodeName)}`,
                  title: `${host.nodeName}'s Prepare configuration waits until XPR is upgraded on the kernel ${kernel.nodeName}`,
                  node: host.nodeName,
                  phase: 'Prepare',
                  on: { node: kernel.nodeName, resource: kernelResource },
                  ...WAIT,
                  after: ids([kernelOperate]),
                  requires: `The kernel's steady state is applied: SatPrep needs the XPR server on ${kernel.nodeName} running.`,
                  guide: upgrade('§2.12.2 step 1'),
                  source: { pointer: host.pointer },
              }
            : undefined;
        const satPrep = plan.manual(host, 'xpr-satprep', 'Prepare the satellite with SatPrep', [prepare?.id, wait?.id, kernelOperate], upgrade('§2.12.2 steps 2–8'));
        const repair = plan.manual(host, 'xpr-satellite-setup', 'Repair the satellite: only the components installed on it', [satPrep?.id], upgrade('§2.12.2 step 10'));
        return stepsOf(...checks, prepare, wait, satPrep, repair, plan.apply(host, 'Operate', `Apply the XPR steady state on ${host.nodeName}`, [repair?.id], upgrade('§2.12.2')));
    });
    const restart = plan.manual(kernel, 'xpr-restart-for-satellites', "Restart the kernel's XPR server: it starts the satellites' services", satellites.map((s) => applyStepId(s.nodeName, 'Operate')), upgrade('§2.12.2 step 11'));
    return [
        { id: 'xpr-upgrade-satellites', title: 'XPR upgrade: the satellites, after the kernel', guide: upgrade('§2.12.2'), steps },
        ...(satellites.length > 0 ? [{ id: 'xpr-upgrade-restart', title: 'XPR upgrade: restart the kernel', guide: upgrade('§2.12.2 step 11'), steps: stepsOf(restart) }] : []),
    ];
}
