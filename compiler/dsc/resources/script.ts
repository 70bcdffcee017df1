import { ps, type DscBlock } from '../block.js';
import type { ScriptResource } from '../../ir/types.js';
import { X_PSDSC } from '../modules.js';
import { props, type BlockContext } from './context.js';

/** xScript: GetScript returns @{ Result = … }, TestScript returns $true when nothing is to do. */
export function scriptBlock(r: ScriptResource, ctx: BlockContext): DscBlock {
    return {
        resourceType: 'xScript',
        module: X_PSDSC,
        name: r.id,
        source: r.source.pointer,
        properties: props(
            ['GetScript', ps.script(r.getScript)],
            ['TestScript', ps.script(r.testScript)],
            ['SetScript', ps.script(r.setScript)],
            ['Credential', r.credential === undefined ? undefined : ps.cred(`${r.credential.credential}Credential`)],
            ['DependsOn', ctx.dependsOn(r)],
        ),
    };
}
