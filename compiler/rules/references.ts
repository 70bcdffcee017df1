import { diag, at, type PendingDiagnostic } from '../diagnostics/diagnostic.js';
import { credentialReferences } from '../frontend/resolve.js';
import { joinPointer } from '../frontend/source.js';
import { suggest } from '../frontend/validate.js';
import type { Rule } from './rule.js';

export const references: Rule = {
    name: 'references',
    description:
        'Every credential reference names a declared credential and every baseline profile a node or role applies is declared; unused declarations are reported as warnings.',
    reports: ['UnknownCredential', 'UnknownBaseline', 'UnusedCredential', 'UnusedBaseline'],
    check(site) {
        const out: PendingDiagnostic[] = [];
        const credentials = Object.keys(site.site.credentials ?? {});
        const profiles = Object.keys(site.site.baselines ?? {});

        const usedCredentials = new Set<string>();
        for (const ref of credentialReferences(site)) {
            usedCredentials.add(ref.name);
            if (!credentials.includes(ref.name)) {
                out.push(diag('UnknownCredential', { name: ref.name, suggestion: suggest(ref.name, credentials) }, at(ref.pointer)));
            }
        }

        const appliedProfiles = new Set<string>();
        site.site.nodes.forEach((node, i) => {
            (node.baselines ?? []).forEach((name, j) => {
                appliedProfiles.add(name);
                if (!profiles.includes(name)) {
                    out.push(diag('UnknownBaseline', { name, suggestion: suggest(name, profiles) }, at(`/nodes/${i}/baselines/${j}`)));
                }
            });
        });

        // Role baselines (site `roles`) name profiles too; a profile only a role applies is used.
        for (const [role, entry] of Object.entries(site.site.roles ?? {})) {
            entry.baselines.forEach((name, j) => {
                appliedProfiles.add(name);
                if (!profiles.includes(name)) {
                    out.push(diag('UnknownBaseline', { name, suggestion: suggest(name, profiles) }, at(joinPointer('/roles', role, 'baselines', j))));
                }
            });
        }

        for (const name of credentials) {
            if (!usedCredentials.has(name)) {
                out.push(diag('UnusedCredential', { name }, at(joinPointer('/credentials', name), 'key')));
            }
        }
        for (const name of profiles) {
            if (!appliedProfiles.has(name)) {
                out.push(diag('UnusedBaseline', { name }, at(joinPointer('/baselines', name), 'key')));
            }
        }
        return out;
    },
};
