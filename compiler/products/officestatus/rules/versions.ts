import { diag, at, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { TELEPHONY_MIN_MAJOR } from '../data.js';
import { clientGroups, compareMajorMinor, majorMinor, SECTION } from '../model.js';

/**
 * Client and server versions (§6.1): a client whose major.minor is higher
 * than the server's reports an error and cannot communicate, so the server
 * is upgraded first. Telephony needs client v3.0 or later (§7.2).
 */
export const officeStatusVersions: Rule = {
    name: 'officestatus-versions',
    description:
        'No OfficeStatus client group installs a major.minor version higher than the server\'s, and groups using telephony install client 3.0 or later.',
    reports: ['OfficeStatusClientNewerThanServer', 'OfficeStatusTelephonyNeedsV3'],
    check(site) {
        const section = site.site.officeStatus;
        if (!section) {
            return [];
        }
        const out: PendingDiagnostic[] = [];
        const server = majorMinor(section.server.version);
        const serverMajorMinor = `${server.major}.${server.minor}`;
        for (const { group, pointer } of clientGroups(section)) {
            const client = majorMinor(group.version);
            if (compareMajorMinor(client, server) > 0) {
                out.push(
                    diag(
                        'OfficeStatusClientNewerThanServer',
                        {
                            group: group.name,
                            client: group.version,
                            clientMajorMinor: `${client.major}.${client.minor}`,
                            server: section.server.version,
                            serverMajorMinor,
                        },
                        at(`${pointer}/version`),
                        [{ message: `The server's version is ${section.server.version}.`, pointer: `${SECTION}/server/version` }],
                    ),
                );
            }
            if (group.telephony === true && client.major < TELEPHONY_MIN_MAJOR) {
                out.push(diag('OfficeStatusTelephonyNeedsV3', { group: group.name, version: group.version }, at(`${pointer}/telephony`)));
            }
        }
        return out;
    },
};
