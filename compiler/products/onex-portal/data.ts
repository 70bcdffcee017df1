/**
 * Facts from the vendor guide "IP Office Platform 9.1 — Installing Avaya
 * one-X Portal for IP Office Platform" (issue 10j), written down once so
 * that rules, lowering and runbook agree. Section numbers are the guide's.
 * Anything the guide does not say is marked as xprc's own choice.
 */

/** How diagnostics, resources and runbook steps cite the guide. */
export const GUIDE = 'one-X Portal Installation guide';

export function guide(sections: string): string {
    return `${GUIDE} ${sections}`;
}

export const TITLE = 'Avaya one-X Portal for IP Office';

// ---------------------------------------------------------------------------
// Sizing (§1.3, §2.1, §2.6, §2.10)
// ---------------------------------------------------------------------------

/** Simultaneous sessions per network, however many users are configured (§1, §1.3). */
export const MAX_SESSIONS = 750;
/** Users the installer's smaller option is for (§2.1, §2.6 step 6). */
export const SMALL_TIER_USERS = 300;
/** RAM in GB: 4 up to 300 users, 8 for more (§2.1 and §2.10 tables). */
export const MIN_MEMORY_GB = { small: 4, large: 8 } as const;
/** The installer offers the 750 option only with MORE than this much RAM (§2.6 step 6). */
export const MEMORY_FOR_750_OPTION_GB = 8;
/** Hard disk space in GB, both tiers (§2.1). */
export const MIN_DISK_GB = 20;

/**
 * Supported server versions (§2.1, repeated in §2.10). The guide also lists
 * Windows Server 2008 (32-bit for up to 300 users); xprc's OsVersion values
 * start at 2008 R2, which (like 2012 and 2012 R2) exists in 64-bit only, so
 * both tiers come down to the same list and every entry is the 64-bit OS the
 * 300+ tier needs.
 */
export const SUPPORTED_OS: readonly string[] = ['WindowsServer2008R2', 'WindowsServer2012', 'WindowsServer2012R2'];

/** Installer capacity options as §2.6 step 6 labels them. */
export const CAPACITY_LABEL: Readonly<Record<'300' | '750', string>> = {
    '300': 'Configure for up to 300 IP Office users (uses 4 GB of system RAM)',
    '750': 'Configure for up to 750 IP Office users (uses 7 GB of system RAM)',
};

// ---------------------------------------------------------------------------
// Ports (§2.1, §2.1.1, §2.5)
// ---------------------------------------------------------------------------

export const DEFAULT_HTTP_PORT = 8080;
export const DEFAULT_JMX_PORT = 8666;

/** Ports the installer silently replaces by 8080 (§2.5 "Reserved Ports"). */
export const RESERVED_PORTS: ReadonlyMap<number, string> = new Map([
    [8888, 'ContactStore for IP Office'],
    [8089, 'IP Office Conferencing Center'],
]);

/** Ports frequently taken by other applications (§2.5 "Other Commonly Used Ports"). */
export const BUSY_PORTS: ReadonlyMap<number, string> = new Map([[8081, 'IIS SharePoint Administration']]);

/** The portal's own fixed ports (§2.5 "Ports used by the one-X Portal for IP Office"), Windows only (9443 is Linux). */
export const FIXED_PORTS: ReadonlyMap<number, string> = new Map([
    [4560, 'log4j socket appender'],
    [5222, 'XMPP client/server'],
    [5269, 'XMPP server-to-server federation'],
    [6669, 'calendar notifications from Exchange'],
    [8005, 'Tomcat shutdown listener'],
    [8443, 'HTTPS access'],
    [8444, 'first contact of the mobility client'],
    [8063, 'web sockets, HTTPS access of the desktop clients'],
    [8069, 'web sockets, HTTP access of the desktop clients'],
    [8082, 'database component'],
    [8086, 'HTTPS access to mybuddy'],
    [9092, 'database client listener'],
    [9094, 'OpenFire XML RPC and administration console'],
    [9095, 'OpenFire administration console (https)'],
]);

export const HTTPS_PORT = 8443;
export const CLIENT_HTTPS_PORT = 8063;
export const CLIENT_HTTP_PORT = 8069;
export const XMPP_CLIENT_PORT = 5222;
export const XMPP_FEDERATION_PORT = 5269;
export const MOBILITY_PORT = 8444;
export const EXCHANGE_NOTIFICATION_PORT = 6669;
/** Outbound to every IP Office when outgoing traffic is filtered (§2.1 "Firewall Exceptions"). */
export const IP_OFFICE_PORT = 50814;

// ---------------------------------------------------------------------------
// IP Office (§1, §1.3, §2.1, §2.2, §2.3, §2.4)
// ---------------------------------------------------------------------------

export const REQUIRED_RELEASE = { major: 9, minor: 1 } as const;
export const SUPPORTED_PLATFORM = 'IP500 V2';
export const DEFAULT_TSPI_USER = 'EnhTcspaService';
export const DEFAULT_TSPI_PASSWORD = 'EnhTcspaPwd1';
export const USER_PROFILES: readonly string[] = ['Office User', 'Teleworker User', 'Power User'];

// ---------------------------------------------------------------------------
// Portal service and JVM (§2.5, §2.7, §2.10)
// ---------------------------------------------------------------------------

/** Procrun key name of §2.10; xprc's default service name (an inference, see the schema). */
export const DEFAULT_SERVICE_NAME = 'AvayaoneXPortalIPO';

/** `HKLM\SOFTWARE\Wow6432Node\Apache Software Foundation\Procrun 2.0\<service>\Parameters\Java` (§2.10 step 2b), below HKLM. */
export function procrunJavaPath(serviceName: string): string {
    return `SOFTWARE\\WOW6432Node\\Apache Software Foundation\\Procrun 2.0\\${serviceName}\\Parameters\\Java`;
}

export const DEFAULT_JVM_INITIAL_HEAP_MB = 512;
export const DEFAULT_JVM_MAXIMUM_HEAP_MB = 5604;
/** The three Options entries §2.10 step 2g adds; always written, whatever "options" adds to them. */
export const REQUIRED_JVM_OPTIONS: readonly string[] = ['-XX:MaxPermSize=256m', '-XX:+HeapDumpOnOutOfMemoryError', '-XX:-UseGCOverheadLimit'];

/**
 * The name an option is known by, so that `-XX:MaxPermSize=128m` and
 * `-XX:MaxPermSize=256m`, or `-XX:+UseGCOverheadLimit` and
 * `-XX:-UseGCOverheadLimit`, are one option with two values. The Options
 * merge script (scripts.ts) compares entries the same way.
 */
export function jvmOptionName(option: string): string {
    return option.replace(/^-XX:[+-]/, '-XX:').replace(/=.*$/, '');
}

/**
 * The Options entries the configuration merges: the three required ones,
 * then the manifest's extra entries in its order. An extra entry for one of
 * the required options is left out (rule onex-portal-jvm reports it).
 */
export function jvmOptions(extra: readonly string[]): readonly string[] {
    const required = new Set(REQUIRED_JVM_OPTIONS.map(jvmOptionName));
    return [...REQUIRED_JVM_OPTIONS, ...extra.filter((o) => !required.has(jvmOptionName(o)))];
}

/** Minutes the service may need before it answers (§2.7 step 2), and after the initial configuration (§2.7 step 12). */
export const START_MINUTES = 15;
export const AFTER_CONFIGURATION_MINUTES = 5;

export const DEFAULT_XMPP_DOMAIN = 'localhost.localdomain';
/** Upgrades that must set the XMPP domain (§2.6.1). */
export const XMPP_DOMAIN_UPGRADES: readonly string[] = ['5.0', '6.0'];

// ---------------------------------------------------------------------------
// Voicemail Pro (§2.1 "Voicemail Server Requirements")
// ---------------------------------------------------------------------------

export const DEFAULT_WEBSITE = 'Default Web Site';
export const DEFAULT_IIS_COMPATIBILITY_FEATURES: readonly string[] = ['Web-Mgmt-Compat', 'Web-Metabase'];
/** Virtual directory → subfolder of the Voicemail Pro installation folder. */
export const VOICEMAIL_DIRECTORIES: readonly { readonly name: string; readonly subfolder: string }[] = [
    { name: 'NamesGreetings', subfolder: 'VM\\Names' },
    { name: 'PersonalGreetings', subfolder: 'VM\\Greetings' },
    { name: 'VoicemailAccounts', subfolder: 'VM\\Accounts' },
];

// ---------------------------------------------------------------------------
// Exchange (§2.1.1, §3)
// ---------------------------------------------------------------------------

export const SUPPORTED_EXCHANGE: readonly string[] = ['2007', '2010', '2013'];
export const EXCHANGE_ACCOUNT = 'AvayaAdmin';
export const DEFAULT_EWS_PATH = 'Default Web Site/EWS';
/** §3.1 names the role service "Digest Authentication"; this is its Windows feature. */
export const DIGEST_FEATURE = 'Web-Digest-Auth';
/** The impersonation script, as §3.4 names it, saved under C:\ (it cannot run from elsewhere). */
export const EXCHANGE_SCRIPT = 'C:\\avaya.ps1';

// ---------------------------------------------------------------------------
// Desktop clients (§4, §4.7)
// ---------------------------------------------------------------------------

export const CLIENT_SETUP = 'AvayaOneXDesktopClients.exe';
/** Feature names of the client MSI, spelled as §4.7 prints them. */
export const CLIENT_FEATURES: Readonly<Record<'callAssistant' | 'outlookPlugin', string>> = {
    callAssistant: 'callAssistant',
    outlookPlugin: 'OutlookPlugin',
};
export const CLIENT_LABEL: Readonly<Record<'callAssistant' | 'outlookPlugin', string>> = {
    callAssistant: 'one-X Portal Call Assistant',
    outlookPlugin: 'Avaya IP Office Plug-in for Outlook',
};
/** Always added to ADDLOCAL when ADDLOCAL is given (§4.7). */
export const CHANGE_ARP_FEATURE = 'ChangeARP';

/**
 * The prerequisites §4 names for every target machine, and how the
 * configuration detects them (the detection is xprc's choice; the guide
 * names the products only).
 */
export const CLIENT_PREREQUISITES = {
    dotNet: {
        label: '.NET Framework 4.0',
        /** Either key with Install = 1; .NET 4.5 and later update 4.0 in place and keep them. */
        keys: ['HKLM:\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Client', 'HKLM:\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full'],
    },
    officePia: {
        label: 'Microsoft Office 2007 Primary Interop Assemblies',
        /** Loading it applies Office's publisher policy, so newer PIAs that serve 12.0 references count. */
        assembly: 'Microsoft.Office.Interop.Outlook, Version=12.0.0.0, Culture=neutral, PublicKeyToken=71e9bce111e9429c',
    },
    vsto: {
        label: 'Microsoft VSTO 2010 Runtime 4.0 (10.0.40303 or later)',
        keys: ['HKLM:\\SOFTWARE\\Microsoft\\VSTO Runtime Setup\\v4R', 'HKLM:\\SOFTWARE\\WOW6432Node\\Microsoft\\VSTO Runtime Setup\\v4R'],
        minimumVersion: '10.0.40303',
    },
} as const;

/** Windows Installer states (msi.h): INSTALLSTATE_DEFAULT for a product, INSTALLSTATE_LOCAL for a feature. */
export const MSI_PRODUCT_INSTALLED = 5;
export const MSI_FEATURE_LOCAL = 3;

// ---------------------------------------------------------------------------
// Roles (ConfigurationData Role)
// ---------------------------------------------------------------------------

export const ROLES = {
    portal: 'onex-portal',
    voicemail: 'onex-voicemail-pro',
    exchange: 'onex-exchange',
    clients: 'onex-desktop-clients',
} as const;
