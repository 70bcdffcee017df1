import { diag, at, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { clientGroups, hostNode, installsPackage, parseUnc, SECTION } from '../model.js';

/**
 * The guide only documents the interactive download of the Updater (§1.1);
 * a package roll-out needs the MSI's path and product code from the manifest.
 */
export const oxUpdaterPackage: Rule = {
    name: 'ox-updater-package',
    description: 'OX client groups that install the Updater as a package have the package declared, and a package on a share xprc creates is read from that share.',
    reports: ['OxUpdaterPackageMissing', 'OxPackagePathNotOnShare'],
    check(site) {
        const section = site.site.oxUpdater;
        if (!section) {
            return [];
        }
        const pkg = section.updaterPackage;
        if (pkg !== undefined) {
            const unc = parseUnc(pkg.path);
            if (pkg.share && (!unc || hostNode(unc.host) !== pkg.share.node.toUpperCase())) {
                return [diag('OxPackagePathNotOnShare', { path: pkg.path, node: pkg.share.node }, at(`${SECTION}/updaterPackage/path`))];
            }
            return [];
        }
        const out: PendingDiagnostic[] = [];
        for (const { group, pointer } of clientGroups(section)) {
            if (installsPackage(group)) {
                out.push(diag('OxUpdaterPackageMissing', { group: group.name }, at(`${pointer}/install`)));
            }
        }
        return out;
    },
};
