import { ps, type DscBlock } from '../block.js';
import type { WindowsFeatureResource } from '../../ir/types.js';
import { PSDSC_INBOX, X_PSDSC } from '../modules.js';
import { props, type BlockContext } from './context.js';

/**
 * xWindowsFeature, or the in-box WindowsFeature when the feature's files
 * come from a folder: xWindowsFeature 9.2.1 has no Source property, the
 * in-box resource (PSDesiredStateConfiguration 1.1) passes Source on to
 * Install-WindowsFeature.
 */
export function windowsFeatureBlock(r: WindowsFeatureResource, ctx: BlockContext): DscBlock {
    const withSource = r.payloadSource !== undefined && r.ensure === 'Present';
    return {
        resourceType: withSource ? 'WindowsFeature' : 'xWindowsFeature',
        module: withSource ? PSDSC_INBOX : X_PSDSC,
        name: r.id,
        source: r.source.pointer,
        properties: props(
            ['Name', ps.str(r.name)],
            ['Ensure', ps.str(r.ensure)],
            ['IncludeAllSubFeature', r.ensure === 'Present' ? ps.bool(r.includeAllSubFeature) : undefined],
            ['Source', withSource ? ps.str(r.payloadSource ?? '') : undefined],
            ['DependsOn', ctx.dependsOn(r)],
        ),
    };
}
