/**
 * The runbook's explanation of the node's meta-configuration: why the LCM
 * is configured before the configuration is applied, and what its settings
 * mean for this node's restarts. Every statement the product runbooks make
 * about "the configuration restarts the server" rests on these lines.
 */

import { restartingResources } from '../ir/restarts.js';
import type { NodeIR } from '../ir/types.js';
import { mdCode } from './markdown.js';

export function lcmLines(node: NodeIR): string[] {
    const lcm = node.lcm;
    const restarting = restartingResources(node);
    const lines: string[] = [];
    if (node.certificate) {
        lines.push(
            `${mdCode(`CertificateID = ${node.certificate.thumbprint}`)}: the LCM decrypts the credentials in the MOF with this certificate's private key, which must be in the node's LocalMachine\\My store. Without it the configuration cannot be applied.`,
        );
    }
    if (lcm.rebootNodeIfNeeded) {
        lines.push(
            `${mdCode('RebootNodeIfNeeded = $true')}: the LCM restarts ${mdCode(node.name)} when a resource asks for it${restarting.length > 0 ? ` (here: ${restarting.map((id) => mdCode(id)).join(', ')})` : ''}; without it such a request only logs a warning.`,
            lcm.actionAfterReboot === 'ContinueConfiguration'
                ? `${mdCode("ActionAfterReboot = 'ContinueConfiguration'")}: after the restart the LCM applies the rest of the configuration by itself.`
                : `${mdCode("ActionAfterReboot = 'StopConfiguration'")}: after a restart the LCM stops; run step 5 again to apply the rest.`,
        );
    } else {
        lines.push(
            `${mdCode('RebootNodeIfNeeded = $false')} (${mdCode('lcm.rebootNodeIfNeeded')} in the manifest): the LCM never restarts ${mdCode(node.name)}. When it reports ${mdCode('LCMState : PendingReboot')}, restart the computer yourself and apply the configuration again; wherever this runbook says that the configuration restarts the computer, you do it this way.`,
        );
    }
    lines.push(
        {
            ApplyAndMonitor: `${mdCode("ConfigurationMode = 'ApplyAndMonitor'")}: every ${lcm.configurationModeFrequencyMins} minutes the LCM checks the configuration and reports drift without correcting it, so it never undoes what a vendor installer changes later; apply the configuration again to correct drift.`,
            ApplyAndAutoCorrect: `${mdCode("ConfigurationMode = 'ApplyAndAutoCorrect'")}: every ${lcm.configurationModeFrequencyMins} minutes the LCM checks the configuration and corrects drift.`,
            ApplyOnly: `${mdCode("ConfigurationMode = 'ApplyOnly'")}: the LCM applies the configuration once and then neither checks nor reports drift.`,
        }[lcm.configurationMode],
    );
    return lines;
}

/**
 * Where the features whose files Windows does not keep come from (the
 * lowering sets payloadSource from `featureSource`): named, or the warning
 * that an offline host cannot install them.
 */
export function applyNotes(node: NodeIR): string[] {
    return [...featureSourceLines(node), ...dhcpClientLines(node)];
}

/**
 * Stopping the DHCP Client (XPR asks for it, Cluster Installation guide
 * §3.1.3) also stops the host's dynamic DNS registration, for static
 * addresses too: said before the configuration is applied.
 */
function dhcpClientLines(node: NodeIR): string[] {
    const stopped = node.resources.some((r) => r.kind === 'Service' && r.name.toUpperCase() === 'DHCP' && r.ensure === 'Present' && r.state === 'Stopped');
    return stopped
        ? [
              `**Before applying:** the configuration stops the DHCP Client service, which also registers this computer's addresses in DNS (dynamic update, static addresses included). Once it is stopped nothing renews ${mdCode(node.name)}'s DNS records: give the computer static addresses and create its A (and PTR) records in DNS by hand.`,
          ]
        : [];
}

function featureSourceLines(node: NodeIR): string[] {
    return node.resources.flatMap((r) => {
        if (r.kind !== 'WindowsFeature' || r.ensure !== 'Present' || r.name.toUpperCase() !== 'NET-FRAMEWORK-CORE') {
            return [];
        }
        return r.payloadSource === undefined
            ? [
                  `${mdCode(r.name)} has no files on the host: Windows downloads them from Windows Update, and a host without Internet access fails with error ${mdCode('0x800F081F')}. Set ${mdCode('featureSource')} (node or ${mdCode('defaults')}) to the ${mdCode('sources\\sxs')} folder of the Windows installation medium.`,
              ]
            : [
                  `${mdCode(r.name)} is installed from ${mdCode(r.payloadSource)} (the ${mdCode('sources\\sxs')} folder of the Windows installation medium of ${mdCode(node.os)}): the computer account of ${mdCode(node.name)} must be able to read it.`,
              ];
    });
}
