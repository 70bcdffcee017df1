/**
 * Registry string data Windows can store as written: no NUL inside REG_SZ,
 * REG_EXPAND_SZ or REG_MULTI_SZ data (the same for all three), and no empty
 * item inside a REG_MULTI_SZ (an empty string ends the list; regedit drops it).
 */

import { diag, at, type PendingDiagnostic } from '../diagnostics/diagnostic.js';
import { allBaselines, type Rule } from './rule.js';

export const registryStrings: Rule = {
    name: 'registry-strings',
    description: 'Registry string data holds no NUL character, and no item of a REG_MULTI_SZ is empty.',
    reports: ['RegistryNul', 'EmptyMultiStringItem'],
    check(site) {
        const out: PendingDiagnostic[] = [];
        for (const { baseline, pointer } of allBaselines(site)) {
            (baseline.registry ?? []).forEach((item, i) => {
                const base = `${pointer}/registry/${i}/value`;
                const type = item.type ?? '';
                const name = item.name ?? '';
                if ((type === 'REG_SZ' || type === 'REG_EXPAND_SZ') && typeof item.value === 'string' && item.value.includes('\u0000')) {
                    out.push(diag('RegistryNul', { name, type, item: '' }, at(base)));
                }
                if (type === 'REG_MULTI_SZ' && Array.isArray(item.value)) {
                    (item.value as unknown[]).forEach((entry, j) => {
                        if (entry === '') out.push(diag('EmptyMultiStringItem', { name, index: j }, at(`${base}/${j}`)));
                        else if (typeof entry === 'string' && entry.includes('\u0000')) {
                            out.push(diag('RegistryNul', { name, type, item: ` in item ${j}` }, at(`${base}/${j}`)));
                        }
                    });
                }
            });
        }
        return out;
    },
};
