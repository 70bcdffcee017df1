import { at, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { DESKTOP_OS } from '../../../frontend/defaults.js';
import { sameName, siteNode, xprHosts } from '../model.js';

/** Role labels (nodes[].roles) that say what else runs on a computer. */
export const DOMAIN_CONTROLLER_ROLE = 'domain-controller';
export const COMASSISTANT_ROLE = 'comassistant';

/**
 * What the XPR computer itself must (not) be (Upgrade guide §2.3.1.1): no
 * domain controller, no ComAssistant, IPv6 disabled, Windows Server.
 */
export const xprHostPlatform: Rule = {
    name: 'xpr-host-platform',
    description:
        'No XPR host is a domain controller or a ComAssistant computer, has an IPv6 address or runs a client Windows, and IPv6 is disabled on XPR hosts.',
    reports: ['XprOnDomainController', 'XprOnComAssistantHost', 'XprIpv6Address', 'XprClientOs', 'XprIpv6LeftEnabled'],
    check(site) {
        const xpr = site.site.xpr;
        if (!xpr) {
            return [];
        }
        const out: PendingDiagnostic[] = [];
        const done = new Set<string>();
        for (const host of xprHosts(xpr)) {
            const found = siteNode(site.site, host.nodeName);
            if (!found || done.has(found.node.name.toUpperCase())) {
                continue; // Unknown or repeated hosts are reported by xpr-hosts.
            }
            done.add(found.node.name.toUpperCase());
            const { node, index } = found;
            const name = node.name;
            (node.roles ?? []).forEach((role, j) => {
                if (role === DOMAIN_CONTROLLER_ROLE) {
                    out.push(diag('XprOnDomainController', { node: name, evidence: `has the role "${role}"` }, at(`/nodes/${index}/roles/${j}`)));
                }
                if (role === COMASSISTANT_ROLE) {
                    out.push(diag('XprOnComAssistantHost', { node: name }, at(`/nodes/${index}/roles/${j}`)));
                }
            });
            const resolved = site.nodes.find((n) => sameName(n.name, name));
            for (const entry of resolved?.items ?? []) {
                if (entry.kind === 'feature' && entry.item.name.toUpperCase() === 'AD-DOMAIN-SERVICES' && (entry.item.ensure ?? 'Present') === 'Present') {
                    out.push(
                        diag('XprOnDomainController', { node: name, evidence: 'installs the AD-Domain-Services role' }, at(`${entry.pointer}/name`)),
                    );
                }
            }
            (node.addresses ?? []).forEach((address, j) => {
                if (address.address.includes(':')) {
                    out.push(diag('XprIpv6Address', { node: name, address: address.address }, at(`/nodes/${index}/addresses/${j}/address`)));
                }
            });
            const os = node.os ?? site.site.defaults?.os;
            if (os !== undefined && DESKTOP_OS.includes(os)) {
                out.push(diag('XprClientOs', { node: name, os }, at(node.os ? `/nodes/${index}/os` : '/defaults/os')));
            }
        }
        if (xpr.disableIpv6 === false) {
            out.push(diag('XprIpv6LeftEnabled', {}, at('/xpr/disableIpv6')));
        }
        return out;
    },
};
