/**
 * The one-X Portal runbook steps of the guide's §4: distributing the desktop
 * client by Group Policy (§4.1–§4.7). Separate because it is its own chapter
 * and runs on a domain controller's tools, not on the portal server.
 */

import { mdText } from '../../emit/markdown.js';
import type { ManualStep } from '../../ir/types.js';
import { clientCommandLine } from './command-line.js';
import {
    CLIENT_HTTP_PORT,
    CLIENT_HTTPS_PORT,
    CLIENT_LABEL,
    CLIENT_PREREQUISITES,
    CLIENT_SETUP,
} from './data.js';
import { at, type Settings } from './model.js';
import { step, code, codes } from './runbook-steps.js';

export function groupPolicySteps(s: Settings): ManualStep[] {
    const c = s.clients!;
    const steps: ManualStep[] = [];
    const clients = c.clientList.map((k) => mdText(CLIENT_LABEL[k])).join(' and ');
    const prerequisites = `Every target machine needs ${[CLIENT_PREREQUISITES.dotNet.label, CLIENT_PREREQUISITES.officePia.label, CLIENT_PREREQUISITES.vsto.label].map(mdText).join(', ')}.`;
    if (c.distribution) {
        const msi = c.distribution.msiFile !== undefined ? `${c.distribution.share}\\${c.distribution.msiFile}` : undefined;
        steps.push(
            step(
                'onex-clients-distribution',
                'Create the distribution point for the desktop clients',
                '§4.1',
                at('desktopClients', 'distribution'),
                [
                    `Log on to the publishing server as an administrator. Share the folder behind ${code(c.distribution.share)} and give the target computers${c.gpo?.scope === 'user' ? ' and users' : ''} read access (e.g. ${code('Domain Computers')}: Read).`,
                    `In the shared folder, run the administrative installation ${code(`${CLIENT_SETUP} /a`)} and choose ${code(c.distribution.share)} as its network location.`,
                    prerequisites,
                ],
                msi ? `${code(msi)} exists.` : `The share holds the MSI of the administrative installation.`,
            ),
        );
        if (c.gpo) {
            const gpo = c.gpo;
            const configuration = (gpo.scope ?? 'computer') === 'user' ? 'User Configuration' : 'Computer Configuration';
            const deployment = gpo.deployment ?? 'assign';
            steps.push(
                step(
                    'onex-clients-gpo',
                    'Create the Group Policy Object',
                    '§4.2',
                    at('desktopClients', 'gpo'),
                    [
                        `In Group Policy Management (the guide describes the older Group Policy tab of Active Directory Users and Computers), create a GPO named ${code(gpo.name)} linked to the domain.`,
                        (gpo.securityGroups ?? []).length > 0
                            ? `On its **Security** tab (Delegation › Advanced), allow **Apply Group Policy** only for ${codes(gpo.securityGroups ?? [])}.`
                            : 'On its **Security** tab, allow **Apply Group Policy** only for the groups that should get the clients.',
                    ],
                ),
                step(
                    deployment === 'assign' ? 'onex-clients-assign' : 'onex-clients-publish',
                    deployment === 'assign' ? 'Assign the desktop clients' : 'Publish the desktop clients',
                    deployment === 'assign' ? '§4.3' : '§4.4',
                    at('desktopClients', 'gpo'),
                    [
                        `Edit ${code(gpo.name)}: **${configuration}** › **Software Settings** › right-click **Software Installation** › **New** › **Package**.`,
                        `In the **Open** dialog *type* the UNC path ${msi ? code(msi) : `of the MSI in ${code(c.distribution.share)}`}; do not browse to it.`,
                        deployment === 'assign'
                            ? `Choose **Assigned**. The clients (${clients}) install ${configuration === 'Computer Configuration' ? 'when the computers start' : 'when the users log on'}.`
                            : `Choose **Published**. Users install the clients (${clients}) from **Add or Remove Programs** › **Add New Programs**.`,
                    ],
                    deployment === 'assign' ? 'After a restart, a target computer lists the clients in Programs and Features.' : 'On a client computer, Add New Programs lists the package.',
                ),
                step(
                    'onex-clients-redeploy',
                    'After a portal upgrade: redeploy the desktop clients',
                    '§4.5, §4.6',
                    at('desktopClients', 'gpo'),
                    [
                        `When a new client version is put into ${code(c.distribution.share)}: edit ${code(gpo.name)}, right-click the package › **All Tasks** › **Redeploy application** › **Yes**.`,
                        'To withdraw the clients: **All Tasks** › **Remove**, then either uninstall immediately or let users keep them but prevent new installations.',
                    ],
                ),
            );
        }
    }
    steps.push(
        step(
            'onex-clients-silent',
            'Install the desktop clients silently on other machines',
            '§4.7',
            at('desktopClients'),
            [
                `${c.managed.length > 0 ? `The configurations of ${codes(c.managed)} run this command themselves. ` : ''}On any other machine, run as an administrator:`,
                code(clientCommandLine(s)),
                `${prerequisites} Do not add spaces around ${code('=')}; the clients connect with SECUREMODE=${c.secureModeValue} (port ${code(c.portNumber ?? (c.secureModeValue === 1 ? CLIENT_HTTPS_PORT : CLIENT_HTTP_PORT))}${c.portNumber === undefined ? ', inferred; the command leaves PORT_NUMBER out' : ''}).`,
            ],
        ),
    );
    return steps;
}
