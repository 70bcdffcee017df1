import { diag, at, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { LISTED_CLIENT_OS } from '../data.js';
import { NO_DSC_OS } from '../../../frontend/defaults.js';
import { clientGroups, installsPackage, sameNode } from '../model.js';

/**
 * Client operating systems (§1.1): Windows XP, Vista and 7. The guide is
 * labelled v.7.8.4 but reads like the OX6 era, so later Windows may well be
 * supported by current releases: a warning, for named machines (their node
 * `os`) and for the systems a Group Policy group declares. A Group Policy
 * group must declare them (nothing else says what those computers run), and
 * a named node that gets the Updater MSI through DSC must be able to run DSC
 * (not XP or Vista).
 */
export const oxUpdaterPlatform: Rule = {
    name: 'ox-updater-platform',
    description:
        'OX client machines run a Windows version the guide lists (Windows XP, Vista or 7; others are warnings), a Group Policy group says which, and a node that DSC installs on can run DSC.',
    reports: ['OxClientOsNotListed', 'OxGpoGroupWithoutOs', 'OxClientWithoutDsc'],
    check(site) {
        const section = site.site.oxUpdater;
        if (!section) {
            return [];
        }
        const out: PendingDiagnostic[] = [];
        for (const { group, pointer } of clientGroups(section)) {
            (group.targets.nodes ?? []).forEach((name, j) => {
                const os = site.nodes.find((n) => sameNode(n.name, name))?.os;
                if (os !== undefined && !LISTED_CLIENT_OS.includes(os)) {
                    out.push(diag('OxClientOsNotListed', { group: group.name, what: `node "${name}"`, os }, at(`${pointer}/targets/nodes/${j}`)));
                }
                if (os !== undefined && NO_DSC_OS.includes(os) && installsPackage(group) && section.updaterPackage) {
                    out.push(diag('OxClientWithoutDsc', { group: group.name, node: name, os }, at(`${pointer}/targets/nodes/${j}`)));
                }
            });
            if (group.targets.gpo && group.operatingSystems === undefined) {
                out.push(diag('OxGpoGroupWithoutOs', { group: group.name }, at(`${pointer}/targets/gpo`)));
            }
            (group.operatingSystems ?? []).forEach((os, j) => {
                if (!LISTED_CLIENT_OS.includes(os)) {
                    out.push(diag('OxClientOsNotListed', { group: group.name, what: 'the group', os }, at(`${pointer}/operatingSystems/${j}`)));
                }
            });
        }
        return out;
    },
};
