import { diag, at, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { isExisting, SECTION } from '../model.js';

/**
 * The wizard asks for account names (§4.2.3 the OfficeStatus Windows
 * account, §4.2.4 the SQL Server login, §4.2.5 the administrator), and the
 * runbook fills them in from the credential references' `userName`. The
 * password is never in the manifest: the engineer types it from the vault.
 */
export const officeStatusAccounts: Rule = {
    name: 'officestatus-accounts',
    description: 'Every credential the OfficeStatus installer is given declares the account\'s user name.',
    reports: ['OfficeStatusAccountWithoutUserName'],
    check(site) {
        const section = site.site.officeStatus;
        if (!section) {
            return [];
        }
        const out: PendingDiagnostic[] = [];
        const uses: { name: string; role: string; pointer: string }[] = [
            { name: section.server.serviceAccount.account.credential, role: 'Windows account', pointer: `${SECTION}/server/serviceAccount/account/credential` },
            { name: section.server.admin.account.credential, role: 'administrator', pointer: `${SECTION}/server/admin/account/credential` },
        ];
        const database = section.server.database;
        if (isExisting(database) && database.setupLogin) {
            uses.push({ name: database.setupLogin.credential, role: 'SQL Server setup login', pointer: `${SECTION}/server/database/setupLogin/credential` });
        }
        for (const use of uses) {
            const declared = site.site.credentials?.[use.name];
            // An undeclared reference is the references rule's to report.
            if (declared !== undefined && !declared.userName) {
                out.push(diag('OfficeStatusAccountWithoutUserName', { name: use.name, role: use.role }, at(use.pointer)));
            }
        }
        return out;
    },
};
