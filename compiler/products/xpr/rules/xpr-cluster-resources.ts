import { at, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { INFORMATION_STORE, MANDATORY_SERVICES } from '../cluster-data.js';
import { clusterServices } from '../cluster-model.js';
import { sameName } from '../model.js';

/**
 * The role's resources are made once each: the mandatory services by xprc,
 * the Information Store as the cluster's one mrsClusRes resource (§9.7.3);
 * Exchange APLs run under the Exchange service account (§9.5.2); start
 * delays name APLs of the cluster (§9.9 step 6).
 */
export const xprClusterResources: Rule = {
    name: 'xpr-cluster-resources',
    description: 'Additional APLs are not kernel services (one mrsClusRes resource, the Information Store), Exchange APLs have the Exchange service account, and start delays name APLs of the cluster.',
    reports: ['XprClusterSecondInformationStore', 'XprClusterExchangeAccount', 'XprClusterDelayUnknownApl'],
    check(site) {
        const xpr = site.site.xpr;
        const cluster = xpr?.cluster;
        if (!xpr || !cluster) {
            return [];
        }
        const out: PendingDiagnostic[] = [];
        for (const [index, extra] of (cluster.additionalApls ?? []).entries()) {
            const isStore = sameName(extra.service, INFORMATION_STORE.service);
            if (isStore || MANDATORY_SERVICES.some((s) => sameName(s.service, extra.service))) {
                const why = isStore ? ', the one resource of type mrsClusRes' : '';
                out.push(diag('XprClusterSecondInformationStore', { service: extra.service, why }, at(`/xpr/cluster/additionalApls/${index}/service`)));
            }
        }
        if (cluster.exchangeServiceAccount === undefined) {
            const components = xpr.kernel.components ?? {};
            for (const [id, apl] of [['exchangeApl', 'Exchange connector'], ['exchangeUmApl', 'Exchange UM APL']] as const) {
                if (components[id]) {
                    out.push(diag('XprClusterExchangeAccount', { apl }, at(`/xpr/kernel/components/${id}`, 'key')));
                }
            }
        }
        const services = clusterServices(xpr).filter((s) => s.sequence === 11);
        for (const [index, delay] of (cluster.aplStartDelays ?? []).entries()) {
            if (!services.some((s) => sameName(s.service, delay.apl))) {
                out.push(diag('XprClusterDelayUnknownApl', { apl: delay.apl }, at(`/xpr/cluster/aplStartDelays/${index}/apl`)));
            }
        }
        return out;
    },
};
