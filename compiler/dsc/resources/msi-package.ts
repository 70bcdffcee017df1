import { ps, type DscBlock } from '../block.js';
import type { MsiPackageResource } from '../../ir/types.js';
import { X_PSDSC } from '../modules.js';
import { props, type BlockContext } from './context.js';

/** xMsiPackage: idempotent by product code (installed or not), so a re-run never reinstalls. */
export function msiPackageBlock(r: MsiPackageResource, ctx: BlockContext): DscBlock {
    return {
        resourceType: 'xMsiPackage',
        module: X_PSDSC,
        name: r.id,
        source: r.source.pointer,
        properties: props(
            ['ProductId', ps.str(r.productId)],
            ['Path', ps.str(r.path)],
            ['Ensure', ps.str(r.ensure)],
            ['Arguments', r.arguments === undefined ? undefined : ps.str(r.arguments)],
            ['LogPath', r.logPath === undefined ? undefined : ps.str(r.logPath)],
            ['Credential', r.credential === undefined ? undefined : ps.cred(`${r.credential.credential}Credential`)],
            ['DependsOn', ctx.dependsOn(r)],
        ),
    };
}
