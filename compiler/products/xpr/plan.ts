/**
 * XPR across its hosts: which configuration each resource belongs to, and
 * the roll-out order of the kernel and its satellites (PLAN.md).
 *
 * Phases on a host (ir/plan.ts): XPR setup is an interactive runbook step,
 * so a host first gets `Prepare` (Windows features, start-up values, the
 * service account's rights, the medium copy, the host checks, the reboot
 * setup wants), then the engineer runs setup, then `Operate`. `Operate` keeps
 * enforcing what must stay (features, start-up values, rights, firewall) and
 * adds what only exists after setup (services, PP-COM values, shares); it
 * never depends on the setup medium share, which may be gone later. A
 * manifest with `installed: true` gets `Operate` only.
 *
 * Order (Upgrade guide §2.12, §2.12.2): the kernel is installed first; a
 * satellite's SatPrep needs the kernel's XPR server running (§2.12.2 step 1),
 * so each satellite's Prepare configuration waits for the kernel's
 * installation check (WaitForAll); once every satellite is installed, the
 * kernel's XPR server is restarted and starts the satellites' services
 * (§2.12.2 step 11).
 */

import { applyStepId, planSlug, type NodePhase, type PlanPhase, type PlanStep } from '../../ir/plan.js';
import type { NodeIR, Resource } from '../../ir/types.js';
import type { Xpr } from '../../manifest/types.generated.js';
import type { ResolvedSite } from '../../frontend/resolve.js';
import { install, upgrade } from './data.js';
import { xprHosts, type XprHost } from './model.js';
import { HOST_REQUIREMENTS_STEP } from './runbook.js';

/** One-off preparation for setup: only in Prepare, and left out when XPR is already installed. */
const PREPARE_ONLY: ReadonlySet<string> = new Set(['Xpr_Reboot_BeforeSetup', 'Xpr_SetupMedium', 'Xpr_HostRequirements']);

/** The resource every other node waits for: XPR is installed on the kernel (Operate). */
export const KERNEL_INSTALLED = 'Xpr_Installed';

const BOTH: readonly NodePhase[] = ['Prepare', 'Operate'];

/** What setup needs and must also stay enforced: in both configurations. */
function needsBoth(resource: Resource): boolean {
    return (
        resource.kind === 'WindowsFeature' ||
        resource.kind === 'GroupMembers' ||
        resource.kind === 'UserRight' ||
        resource.kind === 'FirewallRule' ||
        (resource.kind === 'Registry' && resource.rebootAfterChange === true)
    );
}

/** The host's resources with their configurations (everything else stays Operate, the default). */
export function withXprPhases(xpr: Xpr, resources: readonly Resource[]): Resource[] {
    if (xpr.installed === true) {
        const kept = resources.filter((r) => !PREPARE_ONLY.has(r.id));
        const ids = new Set(kept.map((r) => r.id));
        return kept.map((r) => (r.dependsOn.every((id) => ids.has(id)) ? r : { ...r, dependsOn: r.dependsOn.filter((id) => ids.has(id)) }));
    }
    return resources.map((r): Resource => (PREPARE_ONLY.has(r.id) ? { ...r, phases: ['Prepare'] } : needsBoth(r) ? { ...r, phases: BOTH } : r));
}

type Manual = (host: XprHost, step: string, title: string, after: readonly string[], guide: string) => PlanStep;

/**
 * The runbook steps before a host's Prepare: install the Loopback Adapter, then check the host requirements
 * (memory, disks, XPR partition, the adapter), the step `[xScript]Xpr_HostRequirements` is a gate for (§2.3.1.1).
 */
export function hostChecks(host: XprHost, manual: Manual): PlanStep[] {
    const loopback = `${planSlug(host.nodeName)}-xpr-loopback-adapter`;
    return [
        manual(host, 'xpr-loopback-adapter', 'Install the Microsoft Loopback Adapter', [], upgrade('§2.3.1.1')),
        manual(host, HOST_REQUIREMENTS_STEP.id, HOST_REQUIREMENTS_STEP.title, [loopback], `${upgrade('§2.3.1.1')}; ${install('§3.1.2')}`),
    ];
}

/** How long a satellite's Prepare waits for the kernel: every minute for three hours (XPR setup takes a while). */
const WAIT = { retryIntervalSec: 60, retryCount: 180 } as const;

export function planXpr(resolved: ResolvedSite, nodes: readonly NodeIR[]): PlanPhase[] {
    const xpr = resolved.site.xpr;
    if (!xpr) {
        return [];
    }
    const hosts = xprHosts(xpr);
    const kernel = hosts.find((h) => h.role === 'kernel') as XprHost;
    const satellites = hosts.filter((h) => h.role === 'satellite');
    const fresh = xpr.installed !== true;
    const apply = (host: XprHost, phase: NodePhase, after: readonly string[], guide: string): PlanStep => ({
        kind: 'apply',
        id: applyStepId(host.nodeName, phase),
        title: phase === 'Prepare' ? `Prepare ${host.nodeName} for XPR setup` : `Apply the XPR steady state on ${host.nodeName}`,
        node: host.nodeName,
        phase,
        after,
        guide,
        source: { pointer: host.pointer },
    });
    const manual = (host: XprHost, step: string, title: string, after: readonly string[], guide: string): PlanStep => ({
        kind: 'manual',
        id: `${planSlug(host.nodeName)}-${step}`,
        title,
        node: host.nodeName,
        runbookStep: step,
        after,
        guide,
        source: { pointer: host.pointer },
    });
    const hasStep = (host: XprHost, step: string) =>
        nodes.find((n) => n.name.toUpperCase() === host.nodeName.toUpperCase())?.manualSteps.some((s) => s.id === step) === true;

    // Prepare's host check (Xpr_HostRequirements) is a gate on the runbook step "Check the XPR host requirements",
    // which needs the Loopback Adapter only the engineer can install (§2.3.1.1): both steps come first, so a fresh
    // host converges Prepare without an error.
    const beforePrepare = (host: XprHost): PlanStep[] => hostChecks(host, manual);
    const beforePrepareId = (host: XprHost) => [`${planSlug(host.nodeName)}-${HOST_REQUIREMENTS_STEP.id}`];
    const kernelPrepare = applyStepId(kernel.nodeName, 'Prepare');
    const kernelSetup = `${planSlug(kernel.nodeName)}-xpr-setup-start`;
    const kernelOperate = applyStepId(kernel.nodeName, 'Operate');
    const kernelSteps: PlanStep[] = fresh
        ? [
              ...beforePrepare(kernel),
              apply(kernel, 'Prepare', beforePrepareId(kernel), upgrade('§2.3.1.1')),
              manual(kernel, 'xpr-setup-start', 'Run XPR setup on the kernel, through its last dialog and the reboot', [kernelPrepare], install('§4.3–§4.4')),
              apply(kernel, 'Operate', [kernelSetup], install('§4.3–§4.4')),
          ]
        : [apply(kernel, 'Operate', [], upgrade('§2.12'))];
    const phases: PlanPhase[] = [{ id: 'xpr-kernel', title: 'OpenScape Xpressions kernel', guide: upgrade('§2.12: the kernel first'), steps: kernelSteps }];
    if (satellites.length === 0) {
        return phases;
    }

    const satelliteSteps = satellites.flatMap((host): PlanStep[] => {
        const slug = planSlug(host.nodeName);
        if (!fresh) {
            return [apply(host, 'Operate', [kernelOperate], upgrade('§2.12'))];
        }
        const prepare = applyStepId(host.nodeName, 'Prepare');
        const wait = `wait-${slug}-${planSlug(kernel.nodeName)}`;
        return [
            ...beforePrepare(host),
            apply(host, 'Prepare', beforePrepareId(host), upgrade('§2.12.1, §2.3.1.1')),
            {
                kind: 'wait',
                id: wait,
                title: `${host.nodeName}'s Prepare configuration waits until XPR is installed on the kernel ${kernel.nodeName}`,
                node: host.nodeName,
                phase: 'Prepare',
                on: { node: kernel.nodeName, resource: KERNEL_INSTALLED },
                ...WAIT,
                after: [kernelOperate],
                requires: `The kernel's steady state is applied: SatPrep needs the XPR server on ${kernel.nodeName} running.`,
                guide: upgrade('§2.12.2 step 1'),
                source: { pointer: host.pointer },
            },
            manual(host, 'xpr-satprep', 'Prepare the satellite with SatPrep', [prepare, wait], upgrade('§2.12.2 steps 2–8')),
            manual(host, 'xpr-satellite-setup', "Install the satellite's components with XPR setup", [`${slug}-xpr-satprep`], upgrade('§2.12.2 step 10')),
            apply(host, 'Operate', [`${slug}-xpr-satellite-setup`], upgrade('§2.12.2')),
        ];
    });
    phases.push({ id: 'xpr-satellites', title: 'OpenScape Xpressions satellites', guide: upgrade('§2.12.2'), steps: satelliteSteps });
    if (fresh && hasStep(kernel, 'xpr-restart-for-satellites')) {
        phases.push({
            id: 'xpr-start',
            title: 'Start the distributed XPR system',
            guide: upgrade('§2.12.2 step 11'),
            steps: [
                manual(
                    kernel,
                    'xpr-restart-for-satellites',
                    "Restart the kernel's XPR server: it starts the satellites' services",
                    satellites.map((s) => applyStepId(s.nodeName, 'Operate')),
                    upgrade('§2.12.2 step 11'),
                ),
            ],
        });
    }
    return phases;
}
