/**
 * The cross-block check of the DSC catalog: no two blocks of one
 * configuration may have the same resource and key values, which PowerShell
 * rejects when it compiles the configuration. Separate from catalog-check.ts
 * because it looks at a whole configuration, not at one block.
 */

import type { DscBlock, PsValue } from './block.js';
import { MODULES } from './catalog-lookup.js';

// ---------------------------------------------------------------------------
// Cross-block checks
// ---------------------------------------------------------------------------

/**
 * Checks the blocks of ONE node (DscBlock carries no node, so the caller
 * groups them): no two blocks of the same resource type may share an instance
 * name, and no two may have the same Key property values. DSC compares both
 * case-insensitively and rejects the configuration otherwise.
 *
 * Blocks whose module/resource is unknown or that lack a Key property are
 * skipped for the key comparison; checkBlock reports those.
 */
export function checkUniqueKeys(blocks: readonly DscBlock[]): string[] {
    const violations: string[] = [];
    const byName = new Map<string, DscBlock>();
    const byKeys = new Map<string, DscBlock>();

    for (const block of blocks) {
        const type = block.resourceType.toLowerCase();
        const id = `${type}\u0000${block.name.toLowerCase()}`;
        const sameName = byName.get(id);
        if (sameName !== undefined) {
            violations.push(
                `duplicate instance name: [${sameName.resourceType}]${sameName.name} and [${block.resourceType}]${block.name}`,
            );
        } else {
            byName.set(id, block);
        }

        const keys = keyValues(block);
        if (keys === undefined) continue;
        const keyId = `${type}\u0000${keys.map(([name, value]) => `${name.toLowerCase()}=${value.folded}`).join('\u0000')}`;
        const sameKeys = byKeys.get(keyId);
        if (sameKeys !== undefined) {
            violations.push(
                `[${sameKeys.resourceType}]${sameKeys.name} and [${block.resourceType}]${block.name} have the same Key values ` +
                    `(${keys.map(([name, value]) => `${name}=${value.shown}`).join(', ')})`,
            );
        } else {
            byKeys.set(keyId, block);
        }
    }
    return violations;
}

interface KeyValue {
    /** Case-folded, for comparison. */
    readonly folded: string;
    /** As written, for the message. */
    readonly shown: string;
}

/** The block's Key values in schema order, or undefined if they cannot be compared. */
function keyValues(block: DscBlock): (readonly [string, KeyValue])[] | undefined {
    const res = MODULES.get(block.module.name.toLowerCase())?.resources.get(block.resourceType.toLowerCase());
    if (res === undefined) return undefined;
    const keyProps = res.schema.properties.filter((p) => p.qualifier === 'Key');
    if (keyProps.length === 0) return undefined;

    const result: (readonly [string, KeyValue])[] = [];
    for (const kp of keyProps) {
        const prop = block.properties.find((p) => p.name.toLowerCase() === kp.name.toLowerCase());
        if (prop === undefined) return undefined;
        result.push([kp.name, keyValue(prop.value)]);
    }
    return result;
}

function keyValue(value: PsValue): KeyValue {
    switch (value.kind) {
        case 'string':
            return { folded: `s:${value.value.toLowerCase()}`, shown: `'${value.value}'` };
        case 'stringArray':
        case 'dependsOn':
            return {
                folded: `a:${JSON.stringify(value.value.map((s) => s.toLowerCase()))}`,
                shown: `@(${value.value.map((s) => `'${s}'`).join(', ')})`,
            };
        case 'bool':
            return { folded: `b:${value.value}`, shown: value.value ? '$true' : '$false' };
        case 'int':
            return { folded: `i:${value.value}`, shown: String(value.value) };
        case 'credential':
            return { folded: `c:${value.parameter.toLowerCase()}`, shown: `$${value.parameter}` };
        case 'scriptBlock':
            return { folded: `x:${value.lines.join('\n').toLowerCase()}`, shown: `{ ${value.lines.join('; ')} }` };
        case 'cimInstances': {
            // Never a Key in the pinned modules; compared by content for completeness.
            const items = value.items.map((item) => item.map((p) => `${p.name}=${keyValue(p.value).shown}`).join('; '));
            const shown = `@(${items.map((item) => `${value.className} { ${item} }`).join(', ')})`;
            return { folded: `m:${shown.toLowerCase()}`, shown };
        }
    }
}
