/**
 * The one-X Portal runbook steps for the Exchange integration (the guide's
 * §3.1–§3.4). Separate because they go either on the Exchange node's runbook
 * or, when Exchange is not a node of the site, on the portal's
 * (runbook-portal.ts).
 */

import type { ManualStep } from '../../ir/types.js';
import type { Site } from '../../manifest/types.generated.js';
import { DIGEST_FEATURE, EXCHANGE_ACCOUNT, EXCHANGE_SCRIPT } from './data.js';
import { at, type Settings } from './model.js';
import { step, code, account } from './runbook-steps.js';

/** The Exchange steps: on the Exchange node's runbook, or (target 'portal') on the portal's when Exchange is not a node. */
export function exchangeSteps(site: Site, s: Settings, target: 'exchange' | 'portal'): ManualStep[] {
    const ex = s.exchange!;
    const where = target === 'portal' ? 'On the Exchange server, ' : '';
    const accountText = ex.account !== undefined ? `${account(site, ex.account)}` : `the account ${code(EXCHANGE_ACCOUNT)}`;
    const steps: ManualStep[] = [];
    if (target === 'portal') {
        steps.push(
            step(
                'onex-exchange-digest',
                'Enable Digest authentication for EWS on the Exchange server',
                '§3.1',
                at('exchange'),
                [
                    `On the Exchange server, add the IIS role service **Digest Authentication** (${code(DIGEST_FEATURE)}): Server Manager › Add Roles and Features › Web Server (IIS) › Web Server › Security (Windows Server 2008/2008 R2: Roles › Web Server (IIS) › Add Role Services).`,
                    `In IIS Manager, select ${code(ex.ewsLocation)} › **Authentication**: **Disable** Anonymous Authentication and **Enable** Digest Authentication.`,
                ],
                `${code(ex.ewsLocation)} lists Anonymous Authentication Disabled and Digest Authentication Enabled.`,
            ),
        );
    }
    steps.push(
        step(
            'onex-exchange-mailbox',
            `Create the ${EXCHANGE_ACCOUNT} mailbox`,
            '§3.2',
            ex.account !== undefined ? at('exchange', 'account') : at('exchange'),
            [
                `${where}In the Exchange management console, right-click **Mailbox** › **New Mailbox** › **User Mailbox** › **New User**, and create ${accountText} with the user logon name ${code(EXCHANGE_ACCOUNT)}: the impersonation script works only for that name. Set the mailbox settings and alias, then **New** and **Finish**.`,
            ],
            `The mailbox ${code(EXCHANGE_ACCOUNT)} exists.`,
        ),
        step(
            'onex-exchange-account',
            `Keep the ${EXCHANGE_ACCOUNT} password from expiring`,
            '§3.3',
            ex.account !== undefined ? at('exchange', 'account') : at('exchange'),
            [
                `In Active Directory Users and Computers › **Users**, open ${code(EXCHANGE_ACCOUNT)} › **Account** tab: tick **Password never expires** and clear **User must change password at next login**.`,
            ],
        ),
        step(
            'onex-exchange-impersonation',
            `Grant ${EXCHANGE_ACCOUNT} the impersonation rights`,
            '§3.4',
            at('exchange'),
            [
                `Save the script from the portal (**Configuration** › **Exchange Service** › **Download Powershell script**) ${target === 'portal' ? 'on the Exchange server ' : ''}as ${code(EXCHANGE_SCRIPT)}: it cannot run from elsewhere, such as the desktop.`,
                `${where}${target === 'portal' ? 'run' : 'Run'} ${code(`powershell -noexit ${EXCHANGE_SCRIPT}`)} (the guide writes the drive as a placeholder followed by a stray space).`,
            ],
            `The script prints *Permissions for mailbox ${EXCHANGE_ACCOUNT} updated successfully* (not *Create mailbox ${EXCHANGE_ACCOUNT} and run this script again*).`,
        ),
    );
    return steps;
}
