import { diag, at, type PendingDiagnostic } from '../diagnostics/diagnostic.js';
import { hasWow6432Node, isKeyProblem, isRedirected, parseRegistryKey } from '../frontend/registry-key.js';
import { allBaselines, type Rule } from './rule.js';

export const MAX_QWORD = (1n << 64n) - 1n;

/** A QWORD as written in a manifest: a JSON integer, a decimal string or a 0x-hex string (validated by the schema). */
export function parseQword(value: number | string): bigint {
    return typeof value === 'number' ? BigInt(value) : BigInt(value.toLowerCase());
}

export const registryKeys: Rule = {
    name: 'registry-keys',
    description:
        'Registry values are in range and their keys are well-formed full paths outside HKEY_CURRENT_USER, and a 32-bit view is only requested where Windows redirects it.',
    reports: ['InvalidRegistryKey', 'CurrentUserHive', 'View32NotRedirected', 'DoubleWow6432Node', 'QwordOutOfRange'],
    check(site) {
        const out: PendingDiagnostic[] = [];
        for (const { baseline, pointer } of allBaselines(site)) {
            (baseline.registry ?? []).forEach((item, i) => {
                const where = at(`${pointer}/registry/${i}/key`);
                if (item.type === 'REG_QWORD' && (typeof item.value === 'string' || typeof item.value === 'number')) {
                    if (parseQword(item.value) > MAX_QWORD) {
                        out.push(diag('QwordOutOfRange', { value: String(item.value) }, at(`${pointer}/registry/${i}/value`)));
                    }
                }
                const parsed = parseRegistryKey(item.key);
                if (isKeyProblem(parsed)) {
                    out.push(diag('InvalidRegistryKey', { key: item.key, reason: parsed.reason }, where));
                    return;
                }
                if (parsed.hive === 'HKEY_CURRENT_USER') {
                    out.push(diag('CurrentUserHive', { key: item.key }, where));
                }
                if (item.view === '32') {
                    if (!isRedirected(parsed)) {
                        out.push(diag('View32NotRedirected', { key: item.key }, at(`${pointer}/registry/${i}/view`)));
                    } else if (hasWow6432Node(parsed)) {
                        out.push(diag('DoubleWow6432Node', { key: item.key }, where));
                    }
                }
            });
        }
        return out;
    },
};
