import { diag, at, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { clientGroups, packageOf } from '../model.js';

/**
 * Client packages (§5.2, §5.5): a group's package must be declared (the guide
 * gives no file names or product codes); Group Policy deploys the MSI builds
 * only, and they do not install .NET Framework 2.0 SP2, so a Group Policy
 * group must confirm it is already there. Machines that are nodes are checked
 * by their install step when it runs.
 */
export const officeStatusClientPackages: Rule = {
    name: 'officestatus-client-packages',
    description:
        'Every OfficeStatus client group installs a declared package, and a group deployed by Group Policy uses an MSI build on computers confirmed to have .NET Framework 2.0 SP2.',
    reports: ['OfficeStatusPackageNotDeclared', 'OfficeStatusGpoNeedsMsi', 'OfficeStatusGpoWithoutDotNet'],
    check(site) {
        const section = site.site.officeStatus;
        if (!section) {
            return [];
        }
        const out: PendingDiagnostic[] = [];
        for (const { group, pointer } of clientGroups(section)) {
            if (!packageOf(section, group)) {
                out.push(diag('OfficeStatusPackageNotDeclared', { group: group.name, package: group.package }, at(`${pointer}/package`)));
            }
            if (group.targets.gpo === undefined) {
                continue;
            }
            if (group.package === 'exe') {
                out.push(diag('OfficeStatusGpoNeedsMsi', { group: group.name }, at(`${pointer}/package`)));
            }
            if (group.dotNetPreinstalled !== true) {
                out.push(diag('OfficeStatusGpoWithoutDotNet', { group: group.name }, at(`${pointer}/targets/gpo`)));
            }
        }
        return out;
    },
};
