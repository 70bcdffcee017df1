import { ps, type DscBlock } from '../block.js';
import type { WebVirtualDirectoryResource } from '../../ir/types.js';
import { WEB_ADMINISTRATION_DSC } from '../modules.js';
import { props, type BlockContext } from './context.js';

/**
 * WebAdministrationDsc WebVirtualDirectory. WebApplication '' is the site's
 * root application (the resource's own advice: '/' makes
 * New-WebVirtualDirectory write '//Name', which it then cannot find again).
 * PhysicalPath is required by the schema even for Ensure = 'Absent'.
 */
export function webVirtualDirectoryBlock(r: WebVirtualDirectoryResource, ctx: BlockContext): DscBlock {
    return {
        resourceType: 'WebVirtualDirectory',
        module: WEB_ADMINISTRATION_DSC,
        name: r.id,
        source: r.source.pointer,
        properties: props(
            ['Website', ps.str(r.website)],
            ['WebApplication', ps.str(r.webApplication)],
            ['Name', ps.str(r.name)],
            ['PhysicalPath', ps.str(r.physicalPath)],
            ['Ensure', ps.str(r.ensure)],
            ['DependsOn', ctx.dependsOn(r)],
        ),
    };
}
