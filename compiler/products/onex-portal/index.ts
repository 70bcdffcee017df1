/**
 * Avaya one-X Portal for IP Office 9.1 (guide "Installing Avaya one-X Portal
 * for IP Office", issue 10j): the `onexPortal` section of a manifest.
 *
 * The section names its machines by node: the portal server, a Voicemail Pro
 * server, an Exchange server and the managed desktop-client machines. Each
 * gets its own resources and runbook steps; the rules check the
 * cross-machine facts (one SCN and release, subnet, ports, sizing) first.
 */

import type { Site } from '../../manifest/types.generated.js';
import type { CredentialUse, Product } from '../product.js';
import { TITLE } from './data.js';
import { lowerOnexNode } from './lower.js';
import { planOnexPortal } from './plan.js';
import { at } from './model.js';
import { onexDesktopClients } from './rules/desktop-clients.js';
import { onexExchange } from './rules/exchange.js';
import { onexIpOffices } from './rules/ip-offices.js';
import { onexJvm } from './rules/jvm.js';
import { onexPorts } from './rules/ports.js';
import { onexReferences } from './rules/references.js';
import { onexSizing } from './rules/sizing.js';
import { onexUpgrade } from './rules/upgrade.js';
import { onexVoicemail } from './rules/voicemail.js';

/**
 * The LDAP bind account and AvayaAdmin are typed into the web wizard and
 * Exchange's tools by the engineer (runbook only); the install account of
 * the desktop clients is a parameter of every managed node's configuration.
 */
function credentialUses(site: Site): CredentialUse[] {
    const section = site.onexPortal;
    if (!section) {
        return [];
    }
    const uses: CredentialUse[] = [];
    if (section.ldap?.account) {
        uses.push({ node: section.node, name: section.ldap.account.credential, pointer: at('ldap', 'account', 'credential'), runbookOnly: true });
    }
    if (section.exchange?.account) {
        uses.push({
            node: section.exchange.node ?? section.node,
            name: section.exchange.account.credential,
            pointer: at('exchange', 'account', 'credential'),
            runbookOnly: true,
        });
    }
    const install = section.desktopClients?.installCredential;
    if (install) {
        for (const node of section.desktopClients?.managedNodes ?? []) {
            uses.push({ node, name: install.credential, pointer: at('desktopClients', 'installCredential', 'credential') });
        }
    }
    return uses;
}

export const onexPortal: Product = {
    section: 'onexPortal',
    title: TITLE,
    rules: [onexReferences, onexSizing, onexIpOffices, onexVoicemail, onexExchange, onexPorts, onexDesktopClients, onexJvm, onexUpgrade],
    credentialUses,
    lowerNode: lowerOnexNode,
    planSite: planOnexPortal,
};
