import { at as where, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { DEFAULT_XMPP_DOMAIN, XMPP_DOMAIN_UPGRADES } from '../data.js';
import { at } from '../model.js';

export const onexUpgrade: Rule = {
    name: 'onex-portal-upgrade',
    description: 'An upgrade from one-X Portal 5.0 or 6.0 sets the XMPP domain name.',
    reports: ['OnexXmppDomainRequired'],
    check({ site }) {
        const section = site.onexPortal;
        const version = section?.previousVersion;
        if (!section || version === undefined || !XMPP_DOMAIN_UPGRADES.includes(version)) {
            return [];
        }
        const out: PendingDiagnostic[] = [];
        // §2.6.1: add the XMPP domain name and restart the services when upgrading from 5.0 or 6.0.
        if (section.xmppDomain === undefined || section.xmppDomain === DEFAULT_XMPP_DOMAIN) {
            const value = section.xmppDomain === undefined ? 'not set' : `the default "${DEFAULT_XMPP_DOMAIN}"`;
            out.push(diag('OnexXmppDomainRequired', { version, value }, where(at('previousVersion'))));
        }
        return out;
    },
};
