/**
 * One registry key (or one value name under a key) spelled
 * in two cases on one node, e.g. HKLM\SOFTWARE\Pp and HKLM\SOFTWARE\PP.
 * Windows compares both case-insensitively, so they are one key; the .reg
 * file and the DSC blocks would disagree about its spelling. Checked as a
 * rule on the manifest's registry values, and again on the IR after lowering,
 * because products add registry values of their own.
 */

import { diag, at, type PendingDiagnostic } from '../diagnostics/diagnostic.js';
import { effectivePath, isKeyProblem, parseRegistryKey } from '../frontend/registry-key.js';
import type { Hive, RegistryResource, SiteIR } from '../ir/types.js';
import type { Rule } from './rule.js';

/** Case folding as Windows does for registry names (invariant upper case is close enough for names in a manifest). */
const fold = (s: string): string => s.toUpperCase();

/** A registry value as both checks see it: where it is written, and where it comes from. */
interface Spelled {
    readonly hive: Hive;
    readonly path: string;
    readonly name: string;
    readonly pointer: string;
}

export const registryKeyCase: Rule = {
    name: 'registry-key-case',
    description: 'A node writes each registry key and value name in one spelling (Windows compares them case-insensitively).',
    reports: ['RegistryKeyCase'],
    check(site) {
        return site.nodes.flatMap((node) =>
            spellingClashes(
                node.name,
                node.items.flatMap((entry): Spelled[] => {
                    if (entry.kind !== 'registry') return [];
                    const parsed = parseRegistryKey(entry.item.key);
                    if (isKeyProblem(parsed)) return [];
                    return [{ hive: parsed.hive, path: effectivePath(parsed, entry.item.view ?? '64'), name: entry.item.name ?? '', pointer: entry.pointer }];
                }),
            ),
        );
    },
};

/** After lowering, over every registry value of every node, products' included. */
export function checkRegistryKeyCase(site: SiteIR): PendingDiagnostic[] {
    return site.nodes.flatMap((node) =>
        spellingClashes(
            node.name,
            node.resources
                .filter((r): r is RegistryResource => r.kind === 'Registry')
                .map((r) => ({ hive: r.value.hive, path: r.value.path, name: r.value.name, pointer: r.source.pointer })),
        ),
    );
}

function spellingClashes(nodeName: string, values: readonly Spelled[]): PendingDiagnostic[] {
    const out: PendingDiagnostic[] = [];
    const registry = [...values].sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
    const keys = new Map<string, Spelled>();
    const names = new Map<string, Spelled>();
    for (const resource of registry) {
        const { hive, path, name } = resource;
        const key = `${hive}\\${path}`;
        const firstKey = keys.get(fold(key));
        if (firstKey === undefined) {
            keys.set(fold(key), resource);
        } else if (`${firstKey.hive}\\${firstKey.path}` !== key) {
            const first = `${firstKey.hive}\\${firstKey.path}`;
            out.push(report(nodeName, 'a registry key', 'key', first, key, firstKey, resource));
            continue;
        }
        const valueId = `${fold(key)}\u0000${fold(name)}`;
        const firstName = names.get(valueId);
        if (firstName === undefined) names.set(valueId, resource);
        else if (firstName.name !== name) {
            out.push(report(nodeName, `a value of ${key}`, 'value', firstName.name, name, firstName, resource));
        }
    }
    return out;
}

function report(node: string, what: string, noun: string, first: string, second: string, earlier: Spelled, later: Spelled): PendingDiagnostic {
    return diag('RegistryKeyCase', { node, what, noun, first, second }, at(later.pointer), [{ message: `The spelling "${first}".`, pointer: earlier.pointer }]);
}
