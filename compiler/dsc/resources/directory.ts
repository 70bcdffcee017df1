import { ps, type DscBlock } from '../block.js';
import type { DirectoryResource } from '../../ir/types.js';
import { PSDSC_INBOX } from '../modules.js';
import { props, type BlockContext } from './context.js';

/**
 * The in-box File resource with Type = 'Directory' (no DSC community module
 * has a folder resource). With a source path it copies the whole tree
 * (Recurse) and compares by modification date, which is enough for a
 * read-only source such as a setup medium and far cheaper than hashing it.
 */
export function directoryBlock(r: DirectoryResource, ctx: BlockContext): DscBlock {
    const copy = r.sourcePath !== undefined && r.ensure === 'Present';
    return {
        resourceType: 'File',
        module: PSDSC_INBOX,
        name: r.id,
        source: r.source.pointer,
        properties: props(
            ['DestinationPath', ps.str(r.path)],
            ['SourcePath', copy ? ps.str(r.sourcePath ?? '') : undefined],
            ['Type', ps.str('Directory')],
            ['Ensure', ps.str(r.ensure)],
            ['Checksum', copy ? ps.str('ModifiedDate') : undefined],
            // Removing a folder that still holds files, or copying a whole tree, needs Recurse; removing needs Force.
            ['Recurse', r.ensure === 'Absent' || copy ? ps.bool(true) : undefined],
            ['Force', r.ensure === 'Absent' ? ps.bool(true) : undefined],
            ['Credential', copy && r.credential !== undefined ? ps.cred(`${r.credential.credential}Credential`) : undefined],
            ['DependsOn', ctx.dependsOn(r)],
        ),
    };
}
