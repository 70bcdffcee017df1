import { at, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';

/** "Login via the Windows user account": setup then asks for the administrator and postmaster accounts (Cluster Installation guide §4.4.7). */
export const xprAuthentication: Rule = {
    name: 'xpr-authentication',
    description: 'With Windows authentication, the Windows accounts for the XPR administrator and postmaster are given.',
    reports: ['XprWindowsAuthenticationAccounts'],
    check(site) {
        const xpr = site.site.xpr;
        if (!xpr) {
            return [];
        }
        const authentication = xpr.authentication ?? {};
        if ((authentication.mode ?? 'windowsAccount') !== 'windowsAccount') {
            return [];
        }
        const where = xpr.authentication ? at('/xpr/authentication') : at('/xpr', 'key');
        const out: PendingDiagnostic[] = [];
        if (!authentication.administratorAccount) {
            out.push(diag('XprWindowsAuthenticationAccounts', { property: 'administratorAccount', role: 'administrator' }, where));
        }
        if (!authentication.postmasterAccount) {
            out.push(diag('XprWindowsAuthenticationAccounts', { property: 'postmasterAccount', role: 'postmaster' }, where));
        }
        return out;
    },
};
