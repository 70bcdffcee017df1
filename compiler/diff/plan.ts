/**
 * `xprc diff` of the site plan (PLAN.md): steps added, removed, moved to
 * another phase, or changed (what they wait for, what they say). Steps are
 * matched by id, which products derive from the node and the runbook step,
 * never from a position; guide sections and pointers are provenance.
 */

import type { PlanStep, SitePlan } from '../ir/plan.js';
import { stepLabel } from '../plan/check-plan.js';
import { quoted } from './display.js';
import type { Change, PlanStepDiff, ValueChange } from './model.js';

interface Placed {
    readonly step: PlanStep;
    readonly phase: string;
}

function placed(plan: SitePlan | undefined): Map<string, Placed> {
    return new Map((plan?.phases ?? []).flatMap((phase) => phase.steps.map((step) => [step.id, { step, phase: phase.title }] as const)));
}

function fields(p: Placed): [string, string | null][] {
    const s = p.step;
    return [
        ['phase', quoted(p.phase)],
        ['step', quoted(stepLabel(s))],
        ['title', quoted(s.title)],
        ['after', s.after.length === 0 ? null : s.after.map(quoted).join(', ')],
        ['requires', s.requires === undefined ? null : quoted(s.requires)],
        ['verify', s.verify === undefined ? null : quoted(s.verify)],
        ...(s.kind === 'wait' ? ([['retry', `${s.retryCount} × ${s.retryIntervalSec} s`]] as [string, string][]) : []),
    ];
}

export function diffPlans(oldPlan: SitePlan | undefined, newPlan: SitePlan | undefined): PlanStepDiff[] {
    const oldSteps = placed(oldPlan);
    const newSteps = placed(newPlan);
    // The new plan's order, then the removed steps in the old plan's order.
    const ids = [...newSteps.keys(), ...[...oldSteps.keys()].filter((id) => !newSteps.has(id))];
    return ids.flatMap((id): PlanStepDiff[] => {
        const o = oldSteps.get(id);
        const n = newSteps.get(id);
        const values = changed(o ? fields(o) : [], n ? fields(n) : []);
        if (values.length === 0) {
            return [];
        }
        const change: Change = o === undefined ? 'added' : n === undefined ? 'removed' : 'changed';
        const step = (n ?? o) as Placed;
        return [
            {
                change,
                id,
                step: stepLabel(step.step),
                node: step.step.node ?? null,
                oldPhase: o?.phase ?? null,
                newPhase: n?.phase ?? null,
                oldSource: o?.step.source.pointer ?? null,
                newSource: n?.step.source.pointer ?? null,
                fields: values,
            },
        ];
    });
}

function changed(oldValues: readonly [string, string | null][], newValues: readonly [string, string | null][]): ValueChange[] {
    const oldMap = new Map(oldValues);
    const newMap = new Map(newValues);
    const names = [...new Set([...newValues.map(([name]) => name), ...oldValues.map(([name]) => name)])];
    return names.map((name) => ({ name, old: oldMap.get(name) ?? null, new: newMap.get(name) ?? null })).filter((v) => v.old !== v.new);
}
