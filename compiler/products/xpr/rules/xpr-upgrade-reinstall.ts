import { at, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { SOURCE_LABELS } from '../upgrade-data.js';
import { siteUpgrade, routeAccepted } from '../upgrade-matrix.js';

const WEBCLIENT_SOURCES: readonly string[] = ['V6R2', 'V6R1', 'V6R0'];
const CYPHONEWEB_SOURCES: readonly string[] = ['MRS8.03', 'MRS8'];

/** `D:\XPR\` and `d:\xpr` are the same folder. */
const samePath = (a: string, b: string): boolean => a.replace(/\\+$/, '').toLowerCase() === b.replace(/\\+$/, '').toLowerCase();

/**
 * The source system's names, folders and data. On the backup, uninstall,
 * reinstall and restore path (§2.1 note 1, §2.9–§2.11) the backup has a
 * place off the host, the fresh installation keeps the server name and the
 * folders (§2.9.2), the credentials the procedure needs are referenced, and
 * what the backup leaves out is said (§2.1 notes 3, 6, 7). An in-place
 * repair keeps them too: it upgrades the installation where it is (§2.8).
 * (The Connection APL on a satellite, which Smart Backup leaves out, is
 * xpr-placement's XPR3124 for every manifest.)
 */
export const xprUpgradeReinstall: Rule = {
    name: 'xpr-upgrade-reinstall',
    description: 'An upgrade keeps the server name and folders of the source (§2.8, §2.9.2); a backup/reinstall/restore upgrade also has a backup location, references the credentials it needs, and warns about data the backup does not keep.',
    reports: [
        'XprUpgradeBackupPathMissing',
        'XprUpgradePreviousChanged',
        'XprUpgradePreviousUnknown',
        'XprUpgradeCredentialMissing',
        'XprUpgradeWebClientNotBackedUp',
        'XprUpgradeCyPhoneWebNotBackedUp',
        'XprUpgradeSmsAplConfigLost',
        'XprUpgradeInPlaceChanged',
    ],
    check(site) {
        const found = siteUpgrade(site.site);
        if (!found || !routeAccepted(found.a)) {
            return [];
        }
        const { xpr, a } = found;
        const out: PendingDiagnostic[] = [];
        const upgrade = a.upgrade;
        const reinstall = a.method === 'backupReinstallRestore';
        if (reinstall && upgrade.backupPath === undefined) {
            out.push(diag('XprUpgradeBackupPathMissing', { row: a.row.id }, at('/xpr/upgrade')));
        }
        const previous = upgrade.previous ?? {};
        const compared = [
            { key: 'serverName', what: 'XPR server name', before: previous.serverName, after: xpr.serverName, same: (x: string, y: string) => x === y },
            { key: 'installPath', what: 'installation folder', before: previous.installPath, after: xpr.installPath, same: samePath },
            { key: 'databaseFolder', what: 'database folder', before: previous.databaseFolder, after: xpr.databaseFolder, same: samePath },
        ] as const;
        for (const c of compared) {
            if (c.before !== undefined && (c.after === undefined || !c.same(c.before, c.after))) {
                const args = { what: c.what, previous: c.before, target: c.after ?? "(not set: the setup's default)", property: `"${c.key}"` };
                const related = c.after !== undefined ? [{ message: `the target's ${c.what}`, pointer: `/xpr/${c.key}` }] : undefined;
                const where = at(`/xpr/upgrade/previous/${c.key}`);
                out.push(
                    reinstall
                        ? diag('XprUpgradePreviousChanged', args, where, related)
                        : diag('XprUpgradeInPlaceChanged', { ...args, method: a.method === 'silentRepair' ? 'silent repair' : a.method === 'repair' ? 'Repair' : 'fix-release Repair' }, where, related),
                );
            }
        }
        if (!reinstall) {
            return out;
        }
        const missing = [
            ...(previous.serverName === undefined ? ['"serverName"'] : []),
            ...(previous.installPath === undefined ? ['"installPath"'] : []),
            ...(previous.databaseFolder === undefined && xpr.databaseFolder !== undefined ? ['"databaseFolder"'] : []),
        ];
        if (missing.length > 0) {
            out.push(diag('XprUpgradePreviousUnknown', { missing: missing.join(', ') }, at(upgrade.previous ? '/xpr/upgrade/previous' : '/xpr/upgrade')));
        }
        const credentials = at(upgrade.credentials ? '/xpr/upgrade/credentials' : '/xpr/upgrade');
        if (upgrade.uccComponents === true && upgrade.credentials?.pgRoot === undefined) {
            out.push(
                diag(
                    'XprUpgradeCredentialMissing',
                    { name: 'pgRoot', reason: 'with UCC components the fresh installation must give the PostgreSQL user PGROOT the password of the old system' },
                    credentials,
                ),
            );
        }
        if (upgrade.backupPath?.startsWith('\\\\') === true && upgrade.credentials?.backupShare === undefined) {
            out.push(
                diag(
                    'XprUpgradeCredentialMissing',
                    { name: 'backupShare', reason: `the backup goes to the share ${upgrade.backupPath}, which needs an account that can write to it and read it back after the reinstall` },
                    credentials,
                ),
            );
        }
        const source = SOURCE_LABELS[a.from];
        if (WEBCLIENT_SOURCES.includes(a.from)) {
            out.push(diag('XprUpgradeWebClientNotBackedUp', { source }, at('/xpr/upgrade/from')));
        } else if (CYPHONEWEB_SOURCES.includes(a.from)) {
            out.push(diag('XprUpgradeCyPhoneWebNotBackedUp', { source }, at('/xpr/upgrade/from')));
        } else if (a.from === 'V5R4FR13') {
            out.push(diag('XprUpgradeSmsAplConfigLost', {}, at('/xpr/upgrade/from')));
        }
        return out;
    },
};
