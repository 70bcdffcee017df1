/**
 * XPR runbook, the later setup dialogs (Cluster Installation guide
 * §4.4.3–§4.4.14): folders, service account, voice format, program folder,
 * authentication, summary, regional settings, the SMTP and CTI APL dialogs,
 * SSL and finishing setup. Split from runbook-setup-components.ts only to keep
 * each chapter file readable; the dialog order is fixed in runbook.ts.
 */

import { install, upgrade } from './data.js';
import { c, type Context, type Step, SETUP_DONE_STEP } from './runbook-context.js';

export function foldersDialog({ xpr }: Context): Step {
    const folder = (label: string, path: string | undefined) => `**${label}**: ${path === undefined ? 'accept the suggested default' : c(path)}.`;
    return {
        id: 'xpr-setup-folders',
        title: 'Setup: database and document folders',
        instructions: [
            folder('Database folder', xpr.databaseFolder),
            folder('Document folder', xpr.documentFolder),
            'No blanks in either path. The document folder grows with every message: watch its free space, especially in the first weeks. **Next**.',
        ],
        guide: install('§4.4.3'),
        pointer: '/xpr',
    };
}

export function serviceAccountLines({ serviceUser, credentialName }: Context): string[] {
    return [
        'Tick **Assign an account to Xpressions services**.',
        `**User name**: ${c(serviceUser)}. **Password**: the password of credential ${c(credentialName)} (the one build.ps1 asked for). **Next**.`,
    ];
}

export function serviceAccountDialog(ctx: Context): Step {
    return {
        id: 'xpr-setup-service-account',
        title: 'Setup: login account for the XPR services',
        instructions: serviceAccountLines(ctx),
        verify: `After setup, \`Get-CimInstance Win32_Service -Filter "Name='mrs'"\` shows StartName ${c(ctx.serviceUser)}.`,
        guide: `${install('§4.4.4')}; ${upgrade('§2.12.1')}`,
        pointer: '/xpr/serviceAccount',
    };
}

export function voiceFormatDialog({ xpr }: Context): Step {
    const format = xpr.voiceFormat ?? 'A-Law';
    return {
        id: 'xpr-setup-voice-format',
        title: 'Setup: default voice format',
        instructions: [`Select **${format === 'A-Law' ? 'A-Law' : 'µ-Law'}**, **Next**.`],
        guide: install('§4.4.5'),
        // The section either way: an omitted default and its explicit value give the same bytes.
        pointer: '/xpr',
    };
}

export function programFolderDialog({ xpr }: Context): Step {
    return {
        id: 'xpr-setup-program-folder',
        title: 'Setup: program folder',
        instructions: [
            xpr.programFolder === undefined
                ? 'Accept the suggested program folder (the guide recommends it), **Next**.'
                : `Program folder: ${c(xpr.programFolder)}, **Next**.`,
        ],
        guide: install('§4.4.6'),
        pointer: xpr.programFolder === undefined ? '/xpr' : '/xpr/programFolder',
    };
}

export function authenticationDialog({ xpr }: Context): Step {
    const auth = xpr.authentication ?? {};
    const windows = (auth.mode ?? 'windowsAccount') === 'windowsAccount';
    return {
        id: 'xpr-setup-authentication',
        title: 'Setup: user authentication',
        instructions: windows
            ? [
                  'Select **Login via the Windows user account**, **Next**.',
                  `XPR administrator: ${c(auth.administratorAccount ?? '')}. XPR postmaster: ${c(auth.postmasterAccount ?? '')}. **Next**.`,
              ]
            : [
                  'Select **Login via Xpressions account (user name+password(PIN))**, **Next**. The guide says this choice cannot be changed later.',
                  'Administrator: keep the suggested user name; enter a complex password twice, **Next**.',
                  'Postmaster (the name is fixed): enter a complex password twice, **Next**.',
                  'Store both passwords in the password vault now: setup also keeps them encrypted in the registry for recovery after a database loss, and later password changes are not written there, so a recovery needs the passwords entered here.',
              ],
        guide: install(windows ? '§4.4.7' : '§4.4.7, §4.4.7.1'),
        pointer: xpr.authentication === undefined ? '/xpr' : '/xpr/authentication',
    };
}

export function summaryDialog({ host }: Context): Step {
    return {
        id: 'xpr-setup-summary',
        title: 'Setup: summary',
        instructions: ['Compare the summary with the values of the steps above (**< Back** corrects them), then **Next**: setup copies the files.'],
        guide: install('§4.4.8'),
        pointer: host.pointer,
    };
}

export function regionalDialog({ xpr }: Context): Step {
    const r = xpr.regional;
    const ranges = r.rangeCodes ?? [];
    return {
        id: 'xpr-setup-regional',
        title: 'Setup: regional connection settings',
        instructions: [
            `**Phone number dialing rules for country**: ${c(r.country)}.`,
            [
                `- **Area code (w/o prefix)**: ${c(r.areaCode)}`,
                `- **Subscriber code**: ${r.subscriberCode === undefined ? 'leave empty (range codes below)' : c(r.subscriberCode)}`,
                `- **International Prefix**: ${c(r.internationalPrefix)}`,
                `- **National Prefix**: ${c(r.nationalPrefix)}`,
                `- **External Prefix**: ${r.externalPrefix === undefined || r.externalPrefix === '' ? 'none (leave empty)' : c(r.externalPrefix)}`,
            ].join('\n'),
            ranges.length === 0
                ? 'Under **Advanced… > Locations**, check that the location shows these codes, **OK**.'
                : `Under **Advanced… > Locations**, double-click the location, delete the **SubscriberCode (Office code)** entry and add one **RangeCode (Number range)** per range (right-click **Location codes > Add**): ${ranges.map((range) => c(range)).join(', ')}. **OK**, **OK**.`,
            '**Next**.',
        ],
        guide: install('§4.4.9.1'),
        pointer: '/xpr/regional',
    };
}

export function smtpAplDialog({ host }: Context): Step | undefined {
    const smtp = host.components.smtpApl;
    if (!smtp) {
        return undefined;
    }
    const connection = smtp.connection ?? 'permanent';
    const usage = smtp.usage ?? ['internetMail'];
    const labels: Record<string, string> = {
        internetMail: 'Sending and receiving e-mail via the Internet',
        pop3: 'POP3 access',
        imap4: 'IMAP4 access',
    };
    const connectionLine =
        connection === 'notAtAll'
            ? 'Connection: **Not at all** (mail only between XPR users), **Next**.'
            : connection === 'dialUp'
              ? 'Connection: **Temporarily via a dial-up connection**, **Next**.'
              : 'Connection: the option for a permanent connection (the guide does not print its label), **Next**.';
    const dial = smtp.dialUp;
    return {
        id: 'xpr-setup-smtp-apl',
        title: 'Setup: SMTP APL wizard',
        instructions: [
            connectionLine,
            `Usage: tick ${usage.map((u) => `**${labels[u] ?? u}**`).join(', ')}; untick the others, **Next**.`,
            ...(connection === 'dialUp' && dial
                ? [
                      `RAS phone book entry ${c(dial.phonebookEntry)}, user ${c(dial.userName)}${dial.domain ? `, domain ${c(dial.domain)}` : ''}, and its password, **Next**.`,
                  ]
                : []),
            '**Finish**.',
        ],
        guide: install('§4.4.9.2'),
        pointer: `${host.pointer}/components/smtpApl`,
    };
}

export function ctiAplDialog({ host }: Context): Step | undefined {
    if (!host.components.ctiApl) {
        return undefined;
    }
    return {
        id: 'xpr-setup-cti-apl',
        title: 'Setup: CTI APL wizard',
        instructions: ['Untick every option, **Next**, **Finish**; the CTI APL is configured later in the XPR Monitor.'],
        guide: install('§4.4.9.3'),
        pointer: `${host.pointer}/components/ctiApl`,
    };
}

function certificateName({ site, host }: Context): string {
    const given = host.components.webApl?.sslServerName;
    if (given) {
        return given;
    }
    return site.domain ? `${host.nodeName.toLowerCase()}.${site.domain}` : host.nodeName;
}

export function sslDialogs(ctx: Context): Step {
    const name = certificateName(ctx);
    const web = ctx.host.components.webApl !== undefined;
    return {
        id: 'xpr-setup-ssl',
        title: 'Setup: SSL certificates',
        instructions: [
            ...(web
                ? [`Web Assistant certificate: **Server name** ${c(name)} (the host name users type in the browser; a proxy alias if there is one), the other certificate fields as the customer wants them, a complex **Password** twice, **Next**.`]
                : []),
            `stunnel certificate: **Server name** ${c(name)}, the other fields as above, **Next**.`,
            'An own certificate must be Base64-encoded; the XPR Monitor rejects other encodings.',
        ],
        guide: install('§4.4.10'),
        pointer: web ? `${ctx.host.pointer}/components/webApl` : ctx.host.pointer,
    };
}

export function finishSetup({ host }: Context): Step {
    return {
        ...SETUP_DONE_STEP.kernel,
        instructions: [
            '**Finish** the XPR server software installation.',
            'In the Component Installer\'s completion dialog keep **Reboot system** ticked and click **OK**; the computer reboots.',
            'Activate the antivirus software again.',
        ],
        verify: 'After the reboot, `Get-Service mrs` shows the XPR Administrator running.',
        guide: `${install('§4.4.11, §4.4.14')}; ${upgrade('§2.8.1 step 52')}`,
        pointer: host.pointer,
    };
}
