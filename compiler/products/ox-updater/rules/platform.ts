import { diag, at, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { LISTED_CLIENT_OS } from '../data.js';
import { clientGroups, sameNode } from '../model.js';

/**
 * Client operating systems (§1.1): Windows XP, Vista and 7. The guide is
 * labelled v.7.8.4 but reads like the OX6 era, so later Windows may well be
 * supported by current releases: a warning, for named machines (their node
 * `os`) and for the systems a Group Policy group declares.
 */
export const oxUpdaterPlatform: Rule = {
    name: 'ox-updater-platform',
    description: 'OX client machines run a Windows version the guide lists (Windows XP, Vista or 7); others are reported as warnings.',
    reports: ['OxClientOsNotListed'],
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
            });
            (group.operatingSystems ?? []).forEach((os, j) => {
                if (!LISTED_CLIENT_OS.includes(os)) {
                    out.push(diag('OxClientOsNotListed', { group: group.name, what: 'the group', os }, at(`${pointer}/operatingSystems/${j}`)));
                }
            });
        }
        return out;
    },
};
