/**
 * A clustered XPR upgraded in place (Upgrade guide §3.1, §3.2; the 64-bit
 * V6 R2 / V7 R0 cluster rows of the matrix): on top of the cluster's own
 * lowering (cluster-lower.ts, as installed), in the guide's order:
 *
 *   install node   Backup: it holds the installation (Cycos AG\Server Installation), licences,
 *                  before-backup steps, the backups of §2.3.2
 *                  runbook: role on this node, clusterprep, resources offline, the license
 *                  service first (LicSvcSetup.exe), then XpressionsInstall\Server\Setup.exe
 *                  Upgrade: the binary at the target build, then the VC runtimes
 *   further nodes  Upgrade: the VC runtimes (§3.2.1 step 15, §3.2.2 step 17)
 *   every node     Operate: the cluster's steady state, once the post-upgrade steps are confirmed
 *
 * The node holding the installation must be the manifest's first cluster node (the install
 * node of the Cluster Installation guide): its Backup configuration checks the registry key.
 */

import type { ResolvedNode, ResolvedSite } from '../../frontend/resolve.js';
import { applyStepId, phasesOf, planSlug, type PlanPhase, type PlanStep } from '../../ir/plan.js';
import type { ManualStep, NodeIR, Resource } from '../../ir/types.js';
import type { ProductNodeOutput } from '../product.js';
import { RUNTIME_INSTALLERS } from './cluster-data.js';
import { chainEnd, RESOURCE_DLL_ID } from './cluster-lower.js';
import { clusterNodeOf, clusterNodes, clusterServices, clusterSettings, type ClusterNode } from './cluster-model.js';
import { INSTALL_MARKER, upgrade } from './data.js';
import { mediaPath, xprHosts } from './model.js';
import { c } from './runbook-context.js';
import { KERNEL_INSTALLED } from './plan.js';
import { backupScripts, Chain, markerOf, retargetInstalled, UPGRADE_IDS, type HostLowering } from './upgrade-phases.js';
import { satelliteSteps, stepsOf, UpgradePlan } from './upgrade-plan.js';
import * as R from './upgrade-runbook.js';
import * as S from './upgrade-scripts.js';
import type { UpgradeRoute } from './upgrade-types.js';

/** The key the node where XPR was installed first has (§3.2.1 step 3, §3.2.2 step 3). */
export const INSTALLATION_KEY = 'HKLM:\\SOFTWARE\\WOW6432Node\\Cycos AG\\Server Installation';

/** Runbook steps of the cluster installation an in-place upgrade keeps. */
const KEPT: readonly string[] = ['xpr-cluster-failover-test', 'xpr-password-policy', 'xpr-service-account-password'];

/** How long a further node waits for the install node's resources: every minute for twelve hours. */
const WAIT = { retryIntervalSec: 60, retryCount: 720 } as const;

type Step = Omit<ManualStep, 'section' | 'source'> & { readonly pointer: string };

function installationNodeStep(first: ClusterNode, role: string, route: UpgradeRoute): Step {
    return {
        id: 'xpr-upgrade-cluster-node',
        title: 'Start on the node that holds the installation',
        instructions: [
            `On each node run ${c(`Test-Path '${INSTALLATION_KEY}'`)}: the node where it is \`True\` is where XPR was installed first, and the upgrade starts there. It must be ${c(first.name)}, the first node of ${c('xpr.cluster.nodes')}; the Backup configuration checks it.`,
            `Move the role there: ${c(`Move-ClusterGroup -Name '${role}' -Node ${first.name}`)}.`,
        ],
        guide: upgrade('§3.2.1 step 3, §3.2.2 step 3'),
        pointer: route.pointer,
    };
}

function prepareStep(ctx: R.UpgradeContext, first: ClusterNode, role: string): Step {
    return {
        id: 'xpr-upgrade-cluster-prepare',
        title: 'clusterprep, the XPR resources offline, the license service first',
        instructions: [
            `Run ${c(mediaPath(ctx.xpr, 'Cluster\\clusterprep.exe'))} on ${c(first.name)} and enter the cluster name.`,
            `Take every XPR resource of ${c(role)} offline and bring only the license service online. Run ${c(mediaPath(ctx.xpr, 'Prerequisites\\LicSvcSetup.exe'))} (the license service is upgraded before the server), bring it online, move the role to the other node and test the license service there, then move it back to ${c(first.name)}.`,
            'Bring every XPR resource online again before the server setup (Windows Server 2008 and later).',
        ],
        guide: upgrade('§3.2.2 steps 4–7'),
        pointer: ctx.route.pointer,
    };
}

const place = (steps: readonly Step[]): ManualStep[] => steps.map(R.withSection);

export function lowerUpgradedClusterNode(resolved: ResolvedSite, node: ResolvedNode, route: UpgradeRoute, lowering: HostLowering): ProductNodeOutput | undefined {
    const xpr = resolved.site.xpr;
    const cluster = xpr?.cluster;
    const me = xpr ? clusterNodeOf(xpr, node.name) : undefined;
    if (!xpr || !cluster || !me) return undefined;
    const base = lowering({ ...resolved, site: { ...resolved.site, xpr: { ...xpr, installed: true } } }, node);
    if (!base) return undefined;
    // The cluster exists: nothing of the installation's preparation runs again, except the resource DLL, which
    // the Upgrade configuration copies from the new medium (§3.2.1.1 step 1).
    const dropped = new Set(base.resources.filter((r) => r.id !== RESOURCE_DLL_ID && phasesOf(r).every((p) => p === 'Prepare')).map((r) => r.id));
    // What the installation prepared and keeps enforcing (the role, its access point and disk) stays in Operate only.
    let resources: Resource[] = base.resources
        .filter((r) => !dropped.has(r.id))
        .map((r) => {
            const { phases, ...rest } = r;
            const kept = r.id === RESOURCE_DLL_ID ? ['Upgrade' as const] : (phases ?? []).filter((p) => p !== 'Prepare');
            return { ...rest, ...(kept.length > 0 && !(kept.length === 1 && kept[0] === 'Operate') ? { phases: kept } : {}), dependsOn: r.dependsOn.filter((id) => !dropped.has(id)) } as Resource;
        });
    const first = clusterNodes(cluster)[0]!;
    const role = clusterSettings(cluster).roleName;
    const host = xprHosts(xpr)[0]!;
    const ctx: R.UpgradeContext = { xpr, host: { ...host, nodeName: me.name }, route, ...(route.backupPath === undefined ? {} : { backupFolder: `${route.backupPath.replace(/\\+$/, '')}\\${me.name}` }) };
    const kept = base.manualSteps.filter((s) => KEPT.includes(s.id));
    const install = me.index === 0;
    const steps = install
        ? [...place([R.routeStep(ctx), installationNodeStep(first, role, route), R.licencesStep(ctx), R.beforeBackupStep(ctx), prepareStep(ctx, first, role), R.repairStep(ctx), R.afterUpgradeStep(ctx)]), ...kept]
        : kept;
    const chain = new Chain(steps, route.pointer, xpr.upgrade?.credentials?.backupShare?.credential);
    if (install) {
        chain.script('Backup', UPGRADE_IDS.installationNode, `${me.name} holds the XPR installation`, S.installationNodeGate({ key: INSTALLATION_KEY, gate: chain.gate('xpr-upgrade-cluster-node') }), upgrade('§3.2.2 step 3'), { gateStep: 'xpr-upgrade-cluster-node' });
        chain.confirmation('Backup', UPGRADE_IDS.licences, 'xpr-upgrade-licences', 'the licences for V7 are not confirmed ready on the CLA', upgrade('§2.3.6'));
        chain.confirmation('Backup', UPGRADE_IDS.beforeBackup, 'xpr-upgrade-before-backup', 'the disk images and the manual backup steps are not confirmed', upgrade('§2.3.2, §3.2.2 step 1'));
        backupScripts(chain, ctx, true);
        const binary = `${xpr.installPath.replace(/\\+$/, '')}\\${INSTALL_MARKER.kernel.binary}`;
        chain.script('Upgrade', UPGRADE_IDS.repaired, `${binary} at the target build after the cluster setup`, S.repairedGate({ step: markerOf(UPGRADE_IDS.repaired), binary, ...(xpr.build === undefined ? {} : { build: xpr.build }), gate: chain.gate('xpr-upgrade-repair') }), upgrade('§3.2.2 steps 8–9'), { gateStep: 'xpr-upgrade-repair' });
    }
    const programs = RUNTIME_INSTALLERS.map((f) => mediaPath(xpr, `Prerequisites\\${f}`));
    chain.script('Upgrade', UPGRADE_IDS.runtimes, `VC runtimes from ${mediaPath(xpr, 'Prerequisites')} installed on ${me.name}`, S.runtimesScript({ step: markerOf(UPGRADE_IDS.runtimes), programs }), upgrade('§3.2.1 step 15, §3.2.2 step 17'));
    if (install) {
        const after = chain.confirmation('Operate', UPGRADE_IDS.afterUpgrade, 'xpr-upgrade-after', 'the post-upgrade hotfixes and checks are not confirmed', R.HOTFIXES[route.row.hotfixSet].guide);
        resources = resources.map((r) => (r.id === 'Xpr_Installed' && r.kind === 'Script' ? { ...retargetInstalled(r, xpr, host, chain.gate('xpr-upgrade-repair')), dependsOn: [...new Set([...r.dependsOn, after])].sort() } : r));
    }
    return { ...base, resources: [...resources, ...chain.resources], manualSteps: steps };
}

export function planXprClusterUpgrade(resolved: ResolvedSite, nodes: readonly NodeIR[], route: UpgradeRoute): PlanPhase[] {
    const xpr = resolved.site.xpr;
    const cluster = xpr?.cluster;
    if (!xpr || !cluster) return [];
    const plan = new UpgradePlan(nodes);
    const members = clusterNodes(cluster);
    const first = { nodeName: members[0]!.name, pointer: route.pointer };
    const further = members.slice(1).map((n) => ({ nodeName: n.name, pointer: n.pointer }));
    const satellites = xprHosts(xpr).slice(1);

    const licences = stepsOf(plan.manual(first, 'xpr-upgrade-licences', 'Licences for V7 ready on the CLA (licensing first)', [], upgrade('§2.3.6')));
    const where = plan.manual(first, 'xpr-upgrade-cluster-node', `Start on the node that holds the installation (${first.nodeName})`, [licences[0]?.id], upgrade('§3.2.2 step 3'));
    const beforeBackup = plan.manual(first, 'xpr-upgrade-before-backup', 'Full backup: disk images, routing rules, installed components', [where?.id], upgrade('§3.2.2 step 1'));
    const backups = stepsOf(
        plan.apply(first, 'Backup', `Back up ${first.nodeName}: it holds the installation; registry, folders, InfoStor export`, [beforeBackup?.id], upgrade('§2.3.2, §3.2.2 step 1')),
        ...satellites.map((s) => plan.apply(s, 'Backup', `Back up ${s.nodeName}: registry`, [beforeBackup?.id], upgrade('§2.3.2'))),
    );
    const prepare = plan.manual(first, 'xpr-upgrade-cluster-prepare', 'clusterprep, resources offline, the license service upgraded first', backups.map((s) => s.id), upgrade('§3.2.2 steps 4–7'));
    const setup = plan.manual(first, 'xpr-upgrade-repair', 'Run XpressionsInstall\\Server\\Setup.exe (never XpressionsInstall\\Setup.exe on a cluster)', [prepare?.id], upgrade('§3.2.2 steps 8–9'));
    const upgradeFirst = plan.apply(first, 'Upgrade', `Check the repair on ${first.nodeName} and install the VC runtimes`, [setup?.id], upgrade('§3.2.2 step 17'));
    const upgradeFurther = further.map((n) => plan.apply(n, 'Upgrade', `Install the VC runtimes on ${n.nodeName}`, [upgradeFirst?.id], upgrade('§3.2.2 step 17')));
    const after = plan.manual(first, 'xpr-upgrade-after', 'After the upgrade: hotfixes and checks', [upgradeFirst?.id, ...upgradeFurther.map((s) => s?.id)], upgrade('§2.8.1 steps 54–58'));
    const operateFirst = plan.apply(first, 'Operate', `Apply the cluster's steady state on ${first.nodeName}`, [after?.id], upgrade('§3.2.2 steps 10–12'));
    const operateFurther = further.flatMap((n): (PlanStep | undefined)[] => {
        const wait: PlanStep = {
            kind: 'wait',
            id: `wait-${planSlug(n.nodeName)}-${planSlug(first.nodeName)}`,
            title: `${n.nodeName}'s configuration waits until ${first.nodeName} has every XPR resource`,
            node: n.nodeName,
            phase: 'Operate',
            on: { node: first.nodeName, resource: chainEnd(clusterServices(xpr)) },
            ...WAIT,
            after: operateFirst ? [operateFirst.id] : [],
            guide: upgrade('§3.2.2 step 12'),
            source: { pointer: n.pointer },
        };
        return [wait, plan.apply(n, 'Operate', `Apply the cluster's steady state on ${n.nodeName}`, [wait.id], upgrade('§3.2.2 step 12'))];
    });
    const last = further[further.length - 1] ?? first;
    const test = plan.manual(last, 'xpr-cluster-failover-test', 'Test the failover both ways', [operateFurther[operateFurther.length - 1]?.id ?? operateFirst?.id], upgrade('§3.2.2 step 12'));
    const phases: PlanPhase[] = [
        { id: 'xpr-upgrade-licensing', title: 'XPR upgrade: licensing first', guide: upgrade('§2.3.6'), steps: licences },
        { id: 'xpr-upgrade-backup', title: 'XPR upgrade: the installation node, and the backups', guide: upgrade('§3.2.2 steps 1–3'), steps: stepsOf(where, beforeBackup, ...backups) },
        { id: 'xpr-upgrade-cluster', title: 'XPR upgrade: the cluster, in place', guide: upgrade(route.row.section), steps: stepsOf(prepare, setup, upgradeFirst, ...upgradeFurther, after, operateFirst, ...operateFurther, test) },
        ...satelliteSteps(plan, route, { nodeName: xpr.kernel.node, pointer: '/xpr/kernel' }, satellites, applyStepId(first.nodeName, 'Operate'), backups.map((s) => s.id), KERNEL_INSTALLED),
    ];
    return phases.filter((p) => p.steps.length > 0);
}
