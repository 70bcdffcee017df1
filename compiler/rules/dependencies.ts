import { diag, at, type PendingDiagnostic } from '../diagnostics/diagnostic.js';
import { dependencyGraph, findCycles } from '../frontend/dependencies.js';
import type { Rule } from './rule.js';

export const dependencies: Rule = {
    name: 'dependencies',
    description: 'Every dependsOn entry names an item of the same node, and no items depend on each other in a cycle.',
    reports: ['UnknownDependency', 'DependencyCycle'],
    check(site) {
        const out: PendingDiagnostic[] = [];
        for (const node of site.nodes) {
            const graph = dependencyGraph(node);
            for (const unknown of graph.unknown) {
                out.push(diag('UnknownDependency', { node: node.name, target: unknown.target }, at(unknown.pointer)));
            }
            for (const cycle of findCycles(graph, node.items)) {
                const path = [...cycle, cycle[0]].map((item) => `"${item?.label}"`).join(' → ');
                const first = cycle[0];
                if (first) {
                    out.push(
                        diag(
                            'DependencyCycle',
                            { node: node.name, cycle: path },
                            at(`${first.pointer}/dependsOn`),
                            cycle.slice(1).map((item) => ({ message: `"${item.label}" is on the cycle.`, pointer: item.pointer })),
                        ),
                    );
                }
            }
        }
        return out;
    },
};
