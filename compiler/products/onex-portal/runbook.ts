/**
 * The one-X Portal runbook steps: what no script can do (IP Office Manager,
 * the vendor installers, the portal's web wizard, Exchange and Active
 * Directory tools, Group Policy), in the guide's order, with the manifest's
 * values filled in. Values go through mdCode / mdText; the rest is fixed text.
 *
 * This file holds the Voicemail Pro and desktop-client steps and re-exports
 * portalSteps (runbook-portal.ts) and exchangeSteps (runbook-exchange.ts),
 * so lower.ts imports every machine's steps from here.
 */

import { webAdministrationDscSupport, wmfInstruction } from '../../dsc/platforms.js';
import { mdText } from '../../emit/markdown.js';
import type { ManualStep } from '../../ir/types.js';
import type { Site } from '../../manifest/types.generated.js';
import { clientCommandLine } from './command-line.js';
import { CLIENT_LABEL, CLIENT_PREREQUISITES, VOICEMAIL_DIRECTORIES } from './data.js';
import { at, hostName, type Settings } from './model.js';
import { step, code, list, codes, account } from './runbook-steps.js';

export { exchangeSteps } from './runbook-exchange.js';
export { portalSteps } from './runbook-portal.js';

// ---------------------------------------------------------------------------
// Voicemail Pro server
// ---------------------------------------------------------------------------

export function voicemailSteps(s: Settings, node: { readonly name: string; readonly os: string }): ManualStep[] {
    const vm = s.voicemailPro!;
    const directories = list(VOICEMAIL_DIRECTORIES.map((d) => `${code(d.name)} → ${code(`${vm.installDir}\\${d.subfolder}`)}`));
    // WebAdministrationDsc needs WMF 5.0+, which 2012 and 2012 R2 do not include (rule onex-portal-voicemail warns where it is not supported at all).
    const wmf = webAdministrationDscSupport(node.os) === 'wmf' ? [wmfInstruction(code(node.name), mdText(node.os))] : [];
    return [
        step(
            'onex-vmpro-install',
            'Install Voicemail Pro with Web Voicemail (UMS)',
            '§2.1',
            at('voicemail', 'installDir'),
            [
                ...wmf,
                `Apply this node's configuration first: IIS must be installed and running before Voicemail Pro is installed. It installs ${codes(['Web-Server', ...vm.compatibilityFeatures])} and turns SSL off for ${code(vm.website)}.`,
                `The guide's IIS options "Enable Direct Metabase Edit" and "IIS Configuration Compatibility" are IIS 6 terms; xprc installs ${codes(vm.compatibilityFeatures)} for them (its reading, not the guide's words). If the Voicemail Pro installer still reports a missing IIS component, add it to ${code('voicemail.iisCompatibilityFeatures')}.`,
                `Install Voicemail Pro into ${code(vm.installDir)} and include the **Web Voicemail Pro (UMS)** component (the guide gives no installer details).`,
                vm.installed
                    ? `The configuration makes sure these virtual directories of ${code(vm.website)} exist (the installer leaves them out when it meets an error):\n${directories}`
                    : `Then set ${code('"installed": true')} in ${code('onexPortal.voicemail')}, run ${code('xprc build')} and apply the configuration again: it makes sure these virtual directories of ${code(vm.website)} exist (the installer leaves them out when it meets an error):\n${directories}`,
            ],
            `IIS Manager shows ${codes(VOICEMAIL_DIRECTORIES.map((d) => d.name))} under ${code(vm.website)}.`,
        ),
    ];
}

// ---------------------------------------------------------------------------
// Managed desktop-client machines
// ---------------------------------------------------------------------------

export function clientSteps(site: Site, s: Settings): ManualStep[] {
    const c = s.clients!;
    const portal = c.portalServer ?? hostName(site, s.section.node);
    return [
        step(
            'onex-clients-check',
            'Check the desktop clients',
            '§4, §4.7',
            at('desktopClients', 'managedNodes'),
            [
                `The configuration checks the prerequisites (${[CLIENT_PREREQUISITES.dotNet.label, CLIENT_PREREQUISITES.officePia.label, CLIENT_PREREQUISITES.vsto.label].map(mdText).join(', ')}) and waits until they are present (its error lists the missing ones); install those first, the guide does not name their installers.`,
                `It then runs ${code(clientCommandLine(s))} from ${code(c.installer ?? '')}${c.installCredential ? ` as ${account(site, c.installCredential.credential)}` : ' as LocalSystem (the computer account needs read access to it)'}.`,
            ],
            `A user who logs on finds ${c.clientList.map((k) => mdText(CLIENT_LABEL[k])).join(' and ')} connecting to ${code(portal)}.`,
        ),
    ];
}
