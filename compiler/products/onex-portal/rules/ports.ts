import { at as where, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import { parsePortRange } from '../../../rules/firewall-ports.js';
import type { Rule } from '../../../rules/rule.js';
import { BUSY_PORTS, FIXED_PORTS, RESERVED_PORTS } from '../data.js';
import { at, settings } from '../model.js';

export const onexPorts: Rule = {
    name: 'onex-portal-ports',
    description:
        'The portal\'s HTTP and JMX ports differ, avoid the reserved, fixed and commonly used ports of §2.5 and the node\'s other firewall rules, and stay as installed unless a reinstallation is planned.',
    reports: ['OnexReservedPort', 'OnexFixedPortClash', 'OnexSamePort', 'OnexBusyPort', 'OnexPortUsedOnNode', 'OnexPortChanged', 'OnexReinstall'],
    check({ site, nodes }) {
        const section = site.onexPortal;
        if (!section) {
            return [];
        }
        const s = settings(section);
        const out: PendingDiagnostic[] = [];
        const configurable = [
            { property: 'httpPort', port: s.httpPort, purpose: 'HTTP port' },
            { property: 'jmxPort', port: s.jmxPort, purpose: 'JMX port' },
        ] as const;
        // A default port is reported at the property that leads to it: the section's own line.
        const pointerOf = (property: string): string => (section[property as 'httpPort'] !== undefined ? at(property) : at('node'));

        for (const { property, port } of configurable) {
            const reserved = RESERVED_PORTS.get(port);
            const fixed = FIXED_PORTS.get(port);
            const busy = BUSY_PORTS.get(port);
            if (reserved !== undefined) {
                out.push(diag('OnexReservedPort', { port, owner: reserved, property }, where(pointerOf(property))));
            } else if (fixed !== undefined) {
                out.push(diag('OnexFixedPortClash', { port, purpose: fixed, property, fixed: [...FIXED_PORTS.keys()].join(', ') }, where(pointerOf(property))));
            } else if (busy !== undefined) {
                out.push(diag('OnexBusyPort', { port, owner: busy, property }, where(pointerOf(property))));
            }
        }
        if (s.httpPort === s.jmxPort) {
            out.push(diag('OnexSamePort', { port: s.jmxPort }, where(pointerOf('jmxPort'))));
        }

        // §2.5: the ports must be free. A baseline firewall rule of the portal node naming one hints at another application.
        const portal = nodes.find((n) => n.name.toUpperCase() === section.node.toUpperCase());
        const portalPorts = [...configurable.map((c) => ({ port: c.port, purpose: c.purpose })), ...[...FIXED_PORTS].map(([port, purpose]) => ({ port, purpose }))];
        for (const item of portal?.items ?? []) {
            if (item.kind !== 'firewall') {
                continue;
            }
            const ranges = (item.item.localPorts ?? []).flatMap((p) => {
                const range = parsePortRange(p);
                return range ? [range] : [];
            });
            const used = portalPorts.filter(({ port }) => ranges.some((r) => r.low <= port && port <= r.high)).sort((a, b) => a.port - b.port);
            if (used.length > 0) {
                const ports = `${used.length === 1 ? 'port' : 'ports'} ${used.map((u) => `${u.port} (${u.purpose})`).join(', ')}`;
                out.push(diag('OnexPortUsedOnNode', { ports, rule: item.item.name, node: portal?.name ?? section.node }, where(item.pointer)));
            }
        }

        // §2.5: ports can only be changed by removing and reinstalling; §1.2: a reinstall loses the portal's settings.
        if (section.installed && !s.reinstall) {
            for (const { property, port } of configurable) {
                const installed = section.installed[property];
                if (installed !== port) {
                    out.push(
                        diag('OnexPortChanged', { property, installed, port }, where(pointerOf(property)), [
                            { message: `Installed with ${installed}.`, pointer: at('installed', property) },
                        ]),
                    );
                }
            }
        }
        if (s.reinstall) {
            out.push(diag('OnexReinstall', {}, where(at('reinstall'))));
        }
        return out;
    },
};
