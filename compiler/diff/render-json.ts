/**
 * `xprc diff --format json`: the diff model as it is, wrapped with the
 * schema name and version, the two sides' labels and a summary. The schema
 * is documented in docs/diff.md; fields are only ever added within a
 * version, and key order is fixed by construction.
 */

import type { SiteDiff } from './model.js';
import { hasChanges, summarize } from './model.js';
import type { DiffLabels } from './render-common.js';

export const DIFF_SCHEMA = 'xprc-diff';
export const DIFF_SCHEMA_VERSION = 1;

export function renderDiffJson(diff: SiteDiff, labels: DiffLabels): string {
    const document = {
        schema: DIFF_SCHEMA,
        version: DIFF_SCHEMA_VERSION,
        old: labels.old,
        new: labels.new,
        changed: hasChanges(diff),
        summary: summarize(diff),
        settings: diff.settings,
        nodes: diff.nodes,
        plan: diff.plan,
        // With --node, the nodes shown (the document then covers only them); null for the whole site.
        selectedNodes: diff.selectedNodes,
    };
    return `${JSON.stringify(document, null, 2)}\n`;
}
