import { ps, type DscBlock } from '../block.js';
import type { IisSslSettingsResource } from '../../ir/types.js';
import { WEB_ADMINISTRATION_DSC } from '../modules.js';
import { props, type BlockContext } from './context.js';

/**
 * WebAdministrationDsc SslSettings: the site's sslFlags
 * (system.webServer/security/access). With flags, Ensure = 'Present' writes
 * them. Without flags the block is Ensure = 'Absent', the resource's own way
 * of saying "no SSL flags": Set writes sslFlags = None, and Test reads a site
 * without flags as Absent. ('Present' with Bindings '' would write the same
 * value but never test true: Get reports a site without flags as Absent.)
 * Bindings is required by the schema in both cases; '' is its "no flag" value.
 */
export function iisSslSettingsBlock(r: IisSslSettingsResource, ctx: BlockContext): DscBlock {
    const none = r.flags.length === 0;
    return {
        resourceType: 'SslSettings',
        module: WEB_ADMINISTRATION_DSC,
        name: r.id,
        source: r.source.pointer,
        properties: props(
            ['Name', ps.str(r.name)],
            ['Bindings', ps.strs(none ? [''] : r.flags)],
            ['Ensure', ps.str(none ? 'Absent' : 'Present')],
            ['DependsOn', ctx.dependsOn(r)],
        ),
    };
}
