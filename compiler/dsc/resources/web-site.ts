import { ps, type DscBlock, type DscProperty } from '../block.js';
import type { WebBinding, WebSiteResource } from '../../ir/types.js';
import { WEB_ADMINISTRATION_DSC } from '../modules.js';
import { props, type BlockContext } from './context.js';

/**
 * WebAdministrationDsc WebSite. Bindings are nested DSC_WebBindingInformation
 * instances; Port, IPAddress and HostName are set individually (the module
 * ignores BindingInformation for http when any of them is given).
 */
export function webSiteBlock(r: WebSiteResource, ctx: BlockContext): DscBlock {
    const present = r.ensure === 'Present';
    return {
        resourceType: 'WebSite',
        module: WEB_ADMINISTRATION_DSC,
        name: r.id,
        source: r.source.pointer,
        properties: props(
            ['Name', ps.str(r.name)],
            ['Ensure', ps.str(r.ensure)],
            ['PhysicalPath', present ? ps.str(r.physicalPath) : undefined],
            ['State', present ? ps.str(r.state) : undefined],
            ['BindingInfo', present && r.bindings.length > 0 ? ps.cims('DSC_WebBindingInformation', r.bindings.map(binding)) : undefined],
            ['DependsOn', ctx.dependsOn(r)],
        ),
    };
}

function binding(b: WebBinding): DscProperty[] {
    return props(
        ['Protocol', ps.str(b.protocol)],
        ['IPAddress', ps.str('*')],
        ['Port', ps.int(b.port)],
        ['HostName', b.hostName === undefined ? undefined : ps.str(b.hostName)],
    );
}
