/** A semantic rule: a named check over the resolved site, reporting coded diagnostics. */

import type { DiagnosticKind } from '../diagnostics/catalog.js';
import type { PendingDiagnostic } from '../diagnostics/diagnostic.js';
import type { Baseline } from '../manifest/types.generated.js';
import type { ResolvedSite } from '../frontend/resolve.js';
import { joinPointer } from '../frontend/source.js';

export interface Rule {
    /** Kebab-case rule name, e.g. 'node-names'. */
    readonly name: string;
    /** The rule as one sentence; it documents itself. */
    readonly description: string;
    /** The diagnostics the rule can report. */
    readonly reports: readonly DiagnosticKind[];
    readonly check: (site: ResolvedSite) => readonly PendingDiagnostic[];
}

/** Every baseline in the manifest (named profiles and node baselines), whether or not a node applies it. */
export function* allBaselines(site: ResolvedSite): Generator<{ baseline: Baseline; pointer: string }> {
    for (const name of Object.keys(site.site.baselines ?? {}).sort()) {
        const baseline = site.site.baselines?.[name];
        if (baseline) {
            yield { baseline, pointer: joinPointer('/baselines', name) };
        }
    }
    for (const [i, node] of site.site.nodes.entries()) {
        if (node.baseline) {
            yield { baseline: node.baseline, pointer: `/nodes/${i}/baseline` };
        }
    }
}
