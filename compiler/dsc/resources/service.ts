import { ps, type DscBlock } from '../block.js';
import type { ServiceResource } from '../../ir/types.js';
import { X_PSDSC } from '../modules.js';
import { props, type BlockContext } from './context.js';

export function serviceBlock(r: ServiceResource, ctx: BlockContext): DscBlock {
    const account = r.account;
    return {
        resourceType: 'xService',
        module: X_PSDSC,
        name: r.id,
        source: r.source.pointer,
        properties: props(
            ['Name', ps.str(r.name)],
            ['Ensure', ps.str(r.ensure)],
            ['Path', r.path === undefined ? undefined : ps.str(r.path)],
            ['DisplayName', r.displayName === undefined ? undefined : ps.str(r.displayName)],
            ['Description', r.description === undefined ? undefined : ps.str(r.description)],
            ['StartupType', r.startupType === undefined ? undefined : ps.str(r.startupType)],
            // Always written for a present service: xService's own default is Running, which starts it.
            ['State', r.ensure === 'Present' ? ps.str(r.state) : undefined],
            ['BuiltInAccount', typeof account === 'string' ? ps.str(account) : undefined],
            ['Credential', typeof account === 'object' ? ps.cred(`${account.credential}Credential`) : undefined],
            ['Dependencies', r.dependencies === undefined ? undefined : ps.strs(r.dependencies)],
            ['DependsOn', ctx.dependsOn(r)],
        ),
    };
}
