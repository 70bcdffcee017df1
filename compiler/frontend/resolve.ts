/**
 * Phase 3, resolve: the validated manifest → one flat item list per node.
 *
 * A node's items come from layers (frontend/layers.ts): the baselines of
 * its roles, the named baseline profiles it applies (in order), then its
 * own `baseline`; a more specific layer replaces an item only with
 * "override" or removes it with "knockout". Defaults are filled in here,
 * every item keeps the JSON pointer and layer it came from, and an item that
 * appears twice with the same settings is kept once. Items that collide with
 * different settings are recorded as `conflicts` for the conflict rule to
 * report; resolve itself never reports anything, so it stays a pure data step.
 */

import type { Baseline, ManualStepItem, Node, Site } from '../manifest/types.generated.js';
import { joinPointer } from './source.js';
import { DEFAULT_OS } from './defaults.js';
import type { Conflict, ResolvedItem } from './items.js';
import { combineLayers, nodeLayers, type ItemHistory, type Layer, type UnusedMarker } from './layers.js';

export { canonicalJson, normalisePath, registryIdentity } from './items.js';
export type { Conflict, ItemKind, ResolvedItem } from './items.js';

export interface ResolvedNode {
    readonly index: number;
    readonly pointer: string;
    readonly node: Node;
    readonly name: string;
    readonly os: string;
    readonly items: readonly ResolvedItem[];
    readonly manualSteps: readonly { readonly step: ManualStepItem; readonly pointer: string }[];
    readonly conflicts: readonly Conflict[];
    /** The node's layers, least specific first (frontend/layers.ts). */
    readonly layers: readonly Layer[];
    /** Every item any layer defined, with each definition in layer order (RSOP.md, xprc explain). */
    readonly history: readonly ItemHistory[];
    /** Items marked "override" that replace nothing, and knockouts that remove nothing (warnings). */
    readonly unusedOverrides: readonly UnusedMarker[];
    readonly unusedKnockouts: readonly UnusedMarker[];
    /** Credential names the node's items reference, sorted. */
    readonly credentials: readonly string[];
}

export interface ResolvedSite {
    readonly site: Site;
    readonly nodes: readonly ResolvedNode[];
    /** The credential references the product sections make (given to resolve by compile.ts). */
    readonly credentialUses: readonly CredentialUse[];
}

/**
 * A credential reference a product section makes for a node. Declared here,
 * not in products/, because resolve needs it: the front end imports nothing
 * from the products (they import from it), and compile.ts hands resolve the
 * products' references.
 */
export interface CredentialUse {
    /** Node (name as in the manifest) whose configuration takes the credential. */
    readonly node: string;
    /** Credential reference name. */
    readonly name: string;
    /** Pointer of the reference, for diagnostics. */
    readonly pointer: string;
    /**
     * The account is only typed into a vendor's interactive installer by the
     * engineer (the runbook names the reference): the reference is checked
     * and counts as used, but the configuration takes no parameter for it, so
     * build.ps1 does not ask for a password no resource uses.
     */
    readonly runbookOnly?: boolean;
}


export function resolve(site: Site, credentialUses: readonly CredentialUse[] = []): ResolvedSite {
    return { site, nodes: site.nodes.map((node, index) => resolveNode(site, credentialUses, node, index)), credentialUses };
}

function resolveNode(site: Site, credentialUses: readonly CredentialUse[], node: Node, index: number): ResolvedNode {
    const pointer = `/nodes/${index}`;
    const { layers, items, conflicts, manualSteps, history, unusedOverrides, unusedKnockouts } = combineLayers(nodeLayers(site, node, index));
    return {
        index,
        pointer,
        node,
        name: node.name,
        os: node.os ?? site.defaults?.os ?? DEFAULT_OS,
        items,
        manualSteps,
        conflicts,
        layers,
        history,
        unusedOverrides,
        unusedKnockouts,
        credentials: [
            ...new Set([
                ...collectCredentials(items),
                ...credentialUses
                    .filter((use) => use.runbookOnly !== true && use.node.toUpperCase() === node.name.toUpperCase())
                    .map((use) => use.name),
            ]),
        ].sort(),
    };
}

function collectCredentials(items: readonly ResolvedItem[]): string[] {
    const names = new Set<string>();
    for (const entry of items) {
        if (entry.kind === 'service' && typeof entry.item.account === 'object') {
            names.add(entry.item.account.credential);
        }
        if (entry.kind === 'package' && entry.item.credential) {
            names.add(entry.item.credential.credential);
        }
    }
    return [...names].sort();
}

/** Every credential reference in the manifest with its pointer (for the reference rule). */
export function credentialReferences(site: ResolvedSite): { name: string; pointer: string }[] {
    const out: { name: string; pointer: string }[] = [];
    const visit = (baseline: Baseline | undefined, base: string): void => {
        (baseline?.services ?? []).forEach((service, i) => {
            if (typeof service.account === 'object') {
                out.push({ name: service.account.credential, pointer: `${base}/services/${i}/account/credential` });
            }
        });
        (baseline?.packages ?? []).forEach((item, i) => {
            if (item.credential) {
                out.push({ name: item.credential.credential, pointer: `${base}/packages/${i}/credential/credential` });
            }
        });
    };
    for (const [name, baseline] of Object.entries(site.site.baselines ?? {})) {
        visit(baseline, joinPointer('/baselines', name));
    }
    site.site.nodes.forEach((node, i) => visit(node.baseline, `/nodes/${i}/baseline`));
    out.push(...site.credentialUses.map(({ name, pointer }) => ({ name, pointer })));
    return out;
}
