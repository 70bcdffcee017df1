import { at, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import { joinPointer } from '../../../frontend/source.js';
import type { Rule } from '../../../rules/rule.js';
import { sameName, xprHosts } from '../model.js';

/**
 * One domain account for every XPR service on the kernel and the satellites,
 * a local administrator there with "Log on as a service" (Upgrade guide
 * §2.12.1). Its name is written into the configuration (group membership,
 * user right), so the credential must state it.
 */
export const xprServiceAccount: Rule = {
    name: 'xpr-service-account',
    description: 'The XPR service account credential states its user name, and that name is a domain account.',
    reports: ['XprServiceAccountUserName', 'XprServiceAccountNotDomain'],
    check(site) {
        const xpr = site.site.xpr;
        if (!xpr) {
            return [];
        }
        const name = xpr.serviceAccount.credential;
        const credential = site.site.credentials?.[name];
        if (!credential) {
            return []; // An undeclared credential is reported by the references rule.
        }
        const out: PendingDiagnostic[] = [];
        const pointer = joinPointer('/credentials', name);
        const userName = credential.userName;
        if (userName === undefined || userName.trim() === '') {
            out.push(diag('XprServiceAccountUserName', { name }, at(pointer, 'key')));
        } else if (!isDomainAccount(userName, xprHosts(xpr).map((host) => host.nodeName))) {
            out.push(diag('XprServiceAccountNotDomain', { userName }, at(`${pointer}/userName`)));
        }
        return out;
    },
};

/** Built-in account domains that are never a domain of users. */
const LOCAL_DOMAINS = new Set(['.', 'BUILTIN', 'NT AUTHORITY', 'NT SERVICE', 'LOCALHOST']);

/**
 * `DOMAIN\user` whose domain is not the computer itself (`.`, a host's own
 * name, a built-in authority), or `user@domain.suffix`.
 */
export function isDomainAccount(userName: string, computerNames: readonly string[]): boolean {
    const upn = /^[^@\\]+@[^@\\]+\.[^@\\]+$/.exec(userName);
    if (upn) {
        return true;
    }
    const match = /^([^\\@]+)\\([^\\@]+)$/.exec(userName);
    if (!match) {
        return false;
    }
    const domain = match[1]!;
    return !LOCAL_DOMAINS.has(domain.toUpperCase()) && !computerNames.some((computer) => sameName(computer, domain));
}
