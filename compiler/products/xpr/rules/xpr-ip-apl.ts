import { at, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { nodeIpv4s, siteNode, xprHosts } from '../model.js';

/** The IP APL (Cluster Installation guide §4.4.1 Table 4-2, §4.4.16; Upgrade guide §2.13.7). */
export const xprIpApl: Rule = {
    name: 'xpr-ip-apl',
    description: 'Each IP APL speaks one infrastructure protocol, and SIP voice conferences have two IP addresses on their node.',
    reports: ['XprIpAplProtocols', 'XprSipConferenceAddresses'],
    check(site) {
        const xpr = site.site.xpr;
        if (!xpr) {
            return [];
        }
        const out: PendingDiagnostic[] = [];
        for (const host of xprHosts(xpr)) {
            const ipApl = host.components.ipApl;
            if (!ipApl) {
                continue;
            }
            const pointer = `${host.pointer}/components/ipApl`;
            const protocols = ipApl.protocols ?? ['SIP'];
            if (protocols.length > 1) {
                out.push(diag('XprIpAplProtocols', { node: host.nodeName, protocols: protocols.join(' and ') }, at(`${pointer}/protocols`)));
            }
            const node = siteNode(site.site, host.nodeName)?.node;
            if (node && ipApl.voiceConferences === true && protocols.includes('SIP')) {
                const count = nodeIpv4s(node).length;
                if (count < 2) {
                    out.push(diag('XprSipConferenceAddresses', { node: host.nodeName, count }, at(`${pointer}/voiceConferences`)));
                }
            }
        }
        return out;
    },
};
