/** PLAN.md at the site root: the roll-out of every node in order (ir/plan.ts), with its Mermaid picture. */

import type { PlanStep, SitePlan } from '../../ir/plan.js';
import type { NodeIR, SiteIR } from '../../ir/types.js';
import { findNode, waitResourceId } from '../../plan/build-plan.js';
import { VERSION } from '../../version.js';
import { configurationViews, mofPath } from '../ps/configurations.js';
import { planNodeAnchor, runbookStepAnchor } from '../runbook.js';
import { render } from '../templates.js';
import { planFlowchart } from './mermaid.js';

/** A plan of a single step (one node, one configuration) says nothing RUNBOOK.md does not. */
export function hasPlan(site: SiteIR): boolean {
    return (site.plan?.phases ?? []).flatMap((p) => p.steps).length > 1;
}

export function emitPlan(site: SiteIR, plan: SitePlan): string {
    const steps = plan.phases.flatMap((p) => p.steps);
    const number = new Map(steps.map((s, i) => [s.id, i + 1]));
    const link = (id: string) => ({ text: `step ${number.get(id) ?? 0}`, target: `#${id}` });
    return render('plan.md.hbs', {
        siteName: site.name,
        version: VERSION,
        manifest: site.manifestName,
        description: site.description ?? '',
        mermaid: planFlowchart(plan),
        phases: plan.phases.map((phase, p) => ({
            number: p + 1,
            title: phase.title,
            guide: phase.guide ?? '',
            steps: phase.steps.map((step) => ({
                number: number.get(step.id) ?? 0,
                anchor: step.id,
                id: step.id,
                ...describe(site, step),
                before: step.after.map(link),
                requires: step.requires ?? '',
                verify: step.verify ?? describe(site, step).runbookVerify ?? '',
                guide: step.guide ?? '',
                source: `${site.manifestName}#${step.source.pointer}`,
            })),
        })),
        // By name: the nodes array has no order of its own (README, "What changes generated output").
        nodes: [...site.nodes].sort((a, b) => (a.fileStem < b.fileStem ? -1 : a.fileStem > b.fileStem ? 1 : 0)).map((node) => ({
            anchor: planNodeAnchor(node.name),
            name: node.name,
            runbookText: `${node.fileStem}/RUNBOOK.md`,
            runbookTarget: `${node.fileStem}/RUNBOOK.md`,
            steps: steps.filter((s) => onNode(s, node)).map((s) => link(s.id)),
        })),
    });
}

function onNode(step: PlanStep, node: NodeIR): boolean {
    const name = step.kind === 'manual' ? step.node : step.node;
    return name !== undefined && name.toUpperCase() === node.name.toUpperCase();
}

interface Described {
    readonly heading: string;
    readonly where: readonly string[];
    readonly action: string;
    readonly command: string;
    readonly runbook: { readonly text: string; readonly target: string } | '';
    readonly defaultVerify: string;
    readonly verifyCommand: string;
    /** The runbook step's own check (Markdown), when the plan step has none. */
    readonly runbookVerify?: string;
}

function describe(site: SiteIR, step: PlanStep): Described {
    const node = step.kind === 'manual' && step.node === undefined ? undefined : findNode(site.nodes, step.node ?? '');
    const none = { command: '', runbook: '' as const, verifyCommand: '' };
    switch (step.kind) {
        case 'apply': {
            const view = configurationViews(node as NodeIR).find((v) => v.phase === step.phase);
            const name = view?.name ?? '';
            return {
                ...none,
                heading: `${step.node}: apply ${name}`,
                where: [step.node],
                action: `${step.title}: compile it with ${node?.fileStem ?? ''}\\build.ps1 (or the site's build.ps1), then, in the node's folder, run`,
                command: `Start-DscConfiguration -Path ${view ? mofPath(view) : '.\\MOF'} -ComputerName ${step.node} -Wait -Verbose`,
                defaultVerify: 'The run ends without error, and',
                verifyCommand: `Test-DscConfiguration -ComputerName ${step.node} -Detailed`,
            };
        }
        case 'wait':
            return {
                ...none,
                heading: `${step.node}: wait for ${step.on.node}`,
                where: [step.node, step.on.node],
                action: `${step.title}. Nothing to do by hand: the configuration's WaitForAll resource ${waitResourceId(step)} asks ${step.on.node}'s LCM every ${step.retryIntervalSec} s, ${step.retryCount} times, before the rest of the configuration runs; it needs WinRM between the nodes (see ${node?.fileStem ?? ''}/RUNBOOK.md).`,
                defaultVerify: `The ${step.node} run's verbose output shows the wait succeeded.`,
            };
        case 'manual': {
            const index = node?.manualSteps.findIndex((s) => s.id === step.runbookStep) ?? -1;
            const runbookStep = node?.manualSteps[index];
            return {
                ...none,
                heading: `${step.system ?? step.node ?? ''}: ${step.title}`,
                where: [...(step.system ? [step.system] : []), ...(step.node ? [step.node] : [])],
                action: `${step.title}.`,
                runbook:
                    node && runbookStep
                        ? { text: `${node.fileStem} RUNBOOK.md step 2.${index + 1}, ${runbookStep.title}`, target: `${node.fileStem}/RUNBOOK.md#${runbookStepAnchor(runbookStep.id)}` }
                        : '',
                defaultVerify: 'As the runbook step says.',
                ...(runbookStep?.verify ? { runbookVerify: runbookStep.verify } : {}),
            };
        }
    }
}
