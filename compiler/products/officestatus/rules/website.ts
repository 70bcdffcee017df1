import { diag, at } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { SECTION } from '../model.js';

/**
 * Installing into the root of an existing website makes the installer
 * reconfigure that site for its own use (§4.2.2); a site xprc creates for
 * OfficeStatus has nothing else to lose.
 */
export const officeStatusWebsite: Rule = {
    name: 'officestatus-website',
    description: 'Installing OfficeStatus into the root of an existing website, which the installer reconfigures, is reported.',
    reports: ['OfficeStatusRootOfExistingSite'],
    check(site) {
        const website = site.site.officeStatus?.server.website;
        if (!website || website.create === true || (website.placement ?? 'virtualDirectory') !== 'root') {
            return [];
        }
        return [diag('OfficeStatusRootOfExistingSite', { site: website.name }, at(`${SECTION}/server/website/placement`))];
    },
};
