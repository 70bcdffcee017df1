import { diag, at, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { EXPRESS_MAX_USERS } from '../data.js';
import { engineLabel, isDomainAccount, isExisting, isExpressClass, isSupportedEngine, sameNode, SECTION } from '../model.js';

/**
 * The database (§2.4, §4.2.3, §4.2.4): a supported SQL Server platform,
 * Express-class engines for at most 100 users, and a service account that
 * the database's server can authenticate: the installer binds the database
 * owner login to that Windows account, which a SQL Server on another machine
 * only knows when it is a domain account (standard Windows behaviour, not
 * stated in the guide).
 */
export const officeStatusDatabase: Rule = {
    name: 'officestatus-database',
    description:
        'The OfficeStatus database runs on a supported SQL Server platform sized for the expected users, and a database on another machine is used with a domain service account.',
    reports: ['OfficeStatusDatabaseNotSupported', 'OfficeStatusExpressTooSmall', 'OfficeStatusLocalAccountRemoteDatabase'],
    check(site) {
        const section = site.site.officeStatus;
        if (!section) {
            return [];
        }
        const out: PendingDiagnostic[] = [];
        const database = section.server.database;
        const pointer = `${SECTION}/server/database`;
        if (isExisting(database) && !isSupportedEngine(database)) {
            out.push(diag('OfficeStatusDatabaseNotSupported', { engine: engineLabel(database) }, at(`${pointer}/engine`)));
        }
        const users = section.server.expectedUsers;
        if (users !== undefined && users > EXPRESS_MAX_USERS && isExpressClass(database)) {
            out.push(
                diag('OfficeStatusExpressTooSmall', { users, engine: engineLabel(database) }, at(`${SECTION}/server/expectedUsers`)),
            );
        }
        if (isExisting(database) && database.server !== '(local)' && !sameNode(database.server.split('.')[0] ?? '', section.server.node)) {
            const reference = section.server.serviceAccount.account.credential;
            const userName = site.site.credentials?.[reference]?.userName;
            // Without a userName the accounts rule reports the credential; without a declaration, the references rule.
            if (userName !== undefined && !isDomainAccount(userName, section.server.node)) {
                out.push(
                    diag(
                        'OfficeStatusLocalAccountRemoteDatabase',
                        { account: userName, node: section.server.node, server: database.server },
                        at(`${pointer}/server`),
                        [{ message: `The account comes from credential "${reference}".`, pointer: `${SECTION}/server/serviceAccount/account/credential` }],
                    ),
                );
            }
        }
        return out;
    },
};
