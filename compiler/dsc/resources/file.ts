import { ps, type DscBlock } from '../block.js';
import type { FileResource } from '../../ir/types.js';
import { PSDSC_INBOX } from '../modules.js';
import { props, type BlockContext } from './context.js';

/**
 * The in-box File resource. A copied file is compared by SHA-256 so that a
 * changed source is copied again (the default compares modification dates).
 */
export function fileBlock(r: FileResource, ctx: BlockContext): DscBlock {
    return {
        resourceType: 'File',
        module: PSDSC_INBOX,
        name: r.id,
        source: r.source.pointer,
        properties: props(
            ['DestinationPath', ps.str(r.path)],
            ['Type', ps.str('File')],
            ['Ensure', ps.str(r.ensure)],
            ['Contents', r.contents === undefined ? undefined : ps.str(r.contents)],
            ['SourcePath', r.sourcePath === undefined ? undefined : ps.str(r.sourcePath)],
            ['Checksum', r.sourcePath === undefined ? undefined : ps.str('SHA-256')],
            ['MatchSource', r.sourcePath === undefined ? undefined : ps.bool(true)],
            ['Force', ps.bool(true)],
            ['DependsOn', ctx.dependsOn(r)],
        ),
    };
}
