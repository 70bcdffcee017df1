/**
 * After lowering: one registry key (or one value name under a key) spelled
 * in two cases on one node, e.g. HKLM\SOFTWARE\Pp and HKLM\SOFTWARE\PP.
 * Windows compares both case-insensitively, so they are one key; the .reg
 * file and the DSC blocks would disagree about its spelling. Checked on the
 * IR because products add registry values of their own.
 */

import { diag, at, type PendingDiagnostic } from '../diagnostics/diagnostic.js';
import type { RegistryResource, SiteIR } from '../ir/types.js';

/** Case folding as Windows does for registry names (invariant upper case is close enough for names in a manifest). */
const fold = (s: string): string => s.toUpperCase();

export function checkRegistryKeyCase(site: SiteIR): PendingDiagnostic[] {
    const out: PendingDiagnostic[] = [];
    for (const node of site.nodes) {
        const registry = node.resources
            .filter((r): r is RegistryResource => r.kind === 'Registry')
            .sort((a, b) => (a.source.pointer < b.source.pointer ? -1 : a.source.pointer > b.source.pointer ? 1 : 0));
        const keys = new Map<string, RegistryResource>();
        const names = new Map<string, RegistryResource>();
        for (const resource of registry) {
            const { hive, path, name } = resource.value;
            const key = `${hive}\\${path}`;
            const firstKey = keys.get(fold(key));
            if (firstKey === undefined) {
                keys.set(fold(key), resource);
            } else if (`${firstKey.value.hive}\\${firstKey.value.path}` !== key) {
                const first = `${firstKey.value.hive}\\${firstKey.value.path}`;
                out.push(report(node.name, 'a registry key', 'key', first, key, firstKey, resource));
                continue;
            }
            const valueId = `${fold(key)}\u0000${fold(name)}`;
            const firstName = names.get(valueId);
            if (firstName === undefined) names.set(valueId, resource);
            else if (firstName.value.name !== name) {
                out.push(report(node.name, `a value of ${key}`, 'value', firstName.value.name, name, firstName, resource));
            }
        }
    }
    return out;
}

function report(node: string, what: string, noun: string, first: string, second: string, earlier: RegistryResource, later: RegistryResource): PendingDiagnostic {
    return diag('RegistryKeyCase', { node, what, noun, first, second }, at(later.source.pointer), [
        { message: `The spelling "${first}".`, pointer: earlier.source.pointer },
    ]);
}
