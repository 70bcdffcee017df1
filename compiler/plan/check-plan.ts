/**
 * The plan's own check: what products contribute must hold together.
 *
 * A broken reference (a step on a node that does not exist, a runbook step
 * the node's RUNBOOK.md does not have, a step waiting for an unknown step)
 * is a product module's bug: an InternalError. A
 * cycle can come from the manifest, when two products place the same
 * computers in opposite orders: that is a diagnostic with the full path,
 * at the manifest location of the first step on it.
 */

import type { DiagnosticKind } from '../diagnostics/catalog.js';
import { diag, type PendingDiagnostic } from '../diagnostics/diagnostic.js';
import { InternalError } from '../diagnostics/internal-error.js';
import type { PlanStep, SitePlan } from '../ir/plan.js';
import type { NodeIR } from '../ir/types.js';

/** The diagnostics the plan's check reports (it is not a rule: it runs after lowering, on the IR). */
export const PLAN_REPORTS: readonly DiagnosticKind[] = ['PlanCycle'];

export function checkPlan(plan: SitePlan, nodes: readonly NodeIR[]): PendingDiagnostic[] {
    const byId = new Map<string, PlanStep>();
    for (const step of plan.phases.flatMap((phase) => phase.steps)) {
        if (byId.has(step.id)) {
            throw new InternalError(`Plan: two steps with id ${step.id}`);
        }
        byId.set(step.id, step);
    }
    for (const step of byId.values()) {
        checkReferences(step, nodes);
        for (const id of step.after) {
            if (!byId.has(id)) {
                throw new InternalError(`Plan step ${step.id} waits for unknown step ${id}`);
            }
        }
    }
    return findCycles(byId).map((cycle) => {
        const [first, ...rest] = cycle;
        return diag(
            'PlanCycle',
            { cycle: [...cycle, first].map((s) => stepLabel(s as PlanStep)).join(' → ') },
            { pointer: (first as PlanStep).source.pointer },
            rest.map((s) => ({ message: `"${stepLabel(s)}" is on the cycle.`, pointer: s.source.pointer })),
        );
    });
}

/** How a diagnostic names a step: the node (or system) and what is done. */
export function stepLabel(step: PlanStep): string {
    const where = step.kind === 'manual' ? (step.node ?? step.system ?? 'site') : step.node;
    const what = step.kind === 'apply' ? `apply ${step.phase}` : step.kind === 'wait' ? `wait for ${step.on.node} ${step.on.resource}` : step.title;
    return `${where}: ${what}`;
}

function checkReferences(step: PlanStep, nodes: readonly NodeIR[]): void {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(step.id)) {
        throw new InternalError(`Plan step id ${JSON.stringify(step.id)} is not lower-case letters, digits and -`);
    }
    const name = step.kind === 'manual' ? step.node : step.node;
    if (name === undefined) {
        if (step.kind === 'manual' && step.system === undefined) {
            throw new InternalError(`Plan step ${step.id} names neither a node nor a system`);
        }
        return;
    }
    const node = nodes.find((n) => n.name.toUpperCase() === name.toUpperCase());
    if (!node) {
        throw new InternalError(`Plan step ${step.id} is on unknown node ${name}`);
    }
    if (step.kind === 'manual' && step.runbookStep !== undefined && !node.manualSteps.some((s) => s.id === step.runbookStep)) {
        throw new InternalError(`Plan step ${step.id}: RUNBOOK.md of ${node.name} has no step ${step.runbookStep}`);
    }
}

/** Each elementary cycle once, starting at the step that comes first in the plan (depth-first, deterministic). */
function findCycles(byId: ReadonlyMap<string, PlanStep>): PlanStep[][] {
    const order = [...byId.keys()];
    const state = new Map<string, 'open' | 'done'>();
    const stack: PlanStep[] = [];
    const cycles: PlanStep[][] = [];
    const visit = (step: PlanStep): void => {
        state.set(step.id, 'open');
        stack.push(step);
        for (const id of step.after) {
            const next = byId.get(id) as PlanStep;
            if (state.get(id) === 'open') {
                // The path from `next` to here, in roll-out order (each step waits for the one before it).
                cycles.push(stack.slice(stack.indexOf(next)).reverse());
            } else if (state.get(id) === undefined) {
                visit(next);
            }
        }
        stack.pop();
        state.set(step.id, 'done');
    };
    for (const id of order) {
        if (state.get(id) === undefined) {
            visit(byId.get(id) as PlanStep);
        }
    }
    return cycles;
}
