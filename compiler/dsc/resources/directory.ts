import { ps, type DscBlock } from '../block.js';
import type { DirectoryResource } from '../../ir/types.js';
import { PSDSC_INBOX } from '../modules.js';
import { props, type BlockContext } from './context.js';

/** The in-box File resource with Type = 'Directory' (no DSC community module has a folder resource). */
export function directoryBlock(r: DirectoryResource, ctx: BlockContext): DscBlock {
    return {
        resourceType: 'File',
        module: PSDSC_INBOX,
        name: r.id,
        source: r.source.pointer,
        properties: props(
            ['DestinationPath', ps.str(r.path)],
            ['Type', ps.str('Directory')],
            ['Ensure', ps.str(r.ensure)],
            // Removing a folder that still holds files needs Recurse and Force.
            ['Recurse', r.ensure === 'Absent' ? ps.bool(true) : undefined],
            ['Force', r.ensure === 'Absent' ? ps.bool(true) : undefined],
            ['DependsOn', ctx.dependsOn(r)],
        ),
    };
}
