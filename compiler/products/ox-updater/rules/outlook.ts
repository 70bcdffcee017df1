import { diag, at, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { CONNECTOR_NAME, SUPPORTED_OUTLOOK } from '../data.js';
import { clientGroups, SECTION } from '../model.js';

/**
 * The Outlook support matrix (§1.1): Connector for Microsoft Outlook supports
 * Outlook 2003 and 2007, Connector 2 also Outlook 2010. Nothing later.
 */
export const oxUpdaterOutlook: Rule = {
    name: 'ox-updater-outlook',
    description: 'Every OX client group uses an Outlook version that the published OXtender connector supports.',
    reports: ['OxOutlookNotSupported'],
    check(site) {
        const section = site.site.oxUpdater;
        if (!section) {
            return [];
        }
        const out: PendingDiagnostic[] = [];
        const connector = section.oxtender.connector;
        const supported = SUPPORTED_OUTLOOK[connector];
        for (const { group, pointer } of clientGroups(section)) {
            if (supported.includes(group.outlook)) {
                continue;
            }
            const remedy = SUPPORTED_OUTLOOK.connector2.includes(group.outlook)
                ? `Publish ${CONNECTOR_NAME.connector2} ("oxtender.connector": "connector2"), or use Outlook ${supported.join(' or ')} in this group.`
                : `Use Outlook ${supported.join(' or ')} in this group${
                      connector === 'connector' ? ' (or Outlook 2010 with Connector 2)' : ''
                  }; no OXtender in the guide supports Outlook ${group.outlook}.`;
            out.push(
                diag(
                    'OxOutlookNotSupported',
                    { group: group.name, outlook: group.outlook, connector: CONNECTOR_NAME[connector], supported: supported.join(', '), remedy },
                    at(`${pointer}/outlook`),
                    [{ message: `The server publishes ${CONNECTOR_NAME[connector]}.`, pointer: `${SECTION}/oxtender/connector` }],
                ),
            );
        }
        return out;
    },
};
