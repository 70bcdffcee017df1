/**
 * The Mermaid flowchart of PLAN.md: one subgraph per phase, one box per step
 * (numbered as PLAN.md numbers them), an arrow from each step to the steps
 * that wait for it. Arrows between nodes are dotted, so the cross-node order
 * stands out. Generated from the same plan as the text, so the two cannot
 * disagree; spec/unit/plan/mermaid.spec.ts parses it with Mermaid itself.
 */

import type { SitePlan } from '../../ir/plan.js';
import { stepLabel } from '../../plan/check-plan.js';

/**
 * Text inside a quoted Mermaid label. Mermaid reads entity codes (`#quot;`)
 * there; quotes, `#`, angle brackets and line breaks become codes or spaces,
 * so a label cannot end early or start markup.
 */
export function mermaidLabel(text: string): string {
    return text
        .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
        .replace(/[#"<>&`]/g, (ch) => `#${ch.charCodeAt(0)};`);
}

export function planFlowchart(plan: SitePlan): string {
    const numbers = new Map<string, number>();
    const nodeOf = new Map<string, string | undefined>();
    plan.phases.flatMap((p) => p.steps).forEach((step, i) => {
        numbers.set(step.id, i + 1);
        nodeOf.set(step.id, step.kind === 'manual' ? (step.node ?? step.system) : step.node);
    });
    const box = (id: string) => `s${numbers.get(id) ?? 0}`;
    const lines = ['flowchart TD'];
    plan.phases.forEach((phase, p) => {
        lines.push(`    subgraph p${p + 1}["${mermaidLabel(`${p + 1}. ${phase.title}`)}"]`);
        for (const step of phase.steps) {
            const shape = step.kind === 'manual' ? ['[/"', '"/]'] : step.kind === 'wait' ? ['{{"', '"}}'] : ['["', '"]'];
            lines.push(`        ${box(step.id)}${shape[0]}${mermaidLabel(`${numbers.get(step.id)}. ${stepLabel(step)}`)}${shape[1]}`);
        }
        lines.push('    end');
    });
    for (const step of plan.phases.flatMap((p) => p.steps)) {
        for (const id of step.after) {
            const crossNode = (nodeOf.get(id) ?? '').toUpperCase() !== (nodeOf.get(step.id) ?? '').toUpperCase();
            lines.push(`    ${box(id)} ${crossNode ? '-.->' : '-->'} ${box(step.id)}`);
        }
    }
    return lines.join('\n');
}
