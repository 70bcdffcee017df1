import { at as where, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { EXCHANGE_ACCOUNT, SUPPORTED_EXCHANGE } from '../data.js';
import { at } from '../model.js';

export const onexExchange: Rule = {
    name: 'onex-portal-exchange',
    description:
        'Calendar presence uses a supported Exchange version (2007, 2010, 2013), is not combined with OCS, and its account is named AvayaAdmin.',
    reports: ['OnexExchangeVersion', 'OnexExchangeOcs', 'OnexExchangeAccountName'],
    check({ site }) {
        const exchange = site.onexPortal?.exchange;
        if (!exchange) {
            return [];
        }
        const out: PendingDiagnostic[] = [];
        // §2.1.1: Exchange 2007, 2010 and 2013.
        if (!SUPPORTED_EXCHANGE.includes(exchange.version)) {
            out.push(diag('OnexExchangeVersion', { version: exchange.version }, where(at('exchange', 'version'))));
        }
        // §3.1 warning: Digest authentication can stop OCS from working.
        if (exchange.ocsDeployed === true) {
            out.push(diag('OnexExchangeOcs', {}, where(at('exchange', 'ocsDeployed'))));
        }
        // §3.2: the impersonation script only works for an account named AvayaAdmin.
        const name = exchange.account?.credential;
        const userName = name !== undefined ? site.credentials?.[name]?.userName : undefined;
        if (name !== undefined && userName !== undefined && accountName(userName).toLowerCase() !== EXCHANGE_ACCOUNT.toLowerCase()) {
            out.push(diag('OnexExchangeAccountName', { name, userName }, where(at('exchange', 'account', 'credential'))));
        }
        return out;
    },
};

/** `DOMAIN\name` and `name@domain` → `name`. */
export function accountName(userName: string): string {
    const afterDomain = userName.slice(userName.lastIndexOf('\\') + 1);
    const at = afterDomain.indexOf('@');
    return at < 0 ? afterDomain : afterDomain.slice(0, at);
}
