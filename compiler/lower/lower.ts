/**
 * Phase 5, lower: the resolved, checked site → the IR (SiteIR).
 *
 * Lowering only runs when no error was reported, so it may rely on every
 * rule having held; a broken assumption here is an internal error.
 * Resource ids are derived from each item's identity (never from a
 * position or counter) so that inserting an item never renames the others,
 * and resources are sorted by kind then id so that reordering manifest
 * arrays changes no output byte.
 */

import { createHash } from 'node:crypto';
import { dependencyGraph } from '../frontend/dependencies.js';
import type { ResolvedItem, ResolvedNode, ResolvedSite } from '../frontend/resolve.js';
import type { Delivery } from '../manifest/types.generated.js';
import { psIdentifier } from '../emit/ps/quote.js';
import { NODE_PHASES, configurationsOf, phasesOf } from '../ir/plan.js';
import type { CredentialParameter, DeliveryIR, LcmSettings, ManualStep, NodeIR, Resource, ResourceKind, SiteIR } from '../ir/types.js';
import { lowerItem, type Unplaced } from './baseline.js';
import { PRODUCTS } from '../products/index.js';
import { credentialParameter } from '../products/product.js';
import { resourceIdentity, sameSettings } from './identity.js';

/** Emission order of resource kinds: roughly the order a host is built in. */
export const KIND_ORDER: readonly ResourceKind[] = [
    'WaitForCluster',
    'WindowsFeature',
    'GroupMembers',
    'UserRight',
    'UserAccountControl',
    'Directory',
    'File',
    'SmbShare',
    'WebSite',
    'IisSslSettings',
    'WebVirtualDirectory',
    'MsiPackage',
    'ClusterDisk',
    'Script',
    'ClusterPreferredOwner',
    'Registry',
    'EnvironmentPath',
    'Service',
    'FirewallRule',
    'PendingReboot',
    // Waits for other nodes last: the node prepares what it can first; what needs the other node depends on the wait.
    'WaitForAll',
];

export function lower(resolved: ResolvedSite, manifestName: string): SiteIR {
    return {
        name: resolved.site.name,
        ...(resolved.site.domain ? { domain: resolved.site.domain } : {}),
        ...(resolved.site.description ? { description: resolved.site.description } : {}),
        manifestName,
        allowPlainTextCredentials: resolved.site.defaults?.allowPlainTextCredentials === true,
        delivery: lowerDelivery(resolved.site.delivery),
        nodes: resolved.nodes.map((node) => lowerNode(resolved, node)),
    };
}

/** Defaults as the schema documents them: push, modules from PSGallery, ApplyAndMonitor every 30 minutes. */
function lowerDelivery(delivery: Delivery | undefined): DeliveryIR {
    const server = delivery?.pullServer;
    return {
        mode: delivery?.mode ?? 'push',
        moduleRepository: delivery?.moduleRepository ?? 'PSGallery',
        ...(server
            ? {
                  pullServer: {
                      url: server.url,
                      registrationKeyReference: server.registrationKey,
                      kind: server.kind ?? 'webPullServer',
                      configurationMode: server.configurationMode ?? 'ApplyAndMonitor',
                      refreshFrequencyMins: server.refreshFrequencyMins ?? 30,
                      allowUnsecureConnection: /^http:/i.test(server.url),
                  },
              }
            : {}),
        source: { pointer: '/delivery' },
    };
}

function lowerNode(resolved: ResolvedSite, node: ResolvedNode): NodeIR {
    const ids = assignIds(node.items);
    const graph = dependencyGraph(node);
    const resources: Resource[] = node.items.map((entry) => {
        const unplaced: Unplaced = lowerItem(entry, resolved.site.defaults);
        const dependsOn = (graph.edges.get(entry) ?? []).map((target) => idOf(ids, target)).sort();
        return { ...unplaced, id: idOf(ids, entry), dependsOn } as Resource;
    });
    const manualSteps: ManualStep[] = node.manualSteps.map(({ step, pointer }) => ({
        id: step.id,
        title: step.title,
        instructions: step.instructions,
        ...(step.verify ? { verify: step.verify } : {}),
        source: { pointer },
    }));

    // Products add their resources after the baseline; one that the baseline
    // already has with the same settings is kept once (a difference is
    // reported by the collisions check before emitting).
    const productRoles: string[] = [];
    for (const product of PRODUCTS) {
        const output = product.lowerNode(resolved, node);
        if (!output) {
            continue;
        }
        // A product resource merged into an identical one keeps its dependents: they depend on the one kept.
        const keptAs = new Map<string, string>();
        const added: Resource[] = [];
        for (const resource of output.resources) {
            const identity = resourceIdentity(resource);
            const index = resources.findIndex((r) => resourceIdentity(r) === identity && sameSettings(r, resource));
            const same = resources[index];
            if (same) {
                keptAs.set(resource.id, same.id);
                if (resource.kind === 'Registry' && resource.rebootAfterChange && same.kind === 'Registry' && !same.rebootAfterChange) {
                    resources[index] = { ...same, rebootAfterChange: true };
                }
                resources[index] = withPhases(resources[index] ?? same, resource);
            } else {
                added.push(resource);
            }
        }
        resources.push(
            ...added.map((r) =>
                r.dependsOn.some((id) => keptAs.has(id)) ? { ...r, dependsOn: [...new Set(r.dependsOn.map((id) => keptAs.get(id) ?? id))].sort() } : r,
            ),
        );
        manualSteps.push(...output.manualSteps);
        productRoles.push(...(output.roles ?? []));
    }
    const featureSource = node.node.featureSource ?? resolved.site.defaults?.featureSource;
    const placed = resources.map((r) => withPayloadSource(r, featureSource));
    placed.sort(compareResources);

    const credentials: CredentialParameter[] = node.credentials.map((name) => {
        if (!resolved.site.credentials?.[name]) {
            throw new Error(`Internal error: credential "${name}" reached lowering undeclared`);
        }
        return credentialParameter(resolved.site, name, `/credentials/${name}`);
    });

    const n = node.node;
    return {
        name: n.name,
        ...(n.description ? { description: n.description } : {}),
        fileStem: n.name.toUpperCase(),
        os: node.os,
        roles: [...new Set([...(n.roles ?? []), ...productRoles])].sort(),
        addresses: (n.addresses ?? []).map((a) => ({
            address: a.address,
            ...(a.prefixLength !== undefined ? { prefixLength: a.prefixLength } : {}),
            role: a.role ?? 'management',
        })),
        ...(n.certificate ? { certificate: { file: n.certificate.file, thumbprint: n.certificate.thumbprint.toUpperCase() } } : {}),
        lcm: lcmSettings(resolved, node),
        credentials,
        resources: placed,
        manualSteps,
        configurations: configurationsOf(placed),
        source: { pointer: node.pointer },
    };
}

/** The resource kept when `merged` is identical to it belongs to the configurations of both. */
function withPhases(kept: Resource, merged: Resource): Resource {
    const phases = NODE_PHASES.filter((p) => phasesOf(kept).includes(p) || phasesOf(merged).includes(p));
    return phases.length === 1 && phases[0] === 'Operate' ? kept : { ...kept, phases };
}

/**
 * Features whose files Windows removes from the installed image (Features on
 * Demand): installing them needs the medium's `sources\sxs` or Windows
 * Update. NET-Framework-Core is the one the products install (Windows
 * knowledge: Server 2012 and later ship without its payload).
 */
const PAYLOAD_ON_DEMAND: ReadonlySet<string> = new Set(['NET-FRAMEWORK-CORE']);

function withPayloadSource(resource: Resource, source: string | undefined): Resource {
    if (source === undefined || resource.kind !== 'WindowsFeature' || resource.ensure !== 'Present' || !PAYLOAD_ON_DEMAND.has(resource.name.toUpperCase())) {
        return resource;
    }
    return { ...resource, payloadSource: source };
}

/** The node's LCM settings: each of the node's own overrides the site's, the rest are the schema's defaults. */
function lcmSettings(resolved: ResolvedSite, node: ResolvedNode): LcmSettings {
    const site = resolved.site.defaults?.lcm ?? {};
    const own = node.node.lcm ?? {};
    const pick = <K extends keyof typeof own>(key: K) => own[key] ?? site[key];
    return {
        configurationMode: pick('configurationMode') ?? 'ApplyAndMonitor',
        rebootNodeIfNeeded: pick('rebootNodeIfNeeded') ?? true,
        actionAfterReboot: pick('actionAfterReboot') ?? 'ContinueConfiguration',
        refreshMode: pick('refreshMode') ?? 'Push',
        configurationModeFrequencyMins: pick('configurationModeFrequencyMins') ?? 15,
        source: { pointer: node.node.lcm ? `${node.pointer}/lcm` : resolved.site.defaults?.lcm ? '/defaults/lcm' : node.pointer },
    };
}

const PREFIX: Readonly<Record<ResolvedItem['kind'], string>> = {
    feature: 'WindowsFeature',
    registry: 'Registry',
    service: 'Service',
    firewall: 'Firewall',
    folder: 'Folder',
    file: 'File',
    package: 'Package',
};

const HIVE_ABBREVIATION: Readonly<Record<string, string>> = {
    HKEY_LOCAL_MACHINE: 'HKLM',
    HKEY_CURRENT_USER: 'HKCU',
    HKEY_CLASSES_ROOT: 'HKCR',
    HKEY_USERS: 'HKU',
    HKEY_CURRENT_CONFIG: 'HKCC',
};

/** Readable ids from identities; where two identities sanitise to the same id, both get a short hash suffix. */
function assignIds(items: readonly ResolvedItem[]): Map<ResolvedItem, string> {
    const base = new Map<ResolvedItem, string>();
    const count = new Map<string, number>();
    for (const item of items) {
        const id = baseId(item);
        base.set(item, id);
        count.set(id.toUpperCase(), (count.get(id.toUpperCase()) ?? 0) + 1);
    }
    const ids = new Map<ResolvedItem, string>();
    for (const item of items) {
        const id = base.get(item) ?? '';
        const clash = (count.get(id.toUpperCase()) ?? 0) > 1;
        ids.set(item, clash ? `${id}_${createHash('sha256').update(item.ref).digest('hex').slice(0, 8)}` : id);
    }
    return ids;
}

function baseId(item: ResolvedItem): string {
    let identity = item.label.slice(item.label.indexOf(':') + 1);
    if (item.kind === 'registry') {
        const hive = identity.slice(0, identity.indexOf('\\'));
        identity = (HIVE_ABBREVIATION[hive] ?? hive) + identity.slice(hive.length);
        if (identity.endsWith('\\')) {
            identity += 'Default';
        }
    }
    return psIdentifier(`${PREFIX[item.kind]}_${identity}`);
}

function idOf(ids: ReadonlyMap<ResolvedItem, string>, item: ResolvedItem): string {
    const id = ids.get(item);
    if (id === undefined) {
        throw new Error(`Internal error: no id for ${item.label}`);
    }
    return id;
}

/** Emission order: by kind, then by id. */
export function compareResources(a: Resource, b: Resource): number {
    return KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || compare(a.id, b.id);
}

function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
