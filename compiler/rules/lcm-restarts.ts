/**
 * After lowering: a node whose LCM may not restart it (the manifest turns
 * RebootNodeIfNeeded off) while its configuration asks for restarts. The
 * product runbooks say "the configuration restarts the server"; with this
 * setting the engineer must, so the build says so.
 */

import { at, diag, type PendingDiagnostic } from '../diagnostics/diagnostic.js';
import { restartingResources } from '../ir/restarts.js';
import type { DiagnosticKind } from '../diagnostics/catalog.js';
import type { SiteIR } from '../ir/types.js';

/** What this check reports: it runs on the IR (products' resources included), so it is no Rule. */
export const LCM_RESTARTS_REPORTS: readonly DiagnosticKind[] = ['LcmNoRestart'];

export function checkLcmRestarts(site: SiteIR): PendingDiagnostic[] {
    return site.nodes.flatMap((node) => {
        const restarting = restartingResources(node);
        if (node.lcm.rebootNodeIfNeeded || restarting.length === 0) {
            return [];
        }
        return [diag('LcmNoRestart', { node: node.name, resources: restarting.join(', ') }, at(node.lcm.source.pointer))];
    });
}
