import { at, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { HOST_FEATURES } from '../data.js';
import { sameName, xprHosts } from '../model.js';

/** The features the XPR configuration removes; a baseline that installs one would fight it (Cluster Installation guide §3.1.3). */
const REMOVED = HOST_FEATURES.filter((feature) => feature.ensure === 'Absent');

export const xprWindowsFeatures: Rule = {
    name: 'xpr-windows-features',
    description: 'No baseline installs IIS (Web-Server) or the Windows SMTP Server on an XPR host, which the XPR configuration removes.',
    reports: ['XprConflictingFeature'],
    check(site) {
        const xpr = site.site.xpr;
        if (!xpr) {
            return [];
        }
        const out: PendingDiagnostic[] = [];
        const hosts = xprHosts(xpr);
        for (const node of site.nodes.filter((n) => hosts.some((host) => sameName(host.nodeName, n.name)))) {
            for (const entry of node.items) {
                if (entry.kind !== 'feature' || (entry.item.ensure ?? 'Present') !== 'Present') {
                    continue;
                }
                const removed = REMOVED.find((feature) => feature.name.toUpperCase() === entry.item.name.toUpperCase());
                if (removed) {
                    out.push(diag('XprConflictingFeature', { node: node.name, feature: entry.item.name, why: removed.why }, at(`${entry.pointer}/name`)));
                }
            }
        }
        return out;
    },
};
