/**
 * Facts from "OX Updater for Administrators" (OX Software GmbH, labelled
 * v.7.8.4, 2017) that the OX Updater product module relies on, written down
 * here so the compiler never reads the guide. Sections: §1.1 Initial setup,
 * §1.2 PTF is available, §1.3 OXtender for MS Outlook plug-ins (§1.3.1 to
 * §1.3.4), §1.5 Functioning.
 *
 * The guide describes an Open-Xchange server (a Linux package system, not a
 * Windows node) and Windows desktops where users install the Updater
 * interactively; it has no Windows server side at all.
 */

export const GUIDE = 'OX Updater for Administrators';

export function guide(sections: string): string {
    return `${GUIDE} ${sections}`;
}

/** Runbook section title (ManualStep.section). */
export const TITLE = 'OX Updater and OXtender for Outlook';

export type Connector = 'connector' | 'connector2';

/** Product names the web interface uses (§1.1). */
export const CONNECTOR_NAME: Readonly<Record<Connector, string>> = {
    connector: 'Connector for Microsoft Outlook',
    connector2: 'Connector 2 for Microsoft Outlook',
};

/** Supported Outlook versions per connector (§1.1). */
export const SUPPORTED_OUTLOOK: Readonly<Record<Connector, readonly string[]>> = {
    connector: ['2003', '2007'],
    connector2: ['2003', '2007', '2010'],
};

/** Client PC operating systems (§1.1; the OCR reads "Windows YP, Windows Yista, Windows 7"). */
export const LISTED_CLIENT_OS: readonly string[] = ['WindowsXP', 'WindowsVista', 'Windows7'];

/** From this OXtender version on, an Updater-configured OXtender keeps its PST here (§1.5). */
export const PST_FOLDER = '%APPDATA%\\Open-Xchange';
export const PST_FROM_VERSION = '6.15.1';

/** Where users start the Updater download in the web interface (§1.1). */
export const WEB_UI_PATH = 'Configuration → Options → Connector for Microsoft Outlook';

/** OXpedia pages the guide points to for the server packages and permissions (§1.1, §1.2). */
export const OXPEDIA = {
    updater: 'http://oxpedia.org/wiki/index.php?title=Open-Xchange_Updater',
    permissions: 'http://oxpedia.org/wiki/index.php?title=Module_permissions_holgi',
    updating: 'http://oxpedia.org/wiki/index.php?title=UpdatingOXPackages',
} as const;

export type Plugin = 'passwordChange' | 'personalData' | 'mailFilter' | 'vacationNotice';

/** The plug-ins in the guide's order, with their section and name. */
export const PLUGINS: readonly { readonly id: Plugin; readonly name: string; readonly section: string }[] = [
    { id: 'passwordChange', name: 'Password change', section: '§1.3.1' },
    { id: 'personalData', name: 'Personal data', section: '§1.3.2' },
    { id: 'mailFilter', name: 'Mail filter', section: '§1.3.3' },
    { id: 'vacationNotice', name: 'Vacation notice', section: '§1.3.4' },
];

/** Server packages and settings the plug-ins need (§1.3). */
export const PASSWORD_CHANGE_SERVLET = 'open-xchange-passwordchange-servlet';
export const PASSWORD_CHANGE_OPTION = '--access-edit-password on';
export const PERSONAL_DATA_SETTING = 'ENABLE_INTERNAL_USER_EDIT=TRUE';
export const PERSONAL_DATA_FILE = 'foldercache.properties';
export const MAIL_FILTER_PACKAGE = 'open-xchange-mailfilter';
export const MAIL_FILTER_PROPERTY = 'com.openexchange.mail.filter';
