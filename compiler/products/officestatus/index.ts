/**
 * OfficeStatus (Key Metric Software): the server (IIS web interface and web
 * service, SQL Server database, maintenance service) and the roll-out of the
 * OfficeStatus Windows Client to desktops. Source: "OfficeStatus Deployment
 * Guide" (2012); section numbers in comments and messages are the guide's.
 */

import type { Site } from '../../manifest/types.generated.js';
import type { CredentialUse, Product } from '../product.js';
import { TITLE } from './data.js';
import { lowerOfficeStatus } from './lower.js';
import { planOfficeStatus } from './plan.js';
import { isExisting, SECTION } from './model.js';
import { officeStatusAccounts } from './rules/accounts.js';
import { officeStatusClientPackages } from './rules/client-packages.js';
import { officeStatusDatabase } from './rules/database.js';
import { officeStatusNames } from './rules/names.js';
import { officeStatusPlatform } from './rules/platform.js';
import { officeStatusVersions } from './rules/versions.js';
import { officeStatusWebsite } from './rules/website.js';

/**
 * Every account the section names is typed into the server wizard by the
 * engineer (§4.2.3–§4.2.5); no DSC resource uses one, so they are
 * runbook-only: checked and counted as used, but no configuration parameter.
 */
function credentialUses(site: Site): CredentialUse[] {
    const server = site.officeStatus?.server;
    if (!server) {
        return [];
    }
    const use = (name: string, pointer: string): CredentialUse => ({ node: server.node, name, pointer, runbookOnly: true });
    const uses = [
        use(server.serviceAccount.account.credential, `${SECTION}/server/serviceAccount/account/credential`),
        use(server.admin.account.credential, `${SECTION}/server/admin/account/credential`),
    ];
    if (isExisting(server.database) && server.database.setupLogin) {
        uses.push(use(server.database.setupLogin.credential, `${SECTION}/server/database/setupLogin/credential`));
    }
    return uses;
}

export const officeStatus: Product = {
    section: 'officeStatus',
    title: TITLE,
    rules: [
        officeStatusNames,
        officeStatusPlatform,
        officeStatusVersions,
        officeStatusDatabase,
        officeStatusWebsite,
        officeStatusClientPackages,
        officeStatusAccounts,
    ],
    credentialUses,
    lowerNode: lowerOfficeStatus,
    planSite: planOfficeStatus,
};
