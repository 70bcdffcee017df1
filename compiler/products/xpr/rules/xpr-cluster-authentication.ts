import { at, diag } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';

/** The cluster installation selects "Login via Xpressions account" (§4.4.7 step 2). */
export const xprClusterAuthentication: Rule = {
    name: 'xpr-cluster-authentication',
    description: 'A clustered XPR logs users on with the XPR account.',
    reports: ['XprClusterAuthentication'],
    check(site) {
        const xpr = site.site.xpr;
        if (!xpr?.cluster) {
            return [];
        }
        const mode = xpr.authentication?.mode ?? 'windowsAccount';
        if (mode === 'xprAccount') {
            return [];
        }
        return [diag('XprClusterAuthentication', { mode }, xpr.authentication?.mode ? at('/xpr/authentication/mode') : at('/xpr/cluster', 'key'))];
    },
};
