/**
 * A node's layers and how their items combine (issue 16).
 *
 * Layers, least specific first: the site's `defaults` (settings, no items),
 * the baselines of the node's roles (site `roles`, in the order of the
 * node's `roles`, each role's profiles in order), the node's named
 * `baselines` in order, and the node's own `baseline`. A profile that a
 * role and the node both name applies once, at its first place.
 *
 * For one identity (`<kind>:<identity>`, frontend/items.ts) a more specific
 * layer wins only when it says so: an item marked `"override": true`
 * replaces the inherited one, and a layer's `knockout` list removes
 * inherited items (named as `dependsOn` names them). An identical
 * definition is merged silently, as before; any other difference is a
 * conflict for the conflict rule (XPR3012 between layers, XPR3010 within
 * one). Every definition is kept in the item's history, which RSOP.md and
 * `xprc explain <NODE> <id>` show. Nothing is reported here.
 */

import type { Baseline, ManualStepItem, Node, Site } from '../manifest/types.generated.js';
import { lookupRef } from './dependencies.js';
import { canonicalJson, differingSettings, layerItems, type Conflict, type ResolvedItem } from './items.js';
import { normaliseGuid } from './defaults.js';
import { joinPointer } from './source.js';

export interface Layer {
    /** `baselines.<profile> (role <role>)`, `baselines.<profile>` or `nodes[<i>].baseline`. */
    readonly name: string;
    readonly kind: 'role' | 'profile' | 'node';
    /** Pointer of the layer's baseline object. */
    readonly pointer: string;
    /** Pointer of the entry that applies the layer (`/nodes/0/roles/1`, `/nodes/0/baselines/0`), or of the node's `baseline`. */
    readonly appliedAt: string;
    readonly baseline: Baseline;
}

/** One definition of an item, in layer order. */
export type HistoryStep =
    /** The first definition, the same settings again (merged), or a replacement through "override". */
    | { readonly action: 'set' | 'same' | 'override'; readonly entry: ResolvedItem }
    /** Removed through a layer's `knockout`. */
    | { readonly action: 'knockout'; readonly layer: string; readonly pointer: string };

export interface ItemHistory {
    readonly ref: string;
    readonly label: string;
    readonly steps: readonly HistoryStep[];
    /** The definition the node gets; absent when the item was knocked out. */
    readonly winner?: ResolvedItem;
}

export interface UnusedMarker {
    readonly layer: string;
    readonly pointer: string;
    /** The item's label (override) or the knockout entry as written. */
    readonly target: string;
}

export interface Layered {
    readonly layers: readonly Layer[];
    readonly items: readonly ResolvedItem[];
    readonly conflicts: readonly Conflict[];
    readonly manualSteps: readonly { readonly step: ManualStepItem; readonly pointer: string }[];
    /** Every identity any layer defined, sorted by label. */
    readonly history: readonly ItemHistory[];
    readonly unusedOverrides: readonly UnusedMarker[];
    readonly unusedKnockouts: readonly UnusedMarker[];
}

export function nodeLayers(site: Site, node: Node, index: number): Layer[] {
    const layers: Layer[] = [];
    const applied = new Set<string>();
    const addProfile = (profile: string, name: string, kind: Layer['kind'], appliedAt: string): void => {
        const baseline = site.baselines?.[profile];
        if (baseline && !applied.has(profile)) {
            applied.add(profile);
            layers.push({ name, kind, pointer: joinPointer('/baselines', profile), appliedAt, baseline });
        }
    };
    (node.roles ?? []).forEach((role, i) => {
        for (const profile of site.roles?.[role]?.baselines ?? []) {
            addProfile(profile, `baselines.${profile} (role ${role})`, 'role', `/nodes/${index}/roles/${i}`);
        }
    });
    (node.baselines ?? []).forEach((profile, i) => addProfile(profile, `baselines.${profile}`, 'profile', `/nodes/${index}/baselines/${i}`));
    if (node.baseline) {
        const pointer = `/nodes/${index}/baseline`;
        layers.push({ name: `nodes[${index}].baseline`, kind: 'node', pointer, appliedAt: pointer, baseline: node.baseline });
    }
    return layers;
}

export function combineLayers(layers: readonly Layer[]): Layered {
    const items: ResolvedItem[] = [];
    const current = new Map<string, ResolvedItem>();
    const histories = new Map<string, { ref: string; label: string; steps: HistoryStep[] }>();
    const conflicts: Conflict[] = [];
    const unusedOverrides: UnusedMarker[] = [];
    const unusedKnockouts: UnusedMarker[] = [];
    const manualSteps: { step: ManualStepItem; pointer: string }[] = [];
    const seenSteps = new Map<string, ManualStepItem>();
    const historyOf = (entry: ResolvedItem) => {
        const found = histories.get(entry.ref) ?? { ref: entry.ref, label: entry.label, steps: [] };
        histories.set(entry.ref, found);
        return found;
    };

    for (const layer of layers) {
        // Knockouts first: a layer may remove an inherited item and define it anew.
        (layer.baseline.knockout ?? []).forEach((target, j) => {
            const pointer = `${layer.pointer}/knockout/${j}`;
            const found = lookupRef(aliases(current), target);
            if (!found || found.layer === layer.name) {
                unusedKnockouts.push({ layer: layer.name, pointer, target });
                return;
            }
            items.splice(items.indexOf(found), 1);
            current.delete(found.ref);
            historyOf(found).steps.push({ action: 'knockout', layer: layer.name, pointer });
        });
        for (const candidate of layerItems(layer.baseline, layer.pointer, layer.name)) {
            const existing = current.get(candidate.ref);
            const overrides = candidate.item.override === true;
            if (!existing) {
                if (overrides) {
                    unusedOverrides.push({ layer: layer.name, pointer: `${candidate.pointer}/override`, target: candidate.label });
                }
                current.set(candidate.ref, candidate);
                items.push(candidate);
                historyOf(candidate).steps.push({ action: 'set', entry: candidate });
                continue;
            }
            const difference = differingSettings(existing, candidate);
            if (existing.layer !== candidate.layer && overrides) {
                items[items.indexOf(existing)] = candidate;
                current.set(candidate.ref, candidate);
                historyOf(candidate).steps.push({ action: 'override', entry: candidate });
            } else if (difference.length > 0) {
                conflicts.push({ first: existing, second: candidate, difference });
            } else {
                historyOf(candidate).steps.push({ action: 'same', entry: candidate });
            }
        }
        (layer.baseline.manualSteps ?? []).forEach((step, i) => {
            const previous = seenSteps.get(step.id);
            if (previous && canonicalJson(previous) === canonicalJson(step)) {
                return; // The same step from two profiles is listed once.
            }
            seenSteps.set(step.id, step);
            manualSteps.push({ step, pointer: `${layer.pointer}/manualSteps/${i}` });
        });
    }

    const history = [...histories.values()]
        .map((h): ItemHistory => {
            const winner = current.get(h.ref);
            return { ...h, ...(winner ? { winner } : {}) };
        })
        .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
    return { layers, items, conflicts, manualSteps, history, unusedOverrides, unusedKnockouts };
}

/** The lookup `dependsOn` uses (frontend/dependencies.ts), over the items a layer inherits. */
function aliases(current: ReadonlyMap<string, ResolvedItem>): Map<string, ResolvedItem> {
    const lookup = new Map(current);
    for (const item of current.values()) {
        if (item.kind === 'package') {
            lookup.set(`PACKAGE:${normaliseGuid(item.item.productId)}`, item);
        }
    }
    return lookup;
}
