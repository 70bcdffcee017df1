/**
 * The roll-out of a clustered XPR across its nodes (PLAN.md), in the order
 * of the Cluster Installation guide §9: the install node completely first
 * (role, client access point and disk, setup with the other nodes paused,
 * then the cluster integration), then each further node, one at a time and
 * completely before the next (§9.8), then the failover test both ways and
 * the reboot (§9.9). Satellites outside the cluster keep the single-server
 * plan (plan.ts): they wait for the install node's XPR installation.
 *
 * Every node's Prepare configuration (prerequisites and the mrsClusRes.dll
 * copy) is applied before the install node's Operate, which registers the
 * resource type: the DLL must be on every node first (§9.2).
 */

import { applyStepId, planSlug, type NodePhase, type PlanPhase, type PlanStep } from '../../ir/plan.js';
import type { NodeIR } from '../../ir/types.js';
import type { ResolvedSite } from '../../frontend/resolve.js';
import { section } from './cluster-data.js';
import { chainEnd } from './cluster-lower.js';
import { clusterNodes, clusterServices, clusterSettings, type ClusterNode } from './cluster-model.js';
import { planXpr } from './plan.js';
import { upgradeRoute } from './upgrade-matrix.js';
import { planXprUpgrade } from './upgrade-plan.js';
import { planXprClusterUpgrade } from './upgrade-cluster.js';
import { HOST_REQUIREMENTS_STEP } from './runbook.js';

/** How long a further node waits for the install node's resources: every minute for twelve hours (setup and integration by hand). */
const WAIT = { retryIntervalSec: 60, retryCount: 720 } as const;

export function planXprCluster(resolved: ResolvedSite, nodes: readonly NodeIR[]): PlanPhase[] {
    const xpr = resolved.site.xpr;
    const cluster = xpr?.cluster;
    if (!xpr || !cluster) {
        return planXpr(resolved, nodes);
    }
    const p = clusterSettings(cluster).part;
    const members = clusterNodes(cluster);
    const first = members[0]!;
    const further = members.slice(1);
    const hasStep = (node: ClusterNode, step: string): boolean =>
        nodes.find((n) => n.name.toUpperCase() === node.name.toUpperCase())?.manualSteps.some((s) => s.id === step) === true;
    const manual = (node: ClusterNode, step: string, title: string, after: readonly string[], guide: string, stepId = `${planSlug(node.name)}-${step}`): PlanStep => ({
        kind: 'manual',
        id: stepId,
        title,
        node: node.name,
        runbookStep: step,
        after,
        guide,
        source: { pointer: node.pointer },
    });
    const apply = (node: ClusterNode, phase: NodePhase, title: string, after: readonly string[], guide: string): PlanStep => ({
        kind: 'apply',
        id: applyStepId(node.name, phase),
        title,
        node: node.name,
        phase,
        after,
        guide,
        source: { pointer: node.pointer },
    });
    const id = (node: ClusterNode, step: string): string => `${planSlug(node.name)}-${step}`;

    // The runbook steps before a node's Prepare, as on a single server: the Loopback Adapter, then the host
    // requirements check that `[xScript]Xpr_HostRequirements` is a gate for (§7.1.2; Upgrade guide §2.3.1.1).
    const hostSteps = (node: ClusterNode): PlanStep[] => {
        const steps: PlanStep[] = [];
        if (hasStep(node, 'xpr-loopback-adapter')) {
            steps.push(manual(node, 'xpr-loopback-adapter', 'Install the Microsoft Loopback Adapter', [], section(p, '§7.1.2')));
        }
        if (hasStep(node, HOST_REQUIREMENTS_STEP.id)) {
            steps.push(manual(node, HOST_REQUIREMENTS_STEP.id, HOST_REQUIREMENTS_STEP.title, steps.map((s) => s.id), section(p, '§7.1.2')));
        }
        return steps;
    };
    /** What a node's Prepare waits for: the last of its host steps. */
    const hostDone = (steps: readonly PlanStep[]): string[] => (steps.length > 0 ? [steps[steps.length - 1]!.id] : []);

    // --- The install node (§7, §8, §9.1–§9.7) -----------------------------------------------------------
    const firstHost = hostSteps(first);
    const installSteps: PlanStep[] = [
        ...firstHost,
        manual(first, 'xpr-cluster-apply-first', 'Prepare the cluster disk and the client access point (the customer\'s cluster exists)', [], section(p, '§7.1.3, §7.3')),
        apply(first, 'Prepare', `Create the role, its client access point and disk on ${first.name}`, [id(first, 'xpr-cluster-apply-first'), ...hostDone(firstHost)], section(p, '§7.2, §7.3')),
        manual(first, 'xpr-cluster-pause-nodes', `Pause ${further.map((n) => n.name).join(', ')} during the setup`, [applyStepId(first.name, 'Prepare')], section(p, '§9.2 step 3')),
        manual(first, 'xpr-cluster-clusterprep', 'Run clusterprep', [id(first, 'xpr-cluster-pause-nodes')], section(p, '§4.3.3 step 1')),
        manual(first, 'xpr-setup-start', `Run XPR setup on ${first.name}, every folder on the cluster disk`, [id(first, 'xpr-cluster-clusterprep')], section(p, '§8')),
        manual(first, 'xpr-cluster-runtimes', `Install the VC++ runtimes and the XPR printer driver on ${first.name}`, [id(first, 'xpr-setup-start')], section(p, '§9.4.1, §9.4.2')),
        apply(
            first,
            'Operate',
            `Integrate XPR into the cluster on ${first.name}: registry, services, resources in Table 17 order`,
            [id(first, 'xpr-cluster-runtimes'), ...further.map((n) => applyStepId(n.name, 'Prepare'))],
            section(p, '§9.2–§9.7'),
        ),
        manual(first, 'xpr-cluster-apply-resources', 'Bring the role and its resources online', [applyStepId(first.name, 'Operate')], section(p, '§9.7')),
        ...((xpr.satellites ?? []).length > 0 && hasStep(first, 'xpr-cluster-satellites')
            ? [manual(first, 'xpr-cluster-satellites', 'Register the satellites in the clustered kernel', [id(first, 'xpr-cluster-apply-resources')], section(p, '§9.10'))]
            : []),
    ];
    const ready = installSteps[installSteps.length - 1]!.id;

    // --- Further nodes, one at a time (§9.8) ------------------------------------------------------------
    const furtherSteps: PlanStep[] = [];
    let previous = ready;
    for (const node of further) {
        const owner = members[node.index - 1]!;
        const nodeHost = hostSteps(node);
        furtherSteps.push(
            ...nodeHost,
            apply(node, 'Prepare', `Prepare ${node.name}: prerequisites, service account rights, mrsClusRes.dll`, hostDone(nodeHost), section(p, '§9.2 step 1, §9.4')),
            manual(node, 'xpr-cluster-runtimes', `Install the VC++ runtimes and the XPR printer driver on ${node.name}`, [applyStepId(node.name, 'Prepare')], section(p, '§9.4.1, §9.4.2')),
            // The install node's runbook describes the hand-over to each further node.
            manual(first, 'xpr-cluster-handover', `Stop the role and move it from ${owner.name} to ${node.name}`, [previous, id(node, 'xpr-cluster-runtimes')], section(p, '§9.8.1'), `handover-to-${planSlug(node.name)}`),
            {
                kind: 'wait',
                id: `wait-${planSlug(node.name)}-${planSlug(first.name)}`,
                title: `${node.name}'s configuration waits until ${first.name} has made every XPR resource`,
                node: node.name,
                phase: 'Operate',
                on: { node: first.name, resource: chainEnd(clusterServices(xpr)) },
                ...WAIT,
                after: [`handover-to-${planSlug(node.name)}`],
                requires: `The role is stopped and owned by ${node.name}.`,
                guide: section(p, '§9.8'),
                source: { pointer: node.pointer },
            },
            apply(node, 'Operate', `Create the XPR services on ${node.name} with ${first.name}'s image paths`, [`wait-${planSlug(node.name)}-${planSlug(first.name)}`], section(p, '§9.8.2')),
            manual(node, 'xpr-cluster-join', `Bring the resources online on ${node.name}, one at a time`, [applyStepId(node.name, 'Operate')], section(p, '§9.8.2, §9.8.3')),
        );
        previous = id(node, 'xpr-cluster-join');
    }
    const last = further[further.length - 1] ?? first;
    const test: PlanStep[] = hasStep(last, 'xpr-cluster-failover-test')
        ? [manual(last, 'xpr-cluster-failover-test', 'Test the failover both ways and reboot', [previous], section(p, '§9.9'))]
        : [];

    const single = planXpr(resolved, nodes).filter((phase) => phase.id !== 'xpr-kernel');
    return [
        { id: 'xpr-cluster-install-node', title: `XPR cluster: the install node ${first.name}`, guide: section(p, '§7–§9.7'), steps: installSteps },
        { id: 'xpr-cluster-further-nodes', title: 'XPR cluster: the further nodes, one at a time', guide: section(p, '§9.8'), steps: [...furtherSteps, ...test] },
        ...single,
    ];
}

/** The plan of the `xpr` section: the cluster's when it has one. */
export function planXprSite(resolved: ResolvedSite, nodes: readonly NodeIR[]): PlanPhase[] {
    const xpr = resolved.site.xpr;
    const route = xpr?.upgrade ? upgradeRoute(resolved.site, xpr) : undefined;
    if (route) {
        return xpr?.cluster ? planXprClusterUpgrade(resolved, nodes, route) : planXprUpgrade(resolved, nodes, route);
    }
    return resolved.site.xpr?.cluster ? planXprCluster(resolved, nodes) : planXpr(resolved, nodes);
}
