/**
 * Phase 6, plan: the lowered site → its roll-out across nodes (SiteIR.plan,
 * PLAN.md). A pure function of the IR and the products' site-wide steps.
 *
 *   1. Products with a site-wide order (`Product.planSite`) contribute
 *      phases of steps; the product list's order is the phases' order.
 *   2. Every wait step becomes a WaitForAll resource of the waiting node's
 *      configuration, naming the other node's resource as its LCM does
 *      (`[Type]Id`); the resource must be in the other node's `Operate`
 *      configuration, the one that stays applied.
 *   3. An apply step for a configuration the node does not have (a product
 *      that is already installed has no `Prepare`) is dropped and the steps
 *      after it wait for what it waited for; two products applying the same
 *      configuration share one step.
 *   4. Configurations no product orders are applied in a first phase.
 *   5. check-plan.ts: references hold, and the order has no cycle.
 *   6. A step that waits for one of a later phase (possible where two
 *      products share an apply step) moves to that phase; within a phase,
 *      a step comes after the steps it waits for, otherwise in the order
 *      the products gave.
 */

import type { PendingDiagnostic } from '../diagnostics/diagnostic.js';
import { InternalError } from '../diagnostics/internal-error.js';
import { dscResourceName } from '../dsc/resources/index.js';
import { psIdentifier } from '../emit/ps/quote.js';
import type { ResolvedSite } from '../frontend/resolve.js';
import { applyStepId, configurationsOf, phasesOf, type ApplyPlanStep, type PlanPhase, type PlanStep, type SitePlan, type WaitPlanStep } from '../ir/plan.js';
import type { NodeIR, Resource, SiteIR, WaitForAllResource } from '../ir/types.js';
import { compareResources } from '../lower/lower.js';
import { PRODUCTS } from '../products/index.js';
import type { Product } from '../products/product.js';
import { checkPlan } from './check-plan.js';

export interface PlanOutput {
    /** The IR with the plan and the WaitForAll resources its waits need. */
    readonly ir: SiteIR;
    readonly diagnostics: readonly PendingDiagnostic[];
}

export function buildPlan(resolved: ResolvedSite, ir: SiteIR, products: readonly Product[] = PRODUCTS): PlanOutput {
    const contributed = products.flatMap((product) => [...(product.planSite?.(resolved, ir.nodes) ?? [])]);
    const nodes = withWaits(ir.nodes, contributed);
    const unordered: SitePlan = { phases: withBaselinePhase(nodes, applicable(nodes, contributed)) };
    const diagnostics = checkPlan(unordered, nodes);
    // Without a cycle, every step can be placed no earlier than what it waits for.
    const plan = diagnostics.length === 0 ? ordered(unordered) : unordered;
    return { ir: { ...ir, nodes, plan }, diagnostics };
}

/** The node of a name, as the manifest compares names (case-insensitively). */
export function findNode(nodes: readonly NodeIR[], name: string): NodeIR | undefined {
    return nodes.find((n) => n.name.toUpperCase() === name.toUpperCase());
}

// ---------------------------------------------------------------------------
// Waits → WaitForAll resources
// ---------------------------------------------------------------------------

/** The id of the WaitForAll resource a wait step makes on the waiting node. */
export function waitResourceId(step: Pick<WaitPlanStep, 'on'>): string {
    return psIdentifier(`WaitFor_${step.on.node}_${step.on.resource}`);
}

function withWaits(nodes: readonly NodeIR[], phases: readonly PlanPhase[]): NodeIR[] {
    const waits = phases.flatMap((phase) => phase.steps).filter((step): step is WaitPlanStep => step.kind === 'wait');
    return nodes.map((node) => {
        const mine = waits.filter((w) => w.node.toUpperCase() === node.name.toUpperCase());
        if (mine.length === 0) {
            return node;
        }
        const added = mine.map((wait) => waitResource(nodes, node, wait));
        const resources: Resource[] = [...node.resources, ...added].sort(compareResources);
        return { ...node, resources, configurations: configurationsOf(resources) };
    });
}

function waitResource(nodes: readonly NodeIR[], node: NodeIR, wait: WaitPlanStep): WaitForAllResource {
    const other = findNode(nodes, wait.on.node);
    const target = other?.resources.find((r) => r.id === wait.on.resource);
    if (!other || !target) {
        throw new InternalError(`Plan step ${wait.id}: node ${wait.on.node} has no resource ${wait.on.resource} to wait for`);
    }
    if (!phasesOf(target).includes('Operate')) {
        // The LCM answers for the configuration it holds now; a Prepare-only resource is gone once Operate is applied.
        throw new InternalError(`Plan step ${wait.id}: resource ${wait.on.resource} of ${other.name} is not in its Operate configuration`);
    }
    if (other === node) {
        throw new InternalError(`Plan step ${wait.id}: node ${node.name} waits for itself`);
    }
    return {
        kind: 'WaitForAll',
        id: waitResourceId(wait),
        resourceName: dscResourceName(target),
        nodeName: other.name,
        waitsFor: target.id,
        retryIntervalSec: wait.retryIntervalSec,
        retryCount: wait.retryCount,
        dependsOn: [],
        ...(wait.phase === 'Operate' ? {} : { phases: [wait.phase] }),
        source: wait.source,
        ...(wait.guide ? { guide: wait.guide } : {}),
    };
}

// ---------------------------------------------------------------------------
// Apply steps
// ---------------------------------------------------------------------------

function hasConfiguration(nodes: readonly NodeIR[], step: ApplyPlanStep): boolean {
    const node = findNode(nodes, step.node);
    if (!node) {
        throw new InternalError(`Plan step ${step.id}: no node ${step.node}`);
    }
    return node.resources.length > 0 && (node.configurations ?? ['Operate']).includes(step.phase);
}

/**
 * Drops apply steps of configurations that do not exist (the steps after one
 * wait for what it waited for instead) and merges apply steps two products
 * share into the first, which then waits for what either waited for; except
 * for what itself comes after that step on the same node (a server that is
 * also its own client applies its one configuration once, before the
 * server's later steps). What loops across nodes stays, for the cycle check.
 */
function applicable(nodes: readonly NodeIR[], phases: readonly PlanPhase[]): PlanPhase[] {
    const steps = phases.flatMap((phase) => phase.steps);
    const dropped = new Map<string, readonly string[]>();
    const first = new Map<string, readonly string[]>();
    const extra = new Map<string, Set<string>>();
    for (const step of steps) {
        if (step.kind !== 'apply') {
            continue;
        }
        if (!hasConfiguration(nodes, step)) {
            dropped.set(step.id, step.after);
        } else if (!first.has(step.id)) {
            first.set(step.id, step.after);
        } else {
            const more = extra.get(step.id) ?? new Set<string>();
            step.after.forEach((id) => more.add(id));
            extra.set(step.id, more);
        }
    }
    const rewire = (ids: readonly string[], seen: ReadonlySet<string> = new Set()): string[] =>
        ids.flatMap((id) => {
            const instead = dropped.get(id);
            return instead === undefined ? [id] : seen.has(id) ? [] : rewire(instead, new Set([...seen, id]));
        });
    const byId = new Map(steps.map((step) => [step.id, step]));
    const emitted = new Set<string>();
    return phases
        .map((phase) => ({
            ...phase,
            steps: phase.steps.flatMap((step): PlanStep[] => {
                if (dropped.has(step.id) || (step.kind === 'apply' && emitted.has(step.id))) {
                    return [];
                }
                emitted.add(step.id);
                const own = step.kind === 'apply' ? (first.get(step.id) ?? []) : step.after;
                const more = step.kind === 'apply' ? [...(extra.get(step.id) ?? [])].filter((id) => !afterOnSameNode(byId, id, step)) : [];
                return [{ ...step, after: [...new Set(rewire([...own, ...more]))].filter((id) => id !== step.id) }];
            }),
        }))
        .filter((phase) => phase.steps.length > 0);
}

/** Whether step `id` comes after `apply` through steps of `apply`'s node only. */
function afterOnSameNode(byId: ReadonlyMap<string, PlanStep>, id: string, apply: ApplyPlanStep): boolean {
    const node = apply.node.toUpperCase();
    const seen = new Set<string>();
    const visit = (current: string): boolean => {
        if (current === apply.id) {
            return true;
        }
        const step = byId.get(current);
        if (!step || seen.has(current) || (step.kind === 'manual' ? step.node : step.node)?.toUpperCase() !== node) {
            return false;
        }
        seen.add(current);
        return step.after.some(visit);
    };
    return visit(id);
}

/** The configurations no product's step applies, in a first phase, in node order. */
function withBaselinePhase(nodes: readonly NodeIR[], phases: readonly PlanPhase[]): PlanPhase[] {
    const applied = new Set(phases.flatMap((phase) => phase.steps.map((step) => step.id)));
    // By name, not manifest order: reordering the nodes array changes no output (README).
    const sorted = [...nodes].sort((a, b) => (a.name.toUpperCase() < b.name.toUpperCase() ? -1 : a.name.toUpperCase() > b.name.toUpperCase() ? 1 : 0));
    const steps: ApplyPlanStep[] = sorted.flatMap((node) =>
        node.resources.length === 0
            ? []
            : (node.configurations ?? ['Operate'])
                  .filter((phase) => !applied.has(applyStepId(node.name, phase)))
                  .map(
                      (phase): ApplyPlanStep => ({
                          kind: 'apply',
                          id: applyStepId(node.name, phase),
                          title: `Apply the configuration of ${node.name}`,
                          node: node.name,
                          phase,
                          after: [],
                          source: node.source,
                      }),
                  ),
    );
    return steps.length === 0 ? [...phases] : [{ id: 'nodes', title: 'Nodes that no product orders', steps }, ...phases];
}

// ---------------------------------------------------------------------------
// Order
// ---------------------------------------------------------------------------

function ordered(plan: SitePlan): SitePlan {
    const steps = plan.phases.flatMap((phase) => phase.steps);
    const byId = new Map(steps.map((step) => [step.id, step]));
    const phaseOf = new Map<string, number>();
    plan.phases.forEach((phase, index) => phase.steps.forEach((step) => phaseOf.set(step.id, index)));
    // Acyclic (checked), so at most one pass per step settles every phase.
    for (let pass = 0; pass < steps.length; pass++) {
        let moved = false;
        for (const step of steps) {
            const latest = Math.max(phaseOf.get(step.id) ?? 0, ...step.after.map((id) => phaseOf.get(id) ?? 0));
            if (latest !== phaseOf.get(step.id)) {
                phaseOf.set(step.id, latest);
                moved = true;
            }
        }
        if (!moved) {
            break;
        }
    }
    const placed = new Set<string>();
    const sequence: PlanStep[] = [];
    const place = (step: PlanStep): void => {
        if (placed.has(step.id)) {
            return;
        }
        placed.add(step.id);
        step.after.filter((id) => phaseOf.get(id) === phaseOf.get(step.id)).forEach((id) => place(byId.get(id) as PlanStep));
        sequence.push(step);
    };
    steps.forEach(place);
    return {
        phases: plan.phases
            .map((phase, index) => ({ ...phase, steps: sequence.filter((step) => phaseOf.get(step.id) === index) }))
            .filter((phase) => phase.steps.length > 0),
    };
}
