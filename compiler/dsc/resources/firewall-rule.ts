import { ps, type DscBlock } from '../block.js';
import type { FirewallRuleResource } from '../../ir/types.js';
import { NETWORKING_DSC } from '../modules.js';
import { props, type BlockContext } from './context.js';

/** NetworkingDsc Firewall. `Enabled` is a string ('True'/'False') in its schema, not a boolean. */
export function firewallRuleBlock(r: FirewallRuleResource, ctx: BlockContext): DscBlock {
    const present = r.ensure === 'Present';
    const list = (items: readonly string[]) => (present && items.length > 0 ? ps.strs(items) : undefined);
    return {
        resourceType: 'Firewall',
        module: NETWORKING_DSC,
        name: r.id,
        source: r.source.pointer,
        properties: props(
            ['Name', ps.str(r.name)],
            ['Ensure', ps.str(r.ensure)],
            ['DisplayName', present ? ps.str(r.displayName) : undefined],
            ['Description', present && r.description !== undefined ? ps.str(r.description) : undefined],
            ['Enabled', present ? ps.str('True') : undefined],
            ['Direction', present ? ps.str(r.direction) : undefined],
            ['Action', present ? ps.str(r.action) : undefined],
            ['Protocol', present ? ps.str(r.protocol) : undefined],
            ['LocalPort', list(r.localPorts)],
            ['RemotePort', list(r.remotePorts)],
            ['RemoteAddress', list(r.remoteAddresses)],
            ['Profile', list(r.profiles)],
            ['Program', present && r.program !== undefined ? ps.str(r.program) : undefined],
            ['DependsOn', ctx.dependsOn(r)],
        ),
    };
}
