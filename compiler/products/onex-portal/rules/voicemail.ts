import { at as where, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { webAdministrationDscSupport } from '../../../dsc/platforms.js';
import { at, findNode, ipv4Addresses, ipv4Network, parseIpv4 } from '../model.js';

export const onexVoicemail: Rule = {
    name: 'onex-portal-voicemail',
    description:
        'A Voicemail Pro server is in the portal server\'s subnet (checked from the nodes\' IPv4 addresses and prefix lengths) and runs an OS the IIS DSC resources support.',
    reports: ['OnexVoicemailSubnet', 'OnexVoicemailSubnetUnknown', 'OnexIisDscOs'],
    check({ site, nodes }) {
        const section = site.onexPortal;
        const vmName = section?.voicemail.type === 'voicemailPro' ? section.voicemail.node : undefined;
        if (!section || vmName === undefined) {
            return [];
        }
        const portal = findNode(site, section.node);
        const vm = findNode(site, vmName);
        if (!portal || !vm) {
            return []; // onex-portal-references reports the unknown node.
        }
        const out: PendingDiagnostic[] = [];
        const pointer = at('voicemail', 'node');

        // WebAdministrationDsc supports WMF 5.0+ on 2012, 2012 R2 and 2016+ (its README); 2012 and 2012 R2 get a WMF step in the runbook.
        const vmOs = nodes[vm.index]?.os;
        if (vmOs !== undefined && webAdministrationDscSupport(vmOs) === 'notListed') {
            out.push(diag('OnexIisDscOs', { node: vm.node.name, os: vmOs }, where(pointer)));
        }

        // §2.1: "The voicemail server must be in the same subnet as the one-X Portal for IP Office server."
        if (vm.index === portal.index) {
            return out; // One machine: trivially the same subnet.
        }
        const names = { voicemail: vm.node.name, portal: portal.node.name };
        const portalAddresses = ipv4Addresses(portal.node, portal.index);
        const vmAddresses = ipv4Addresses(vm.node, vm.index);
        if (portalAddresses.length === 0 || vmAddresses.length === 0) {
            const missing = portalAddresses.length === 0 ? portal.node.name : vm.node.name;
            out.push(diag('OnexVoicemailSubnetUnknown', { ...names, reason: `node "${missing}" has no IPv4 address` }, where(pointer)));
            return out;
        }
        let checked = false;
        for (const p of portalAddresses) {
            for (const v of vmAddresses) {
                const prefix = p.prefixLength ?? v.prefixLength;
                if (prefix === undefined || (p.prefixLength !== undefined && v.prefixLength !== undefined && p.prefixLength !== v.prefixLength)) {
                    continue;
                }
                checked = true;
                const pa = parseIpv4(p.address) ?? 0;
                const va = parseIpv4(v.address) ?? 0;
                if (ipv4Network(pa, prefix) === ipv4Network(va, prefix)) {
                    return out;
                }
            }
        }
        const first = { portal: portalAddresses[0]!, vm: vmAddresses[0]! };
        if (!checked && portalAddresses.every((a) => a.prefixLength === undefined) && vmAddresses.every((a) => a.prefixLength === undefined)) {
            out.push(diag('OnexVoicemailSubnetUnknown', { ...names, reason: 'neither node states a "prefixLength"' }, where(pointer)));
            return out;
        }
        out.push(
            diag('OnexVoicemailSubnet', { ...names, voicemailAddress: addressText(first.vm), portalAddress: addressText(first.portal) }, where(pointer), [
                { message: `Address of "${vm.node.name}".`, pointer: first.vm.pointer },
                { message: `Address of "${portal.node.name}".`, pointer: first.portal.pointer },
            ]),
        );
        return out;
    },
};

function addressText(a: { address: string; prefixLength?: number }): string {
    return a.prefixLength === undefined ? a.address : `${a.address}/${a.prefixLength}`;
}
