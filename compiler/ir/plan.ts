/**
 * The site plan: the roll-out of a whole site in order (PLAN.md), across
 * nodes and the systems around them. Built after lowering
 * (plan/build-plan.ts) from what the products contribute, then checked
 * (plan/check-plan.ts): every node, runbook step and resource a step names
 * exists, and the order has no cycle.
 *
 * A plan is a list of phases (a product's stage of the roll-out, e.g. "XPR
 * kernel"), each a list of steps. A step waits for the steps in its `after`
 * list, which may be on other nodes; the phases only group them for the
 * reader, in an order the steps' dependencies agree with.
 */

import type { Source } from './types.js';

/**
 * A node's configuration, by when it is applied: `Prepare` before a
 * vendor's interactive installer (what the installer needs), `Operate` after
 * it (the steady state, which keeps being enforced). A node without an
 * installer step has `Operate` only. A node being upgraded (XPR `upgrade`)
 * also has the one-off `Backup` (before anything changes) and `Upgrade`
 * (the repair or restore and the fixes after it, before the steady state).
 */
export type NodePhase = 'Backup' | 'Prepare' | 'Upgrade' | 'Operate';

/** Every configuration, in the order a node applies them. */
export const NODE_PHASES: readonly NodePhase[] = ['Backup', 'Prepare', 'Upgrade', 'Operate'];

interface PlanStepBase {
    /** Unique within the plan; lower-case letters, digits and `-` (an anchor in PLAN.md). */
    readonly id: string;
    /** What to do, one line. */
    readonly title: string;
    /** Ids of the steps that must be done first (any node). */
    readonly after: readonly string[];
    /** What must be true before, beyond the steps in `after` (Markdown, already filled in). */
    readonly requires?: string;
    /** How the engineer checks the step worked (Markdown). */
    readonly verify?: string;
    /** Guide section that orders the step, e.g. 'XPR Upgrade guide §2.12'. */
    readonly guide?: string;
    readonly source: Source;
}

/** Apply (compile with build.ps1, then Start-DscConfiguration) one configuration of a node. */
export interface ApplyPlanStep extends PlanStepBase {
    readonly kind: 'apply';
    /** Node name as in the manifest. */
    readonly node: string;
    readonly phase: NodePhase;
}

/**
 * A step no configuration does. It is written down in a node's RUNBOOK.md
 * (`node` + `runbookStep`, the ManualStep's id) and may be done on another
 * system (`system`: the PBX, the licensing portal, Active Directory).
 */
export interface ManualPlanStep extends PlanStepBase {
    readonly kind: 'manual';
    readonly node?: string;
    readonly runbookStep?: string;
    readonly system?: string;
}

/**
 * A node's configuration waits until a resource of another node's `Operate`
 * configuration is in the desired state: the plan builder turns it into a
 * WaitForAll resource of the waiting node's configuration `phase`.
 */
export interface WaitPlanStep extends PlanStepBase {
    readonly kind: 'wait';
    readonly node: string;
    readonly phase: NodePhase;
    readonly on: { readonly node: string; readonly resource: string };
    readonly retryIntervalSec: number;
    readonly retryCount: number;
}

export type PlanStep = ApplyPlanStep | ManualPlanStep | WaitPlanStep;

export interface PlanPhase {
    /** Unique within the plan, lower-case letters, digits and `-`. */
    readonly id: string;
    readonly title: string;
    readonly guide?: string;
    readonly steps: readonly PlanStep[];
}

export interface SitePlan {
    readonly phases: readonly PlanPhase[];
}

/** The id of the step that applies a node's configuration (the same for every product that asks for it). */
export function applyStepId(node: string, phase: NodePhase): string {
    return `apply-${planSlug(node)}-${phase.toLowerCase()}`;
}

/** Lower-case letters, digits and single `-`: safe as an id, an HTML anchor and a Mermaid node name. */
export function planSlug(text: string): string {
    return text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
}

/** The configurations a resource belongs to (absent = `Operate` only). */
export function phasesOf(resource: { readonly phases?: readonly NodePhase[] }): readonly NodePhase[] {
    return resource.phases ?? ['Operate'];
}

/** A node's configurations, in the order they are applied: `Operate`, and each other one only when a resource asks for it. */
export function configurationsOf(resources: readonly { readonly phases?: readonly NodePhase[] }[]): readonly NodePhase[] {
    return NODE_PHASES.filter((phase) => phase === 'Operate' || resources.some((r) => phasesOf(r).includes(phase)));
}
