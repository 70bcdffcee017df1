import { diag, at, type PendingDiagnostic } from '../diagnostics/diagnostic.js';
import type { Rule } from './rule.js';

export const manualSteps: Rule = {
    name: 'manual-steps',
    description: 'Manual step ids are unique per node (the same step from two profiles counts once).',
    reports: ['DuplicateManualStep'],
    check(site) {
        const out: PendingDiagnostic[] = [];
        for (const node of site.nodes) {
            const seen = new Set<string>();
            for (const { step, pointer } of node.manualSteps) {
                if (seen.has(step.id)) {
                    out.push(diag('DuplicateManualStep', { node: node.name, id: step.id }, at(`${pointer}/id`)));
                }
                seen.add(step.id);
            }
        }
        return out;
    },
};
