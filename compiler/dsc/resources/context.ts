import type { DscProperty, PsValue } from '../block.js';
import type { Resource } from '../../ir/types.js';

/** What a resource-block builder needs from the rest of the node. */
export interface BlockContext {
    /** `[Type]Name` references for the resource's DependsOn, or undefined when it has none. */
    readonly dependsOn: (resource: Resource) => PsValue | undefined;
}

/** Build a property list, dropping entries whose value is undefined. */
export function props(...entries: readonly (readonly [string, PsValue | undefined])[]): DscProperty[] {
    return entries.flatMap(([name, value]) => (value === undefined ? [] : [{ name, value }]));
}
