import { ps, type DscBlock } from '../block.js';
import type { WindowsFeatureResource } from '../../ir/types.js';
import { X_PSDSC } from '../modules.js';
import { props, type BlockContext } from './context.js';

export function windowsFeatureBlock(r: WindowsFeatureResource, ctx: BlockContext): DscBlock {
    return {
        resourceType: 'xWindowsFeature',
        module: X_PSDSC,
        name: r.id,
        source: r.source.pointer,
        properties: props(
            ['Name', ps.str(r.name)],
            ['Ensure', ps.str(r.ensure)],
            ['IncludeAllSubFeature', r.ensure === 'Present' ? ps.bool(r.includeAllSubFeature) : undefined],
            ['DependsOn', ctx.dependsOn(r)],
        ),
    };
}
