import { at, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { xprHosts } from '../model.js';

/** The Report APL and its SQL database (Upgrade guide §2.3.10). */
export const xprReportApl: Rule = {
    name: 'xpr-report-apl',
    description: 'A Report APL has its SQL database settings, the database name is a SQL regular identifier, and deprecated engines are reported.',
    reports: ['XprReportDatabaseMissing', 'XprReportDatabaseName', 'XprReportLegacyEngine'],
    check(site) {
        const xpr = site.site.xpr;
        if (!xpr) {
            return [];
        }
        const out: PendingDiagnostic[] = [];
        for (const host of xprHosts(xpr)) {
            const reportApl = host.components.reportApl;
            if (!reportApl) {
                continue;
            }
            const pointer = `${host.pointer}/components/reportApl`;
            const database = reportApl.database;
            if (!database) {
                out.push(diag('XprReportDatabaseMissing', { node: host.nodeName }, at(pointer)));
                continue;
            }
            const reason = irregularIdentifier(database.name);
            if (reason) {
                out.push(diag('XprReportDatabaseName', { name: database.name, reason }, at(`${pointer}/database/name`)));
            }
            if (database.engine === 'MSDE' || database.engine === 'CodeBase') {
                out.push(diag('XprReportLegacyEngine', { engine: database.engine }, at(`${pointer}/database/engine`)));
            }
        }
        return out;
    },
};

/**
 * Why a name is not a regular identifier of SQL Server ("Database
 * identifiers", the page the guide links): the first character is a letter
 * or underscore (@ and # have special meanings at the start), the others
 * letters, digits, @, $, # or underscore; no blanks.
 */
export function irregularIdentifier(name: string): string | undefined {
    const first = name.charAt(0);
    if (!/^[A-Za-z_]$/.test(first)) {
        return `it starts with "${first}"`;
    }
    const bad = [...name].find((ch) => !/^[A-Za-z0-9_@$#]$/.test(ch));
    if (bad !== undefined) {
        return bad === ' ' ? 'it contains a blank' : `it contains "${bad}"`;
    }
    return undefined;
}
