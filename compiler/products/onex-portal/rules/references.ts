import { at as where, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import { suggest } from '../../../frontend/validate.js';
import type { Site } from '../../../manifest/types.generated.js';
import type { Rule } from '../../../rules/rule.js';
import { at, findNode } from '../model.js';

/** Every node name the section uses, with the role it gives the node and where it is written. */
export function nodeReferences(site: Site): { name: string; role: string; pointer: string }[] {
    const section = site.onexPortal;
    if (!section) {
        return [];
    }
    return [
        { name: section.node, role: 'portal server', pointer: at('node') },
        ...(section.voicemail.node !== undefined ? [{ name: section.voicemail.node, role: 'Voicemail Pro server', pointer: at('voicemail', 'node') }] : []),
        ...(section.exchange?.node !== undefined ? [{ name: section.exchange.node, role: 'Exchange server', pointer: at('exchange', 'node') }] : []),
        ...(section.desktopClients?.managedNodes ?? []).map((name, i) => ({
            name,
            role: 'desktop client machine',
            pointer: at('desktopClients', 'managedNodes', i),
        })),
    ];
}

export const onexReferences: Rule = {
    name: 'onex-portal-references',
    description: 'Every machine the onexPortal section names (portal, Voicemail Pro, Exchange, desktop client machines) is a node of the site.',
    reports: ['OnexUnknownNode'],
    check({ site }) {
        const names = site.nodes.map((n) => n.name);
        const out: PendingDiagnostic[] = [];
        for (const ref of nodeReferences(site)) {
            if (!findNode(site, ref.name)) {
                out.push(diag('OnexUnknownNode', { role: ref.role, name: ref.name, suggestion: suggest(ref.name, names) }, where(ref.pointer)));
            }
        }
        return out;
    },
};
