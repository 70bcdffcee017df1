/**
 * After lowering: two resources of one node that configure the same thing
 * (the same DSC key) with different settings, e.g. a product's registry
 * value that a baseline also sets to something else. Lowering already kept
 * identical duplicates once, so every remaining duplicate is a conflict.
 */

import { diag, at, type PendingDiagnostic } from '../diagnostics/diagnostic.js';
import type { SiteIR } from '../ir/types.js';
import { resourceIdentity, resourceLabel } from '../lower/identity.js';

export function checkCollisions(site: SiteIR): PendingDiagnostic[] {
    const out: PendingDiagnostic[] = [];
    for (const node of site.nodes) {
        const seen = new Map<string, (typeof node.resources)[number]>();
        for (const resource of node.resources) {
            const identity = resourceIdentity(resource);
            const first = seen.get(identity);
            if (!first) {
                seen.set(identity, resource);
                continue;
            }
            const [earlier, later] = first.source.pointer <= resource.source.pointer ? [first, resource] : [resource, first];
            out.push(
                diag(
                    'ConflictingSetting',
                    { node: node.name, item: `"${resourceLabel(resource)}"`, difference: 'defined in two places' },
                    at(later.source.pointer),
                    [{ message: 'The other definition.', pointer: earlier.source.pointer }],
                ),
            );
        }
    }
    return out;
}
