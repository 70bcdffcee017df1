/**
 * Lookup in the pinned DSC resource catalog: a resource's schema by module,
 * version and friendly name, and the version xprc pins for a module. Indexed
 * once, case-insensitively, because PowerShell keywords and DSC property
 * names are. Separate from catalog.ts (types) and the checks, which use it.
 */

import { InternalError } from '../diagnostics/internal-error.js';
import { DSC_MODULES } from './catalog.generated.js';
import type { DscPropertySchema, DscResourceSchema, DscModuleSchema } from './catalog.js';

interface ResourceIndex {
    readonly schema: DscResourceSchema;
    /** Lower-cased property name → schema. DSC property names are case-insensitive. */
    readonly properties: ReadonlyMap<string, DscPropertySchema>;
}

interface ModuleIndex {
    readonly schema: DscModuleSchema;
    /** Lower-cased friendly name → resource. Keywords are case-insensitive in PowerShell. */
    readonly resources: ReadonlyMap<string, ResourceIndex>;
}

export const MODULES: ReadonlyMap<string, ModuleIndex> = new Map(
    DSC_MODULES.map((m) => [
        m.name.toLowerCase(),
        {
            schema: m,
            resources: new Map(
                m.resources.map((r) => [
                    r.friendlyName.toLowerCase(),
                    { schema: r, properties: new Map(r.properties.map((p) => [p.name.toLowerCase(), p])) },
                ]),
            ),
        },
    ]),
);

/**
 * The schema of `friendlyName` in `module` at `version`, or undefined.
 * Exact (case-sensitive) match on all three: callers get the schema only for
 * the canonical spelling they are going to emit.
 */
export function findResource(module: string, version: string, friendlyName: string): DscResourceSchema | undefined {
    const m = MODULES.get(module.toLowerCase());
    if (m === undefined || m.schema.name !== module || m.schema.version !== version) return undefined;
    const r = m.resources.get(friendlyName.toLowerCase());
    return r !== undefined && r.schema.friendlyName === friendlyName ? r.schema : undefined;
}

/** The version xprc pins for `module` (exact name). Throws an InternalError for a module that is not in the catalog. */
export function moduleVersion(module: string): string {
    const m = MODULES.get(module.toLowerCase());
    if (m === undefined || m.schema.name !== module) {
        throw new InternalError(`DSC module '${module}' is not in the catalog (pinned: ${pinnedList()})`);
    }
    return m.schema.version;
}

export function pinnedList(): string {
    return DSC_MODULES.map((m) => `${m.name} ${m.version}`).join(', ');
}
