import { at, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { MIN_DISK_GB, MIN_DISKS } from '../data.js';
import { requiredMemoryMB } from '../hardware.js';
import { siteNode, xprHosts } from '../model.js';

/**
 * The minimum hardware of an XPR computer (Upgrade guide §2.3.1.1; Cluster
 * Installation guide §3.1.2), where the manifest states the node's hardware.
 * Where it does not, the host requirements gate checks the host itself
 * (scripts.ts), so the requirement holds either way.
 */
export const xprHardware: Rule = {
    name: 'xpr-hardware',
    description: 'An XPR host that states its hardware has the working memory its components need and two hard disks of at least 100 GB.',
    reports: ['XprMemoryTooSmall', 'XprDisksTooSmall'],
    check(site) {
        const xpr = site.site.xpr;
        if (!xpr) {
            return [];
        }
        const out: PendingDiagnostic[] = [];
        for (const host of xprHosts(xpr)) {
            const found = siteNode(site.site, host.nodeName);
            const hardware = found?.node.hardware;
            if (!found || !hardware) {
                continue;
            }
            const where = `/nodes/${found.index}/hardware`;
            const required = requiredMemoryMB(host);
            if (hardware.memoryGB !== undefined && hardware.memoryGB * 1024 < required) {
                const extras = [
                    ...(host.optionalComponents.includes('Nuance Vocalizer TTS') ? ['text-to-speech'] : []),
                    ...(host.optionalComponents.some((c) => c.startsWith('ASR')) ? ['speech recognition'] : []),
                ];
                const reason = extras.length === 0 ? '2 GB for the XPR server' : `2 GB for the XPR server, more for ${extras.join(' and ')}`;
                out.push(diag('XprMemoryTooSmall', { node: found.node.name, memory: String(hardware.memoryGB), required: String(required), reason }, at(`${where}/memoryGB`)));
            }
            if (hardware.diskSizesGB !== undefined) {
                const count = hardware.diskSizesGB.filter((size) => size >= MIN_DISK_GB).length;
                if (count < MIN_DISKS) {
                    out.push(diag('XprDisksTooSmall', { node: found.node.name, count: String(count) }, at(`${where}/diskSizesGB`)));
                }
            }
        }
        return out;
    },
};
