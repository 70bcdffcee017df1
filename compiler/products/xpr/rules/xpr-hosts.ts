import { at, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import { suggest } from '../../../frontend/validate.js';
import type { Rule } from '../../../rules/rule.js';
import { siteNode, xprHosts } from '../model.js';

/** Which nodes the kernel and the satellites are (Upgrade guide §2.12). */
export const xprHostsRule: Rule = {
    name: 'xpr-hosts',
    description: 'The XPR kernel and every satellite are nodes of the site, each node is at most one of them, and a satellite runs at least one APL.',
    reports: ['XprUnknownNode', 'XprNodeReused', 'XprSatelliteWithoutComponents'],
    check(site) {
        const xpr = site.site.xpr;
        if (!xpr) {
            return [];
        }
        const out: PendingDiagnostic[] = [];
        const names = site.site.nodes.map((node) => node.name);
        const seen = new Map<string, { readonly what: string; readonly pointer: string }>();
        for (const host of xprHosts(xpr)) {
            const pointer = `${host.pointer}/node`;
            if (!siteNode(site.site, host.nodeName)) {
                out.push(diag('XprUnknownNode', { name: host.nodeName, suggestion: suggest(host.nodeName, names) }, at(pointer)));
            }
            const what = host.role === 'kernel' ? 'kernel' : `satellite xpr.satellites[${host.index}]`;
            const first = seen.get(host.nodeName.toUpperCase());
            if (first) {
                out.push(diag('XprNodeReused', { name: host.nodeName, other: first.what }, at(pointer), [{ message: `The ${first.what} is node "${host.nodeName}".`, pointer: first.pointer }]));
            } else {
                seen.set(host.nodeName.toUpperCase(), { what, pointer });
            }
            if (host.role === 'satellite' && Object.keys(host.components).length === 0) {
                out.push(diag('XprSatelliteWithoutComponents', { node: host.nodeName }, at(`${host.pointer}/components`)));
            }
        }
        return out;
    },
};
