import { diag, at, type PendingDiagnostic } from '../diagnostics/diagnostic.js';
import type { Rule } from './rule.js';

export const addresses: Rule = {
    name: 'addresses',
    description: 'No IP address is assigned to two nodes (or twice to one node).',
    reports: ['DuplicateAddress'],
    check(site) {
        const out: PendingDiagnostic[] = [];
        const owners = new Map<string, { node: string; pointer: string }>();
        site.site.nodes.forEach((node, i) => {
            (node.addresses ?? []).forEach((address, j) => {
                const key = address.address.toLowerCase();
                const pointer = `/nodes/${i}/addresses/${j}/address`;
                const owner = owners.get(key);
                if (owner) {
                    out.push(
                        diag('DuplicateAddress', { address: address.address, other: owner.node }, at(pointer), [
                            { message: `First assigned here.`, pointer: owner.pointer },
                        ]),
                    );
                } else {
                    owners.set(key, { node: node.name, pointer });
                }
            });
        });
        return out;
    },
};
