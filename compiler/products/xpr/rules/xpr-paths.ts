import { at, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';

/**
 * The folders XPR setup creates (installation, database, documents, license
 * service, satellite destination) take no blanks (Upgrade guide §2.3.1.1,
 * Cluster Installation guide §4.4 step 3, §4.4.3) and lie on a local drive
 * (setup cannot create its shares on a substituted drive, §2.3.1.1).
 */
export const xprPaths: Rule = {
    name: 'xpr-paths',
    description: 'XPR installation, database, document, license service and satellite folders have no blanks and, like the medium copy, lie on a local drive.',
    reports: ['XprPathWithBlank', 'XprPathNotLocal'],
    check(site) {
        const xpr = site.site.xpr;
        if (!xpr) {
            return [];
        }
        const paths: { what: string; pointer: string; path: string | undefined; blanksMatter: boolean }[] = [
            { what: 'XPR installation folder', pointer: '/xpr/installPath', path: xpr.installPath, blanksMatter: true },
            { what: 'Database folder', pointer: '/xpr/databaseFolder', path: xpr.databaseFolder, blanksMatter: true },
            { what: 'Document folder', pointer: '/xpr/documentFolder', path: xpr.documentFolder, blanksMatter: true },
            { what: 'License service folder', pointer: '/xpr/licensing/licenseServicePath', path: xpr.licensing.licenseServicePath, blanksMatter: true },
            ...(xpr.satellites ?? []).map((satellite, i) => ({
                what: 'Satellite destination folder',
                pointer: `/xpr/satellites/${i}/installPath`,
                path: satellite.installPath,
                blanksMatter: true,
            })),
            // The medium copy may have blanks (setup runs from anywhere) but must be a folder of the node.
            { what: 'Medium copy folder', pointer: '/xpr/media/stagingPath', path: xpr.media?.stagingPath, blanksMatter: false },
        ];
        const out: PendingDiagnostic[] = [];
        for (const { what, pointer, path, blanksMatter } of paths) {
            if (path === undefined) {
                continue;
            }
            if (blanksMatter && /\s/.test(path)) {
                out.push(diag('XprPathWithBlank', { what, path }, at(pointer)));
            }
            if (path.startsWith('\\\\')) {
                out.push(diag('XprPathNotLocal', { what, path }, at(pointer)));
            }
        }
        return out;
    },
};
