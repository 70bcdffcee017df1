/**
 * Facts from the "OfficeStatus Deployment Guide" (Key Metric Software, 2012)
 * that the OfficeStatus product module relies on, written down here so the
 * compiler never reads the guide itself. Section numbers are the guide's
 * (§4.2.2 = Part IV, chapter 2, "Selecting a Website").
 *
 * Where a value is not in the guide the comment says so; those are xprc's
 * documented choices, not vendor facts.
 */

export const GUIDE = 'OfficeStatus Deployment Guide';

/** `OfficeStatus Deployment Guide §4.2.2` (several sections: `§5.3, §5.5`). */
export function guide(sections: string): string {
    return `${GUIDE} ${sections}`;
}

/** Runbook section title (ManualStep.section). */
export const TITLE = 'OfficeStatus';

/**
 * Server prerequisites (§2.1, §2.3, §4.1): IIS with the ASP.NET role service
 * and .NET Framework 3.5 SP1. The Server Manager feature names are standard
 * Windows names, not in the guide. Windows Installer 3.1 (§2.1) ships with
 * every Windows version xprc targets, so it needs no step.
 */
export const SERVER_FEATURES = {
    webServer: { name: 'Web-Server', guide: guide('§2.1, §2.3, §4.1') },
    aspNet: { name: 'Web-Asp-Net', guide: guide('§2.3') },
    dotNet35: { name: 'NET-Framework-Core', guide: guide('§2.1, §4.1') },
} as const;

/**
 * Server operating systems (§2.3): Windows Server 2008 (any edition and
 * release), 2003 SP2, 2000 SP4. Of the systems the manifest can name, only
 * 2008 R2 is on that list.
 */
export const LISTED_SERVER_OS: readonly string[] = ['WindowsServer2008R2'];

/** Desktop systems in the manifest's OS list; the server needs Windows Server (§2.1). Clients: §3.3.2 lists Windows 7, Vista and XP, §3.3.1 says "XP or later". */
export { DESKTOP_OS, NO_DSC_OS } from '../../frontend/defaults.js';

/** Windows Server versions on which NET-Framework-Core needs the installation media or Windows Update (not in guide). */
export const FEATURES_ON_DEMAND_OS: readonly string[] = [
    'WindowsServer2012',
    'WindowsServer2012R2',
    'WindowsServer2016',
    'WindowsServer2019',
    'WindowsServer2022',
    'WindowsServer2025',
];

/** Supported database platforms (§2.4): version → editions. */
export const SUPPORTED_DATABASES: Readonly<Record<string, readonly string[]>> = {
    '2008': ['Standard', 'Workgroup', 'Web', 'Enterprise', 'Express'],
    '2005': ['Standard', 'Workgroup', 'Enterprise', 'Express'],
    '2000SP4': ['Standard', 'Enterprise', 'MSDE'],
};

/** SQL Server Express 2005/2008 (and MSDE) suit 25 to 100 users (§2.4). */
export const EXPRESS_MAX_USERS = 100;

/** The bundled database: a local named instance of SQL Server Express 2005 SP4 (§2.4, §4.2.4). */
export const BUNDLED_INSTANCE = '(local)\\OfficeStatus';
export const BUNDLED_ENGINE = 'SQL Server Express 2005 SP4';

/** The installer always creates a database of this name (§4.2.4). */
export const DATABASE_NAME = 'OfficeStatus';

/** ClientInstall.ini (§5.3): file name, section and key. */
export const CLIENT_INI = {
    file: 'ClientInstall.ini',
    section: 'Startup Defaults',
    key: 'WebServiceAddress',
} as const;

/** The silent switch of the client installers (§5.2, and for the MSI builds §5.5). */
export const SILENT_SWITCH = '/qn';
/** The install-folder property (§5.2). */
export const APPDIR_PROPERTY = 'APPDIR';

/** Telephony integration needs Windows Client v3.0 or later (§7.2). */
export const TELEPHONY_MIN_MAJOR = 3;

/** What each client package is, for the runbook (§5.2, §5.5). */
export const PACKAGE_LABEL: Readonly<Record<'exe' | 'msiX86' | 'msiX64', string>> = {
    exe: 'EXE installer',
    msiX86: '32-bit MSI build',
    msiX64: '64-bit MSI build',
};

/**
 * Registry evidence of .NET Framework 2.0 SP2 or later (CLR 2.0: also
 * present when .NET Framework 3.5 is installed or enabled): `Install` = 1 and
 * `SP` >= 2 under this key. Standard .NET setup detection, not in the guide.
 */
export const NETFX2_KEY = 'HKLM:\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v2.0.50727';

/** Where Windows Installer products register, in both registry views (a 32-bit build on 64-bit Windows uses the WOW6432Node one). */
export const UNINSTALL_KEYS: readonly string[] = [
    'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall',
    'HKLM:\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall',
];
