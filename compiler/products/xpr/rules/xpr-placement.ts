import { at, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { COMPONENTS } from '../data.js';
import { allComponents, hasComponent, xprHosts } from '../model.js';

/** What may run on a satellite, and components that need another one somewhere in the system. */
export const xprPlacement: Rule = {
    name: 'xpr-placement',
    description:
        'Kernel components stay on the kernel, a Connection APL on a satellite is reported because of its Smart Backup limit, and an Exchange connector has an LDAP APL in the system.',
    reports: ['XprKernelOnlyComponent', 'XprConnectionAplOnSatellite', 'XprExchangeNeedsLdap'],
    check(site) {
        const xpr = site.site.xpr;
        if (!xpr) {
            return [];
        }
        const out: PendingDiagnostic[] = [];
        const ldapSomewhere = xprHosts(xpr).some((host) => hasComponent(host, 'ldapApl'));
        for (const { host, id, pointer } of allComponents(xpr)) {
            if (host.role === 'satellite' && COMPONENTS[id].kernelOnly) {
                out.push(diag('XprKernelOnlyComponent', { feature: COMPONENTS[id].feature, node: host.nodeName }, at(pointer)));
            }
            if (host.role === 'satellite' && id === 'connectionApl') {
                out.push(diag('XprConnectionAplOnSatellite', { node: host.nodeName }, at(pointer)));
            }
            if (id === 'exchangeApl' && !ldapSomewhere) {
                out.push(diag('XprExchangeNeedsLdap', { node: host.nodeName }, at(pointer)));
            }
        }
        return out;
    },
};
