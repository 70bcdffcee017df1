/**
 * Building a product's part of the site plan (Product.planSite): phases of
 * steps that name nodes and their runbook steps.
 *
 * A manual step is added only when the node's runbook has that step (the
 * product's runbook decides which steps a manifest gets), and a step that
 * waits for one that was left out waits for nothing in its place: the order
 * is written once, for every manifest. A manual step takes its guide section
 * from the runbook step unless the plan gives another.
 */

import { applyStepId, planSlug, type NodePhase, type PlanPhase, type PlanStep } from '../ir/plan.js';
import type { NodeIR } from '../ir/types.js';

type After = readonly (string | undefined)[];

export class PlanSteps {
    private readonly phases: { id: string; title: string; guide?: string; steps: PlanStep[] }[] = [];

    constructor(private readonly nodes: readonly NodeIR[]) {}

    phase(id: string, title: string, guide?: string): this {
        this.phases.push({ id, title, ...(guide ? { guide } : {}), steps: [] });
        return this;
    }

    /** Apply a configuration of a node; returns the step id (build-plan.ts drops it when the node has no such configuration). */
    apply(node: string, phase: NodePhase, after: After, title: string, pointer: string, guide?: string): string {
        const id = applyStepId(node, phase);
        this.add({ kind: 'apply', id, title, node, phase, after: ids(after), ...(guide ? { guide } : {}), source: { pointer } });
        return id;
    }

    /** A runbook step of a node, possibly done on another system; undefined when the node's runbook does not have it. */
    manual(node: string, runbookStep: string, after: After, options: { title?: string; system?: string; guide?: string } = {}): string | undefined {
        const step = this.node(node)?.manualSteps.find((s) => s.id === runbookStep);
        if (!step) {
            return undefined;
        }
        const id = `${planSlug(node)}-${planSlug(runbookStep)}`;
        const guide = options.guide ?? step.guide;
        this.add({
            kind: 'manual',
            id,
            title: options.title ?? step.title,
            node,
            runbookStep,
            ...(options.system ? { system: options.system } : {}),
            after: ids(after),
            ...(guide ? { guide } : {}),
            source: step.source,
        });
        return id;
    }

    list(): PlanPhase[] {
        return this.phases.filter((p) => p.steps.length > 0);
    }

    private add(step: PlanStep): void {
        const phase = this.phases[this.phases.length - 1];
        if (!phase) {
            throw new Error('Internal error: a plan step before its phase');
        }
        phase.steps.push(step);
    }

    private node(name: string): NodeIR | undefined {
        return this.nodes.find((n) => n.name.toUpperCase() === name.toUpperCase());
    }
}

function ids(after: After): string[] {
    return [...new Set(after.filter((id): id is string => id !== undefined))];
}
