/**
 * The resultant set of policy of one node (issue 16): every item its layers
 * give it, each definition in layer order with its place (file:line:col,
 * relative to the manifest's folder), which one won and what replaced the
 * others. RSOP.md (emit/rsop.ts) and `xprc explain <NODE> <id>`
 * (diff/explain.ts) show the same rows.
 */

import type { ItemHistory } from '../frontend/layers.js';
import { IDENTITY_PROPERTIES, NOT_SETTINGS, type ResolvedItem } from '../frontend/items.js';
import type { Sources } from '../frontend/sources.js';
import { escapeUnsafe } from '../diagnostics/display.js';

export interface ChainRow {
    readonly action: 'set' | 'same' | 'override' | 'knockout';
    readonly layer: string;
    readonly pointer: string;
    /** `layers/roles.json:12:9`. */
    readonly location: string;
    /** The item's settings as `name: value, …` (empty for a knockout). */
    readonly value: string;
    /** The definition the node gets. */
    readonly won: boolean;
    /** For a definition a more specific layer replaced or removed: that layer and place. */
    readonly replacedBy?: { readonly action: 'override' | 'knockout'; readonly layer: string; readonly location: string };
}

/** `names`: relative file names (RSOP.md) or the names diagnostics print (xprc explain). */
export function chainRows(history: ItemHistory, sources: Sources, names: 'relative' | 'name' = 'relative'): ChainRow[] {
    const rows: ChainRow[] = [];
    let live = -1;
    const replace = (action: 'override' | 'knockout', layer: string, location: string): void => {
        const previous = rows[live];
        if (previous) {
            rows[live] = { ...previous, replacedBy: { action, layer, location } };
        }
    };
    for (const step of history.steps) {
        if (step.action === 'knockout') {
            const location = sources.location(step.pointer, names);
            replace('knockout', step.layer, location);
            rows.push({ action: 'knockout', layer: step.layer, pointer: step.pointer, location, value: '', won: false });
            live = -1;
            continue;
        }
        const location = sources.location(step.entry.pointer, names);
        if (step.action === 'override') {
            replace('override', step.entry.layer, location);
        }
        rows.push({ action: step.action, layer: step.entry.layer, pointer: step.entry.pointer, location, value: settingsText(step.entry), won: false });
        if (step.action !== 'same') {
            live = rows.length - 1;
        }
    }
    const winner = rows[live];
    if (winner && history.winner) {
        rows[live] = { ...winner, won: true };
    }
    return rows;
}


/** `startupType: Disabled, state: Stopped`, by property name; `(as the defaults say)` when the item sets nothing but its identity. */
export function settingsText(entry: ResolvedItem): string {
    const record = entry.item as unknown as Record<string, unknown>;
    const skip = new Set([...NOT_SETTINGS, ...IDENTITY_PROPERTIES[entry.kind]]);
    const names = Object.keys(record)
        .filter((name) => !skip.has(name))
        .sort();
    if (names.length === 0) {
        return '(as the defaults say)';
    }
    return names.map((name) => `${name}: ${shorten(valueText(record[name]))}`).join(', ');
}

/** File contents and long lists are cut: the row says where the whole value is. */
const LONGEST = 100;
function shorten(text: string): string {
    // Controls and invisible format characters become visible \u escapes, as in diagnostics.
    const flat = escapeUnsafe(text.replace(/\s+/g, ' ').trim());
    return flat.length <= LONGEST ? flat : `${flat.slice(0, LONGEST - 1)}…`;
}

function valueText(value: unknown): string {
    if (typeof value === 'string') {
        return value;
    }
    if (Array.isArray(value)) {
        return `[${value.map(valueText).join(', ')}]`;
    }
    if (value !== null && typeof value === 'object') {
        return `{ ${Object.entries(value)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([k, v]) => `${k}: ${valueText(v)}`)
            .join(', ')} }`;
    }
    return String(value);
}
