import { diag, at, type PendingDiagnostic } from '../diagnostics/diagnostic.js';
import { DEFAULT_FIREWALL_PROFILES } from '../frontend/defaults.js';
import type { Rule } from './rule.js';
import { parsePortRange } from './firewall-ports.js';

export const conflicts: Rule = {
    name: 'conflicts',
    description:
        'No node gets the same registry value, service, feature, folder, file, package or firewall rule twice with different settings (unless the more specific layer marks it "override"), and no port is both allowed and blocked.',
    reports: ['ConflictingSetting', 'LayerConflict', 'ConflictingPort'],
    check(site) {
        const out: PendingDiagnostic[] = [];
        for (const node of site.nodes) {
            for (const conflict of node.conflicts) {
                const { first, second } = conflict;
                const related = [{ message: `First defined in ${first.layer}.`, pointer: first.pointer }];
                out.push(
                    first.layer === second.layer
                        ? diag('ConflictingSetting', { node: node.name, item: `"${first.label}"`, difference: conflict.difference.join(', ') }, at(second.pointer), related)
                        : // Two layers: the more specific one (second) could win, if it said so (frontend/layers.ts).
                          diag(
                              'LayerConflict',
                              { node: node.name, item: `"${first.label}"`, first: first.layer, second: second.layer, difference: conflict.difference.join(', '), ref: second.label },
                              at(second.pointer),
                              related,
                          ),
                );
            }
            out.push(...portConflicts(node.name, node.items, site.site.defaults?.firewallProfiles ?? DEFAULT_FIREWALL_PROFILES));
        }
        return out;
    },
};

type Items = Parameters<Rule['check']>[0]['nodes'][number]['items'];

/** Allow and Block rules of one node that overlap on direction, protocol, port and profile. */
function portConflicts(nodeName: string, items: Items, defaultProfiles: readonly string[]): PendingDiagnostic[] {
    const rules = items.flatMap((entry) =>
        entry.kind === 'firewall' && (entry.item.ensure ?? 'Present') === 'Present' ? [entry] : [],
    );
    const out: PendingDiagnostic[] = [];
    for (const block of rules.filter((r) => r.item.action === 'Block')) {
        for (const allow of rules.filter((r) => (r.item.action ?? 'Allow') === 'Allow')) {
            const direction = block.item.direction ?? 'Inbound';
            const protocol = block.item.protocol ?? 'TCP';
            if ((allow.item.direction ?? 'Inbound') !== direction || (allow.item.protocol ?? 'TCP') !== protocol) {
                continue;
            }
            const profilesA: readonly string[] = allow.item.profiles ?? defaultProfiles;
            const profilesB: readonly string[] = block.item.profiles ?? defaultProfiles;
            if (!profilesA.some((p) => profilesB.includes(p))) {
                continue;
            }
            const port = firstOverlap(allow.item.localPorts ?? [], block.item.localPorts ?? []);
            if (port !== undefined) {
                out.push(
                    diag(
                        'ConflictingPort',
                        { node: nodeName, direction, protocol, port, allow: allow.item.name, block: block.item.name },
                        at(block.pointer),
                        [{ message: `Rule "${allow.item.name}" allows it.`, pointer: allow.pointer }],
                    ),
                );
            }
        }
    }
    return out;
}

/** 'port N' for the lowest port both lists cover ('every port' when both are empty), or undefined. */
function firstOverlap(a: readonly (number | string)[], b: readonly (number | string)[]): string | undefined {
    if (a.length === 0 && b.length === 0) {
        return 'every port';
    }
    const ranges = (list: readonly (number | string)[]) =>
        list.length === 0 ? [{ low: 1, high: 65535 }] : list.flatMap((p) => parsePortRange(p) ?? []);
    let best: number | undefined;
    for (const x of ranges(a)) {
        for (const y of ranges(b)) {
            const low = Math.max(x.low, y.low);
            if (low <= Math.min(x.high, y.high) && (best === undefined || low < best)) {
                best = low;
            }
        }
    }
    return best === undefined ? undefined : `port ${best}`;
}
