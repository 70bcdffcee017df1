/**
 * OpenScape Xpressions (XPR) V7: the facts the product module takes from the
 * vendor guides, in one table, with the section each comes from.
 *
 * Two guides are cited:
 *  - the *Cluster Installation* guide: its chapter 4 is the only description
 *    of the setup Wrapper's dialogs; they are the same on a single server,
 *    except where the guide asks for a cluster-specific choice (which xprc
 *    replaces by the manifest's choice);
 *  - the *Upgrade* guide: system requirements, licensing, Report APL and
 *    satellites (§2.3, §2.12).
 *
 * Names the guides spell inconsistently are kept here, once, with the
 * reading xprc uses; values a guide shows only as an example or that are
 * Windows knowledge rather than guide text say so next to them.
 */

import type { XprComponents, XprLanguage } from '../../manifest/types.generated.js';

export const INSTALL_GUIDE = 'XPR Cluster Installation guide';
export const UPGRADE_GUIDE = 'XPR Upgrade guide';

/** `XPR Cluster Installation guide §4.3.5`. */
export const install = (section: string): string => `${INSTALL_GUIDE} ${section}`;
/** `XPR Upgrade guide §2.12.1`. */
export const upgrade = (section: string): string => `${UPGRADE_GUIDE} ${section}`;

/** Runbook section title of every XPR step. */
export const SECTION = 'OpenScape Xpressions';

// ---------------------------------------------------------------------------
// Names and paths
// ---------------------------------------------------------------------------

/**
 * Names of logical XPR lines, which setup refuses as server name (Cluster
 * Installation guide §4.3.5: "For example, ERGO, …" — the list is the
 * guide's, and it says "for example").
 */
export const RESERVED_LINE_NAMES: readonly string[] = ['ERGO', 'PhoneMail', 'VMS', 'COM', 'CON', 'FAXG3', 'FAXG4', 'MWI', 'FOD', 'PlayWave', 'SMTP'];

/** Longest server name that still works with Remote System Link (§4.3.5). */
export const RSL_MAX_SERVER_NAME = 11;

/**
 * Characters xprc accepts in the server name. The guide forbids "blanks,
 * special characters such as ;, !, %, &, … or German umlauts" (§4.3.5)
 * without a complete list; xprc accepts letters and digits, warns about the
 * hyphen and underscore (computer names allow them, the guide's list may
 * include them, and the name cannot be changed later) and refuses anything
 * else (documented choice).
 */
export const SERVER_NAME_CHARACTER = /^[A-Za-z0-9]$/;
export const DOUBTFUL_SERVER_NAME_CHARACTER = /^[-_]$/;

/** The XPR partition must have at least 10 GB (Upgrade guide §2.3.1.1, Cluster Installation guide §4.4 step 3). */
export const MIN_INSTALL_PARTITION_GB = 10;

/** PhoneMail, VMS and ERGO must not be installed in parallel in the languages D, US and UK (§4.4.1 Table 4-2). */
export const EXCLUSIVE_VOICEMAIL: readonly string[] = ['ERGO', 'PhoneMail', 'VMS'];
export const EXCLUSIVE_VOICEMAIL_LANGUAGES: readonly XprLanguage[] = ['German', 'US English', 'British English'];

/** Voicemail feature labels in the setup's feature tree (§4.4.1 Table 4-2, Services group > Voicemail server). */
export const VOICEMAIL_FEATURES: Readonly<Record<string, string>> = {
    ERGO: 'Unified Messaging Voicemail (ERGO)',
    PhoneMail: 'PhoneMail',
    VMS: 'VMS',
    AMIS: 'Voicemail (AMIS)',
    'Speech to Text': '"Speech to Text"',
};

// ---------------------------------------------------------------------------
// Services
// ---------------------------------------------------------------------------

export interface XprServiceFact {
    /**
     * Windows service name. The guides give display names with the name in
     * parentheses; the `SYSTEM\CurrentControlSet\Services\<key>` column of
     * the Cluster Installation guide's Table 12 is taken as the real name.
     */
    readonly name: string;
    readonly displayName: string;
    /**
     * Executable below the installation folder, from the `sc create … binpath=`
     * column of the Cluster Installation guide's Table 19 (§9.8.2); used for
     * program firewall rules where the guides name no port.
     */
    readonly binary?: string;
    /**
     * Runs under the XPR service account. Every service whose display name
     * begins with "XPR" does (Upgrade guide §2.12.3 step 5); stunnel keeps
     * the account setup gives it.
     */
    readonly xprAccount: boolean;
    readonly guide: string;
}

const table12 = install('§5.7.1 Table 12');

/** The kernel computer's services (Upgrade guide §2.12.1; Cluster Installation guide §5.7.1 Table 12, rows 1–10). */
export const KERNEL_SERVICES: readonly XprServiceFact[] = [
    { name: 'licsvc', displayName: 'XPR License Service (licsvc)', xprAccount: true, guide: table12 },
    { name: 'nameloc', displayName: 'XPR Name Locator (nameloc)', xprAccount: true, guide: upgrade('§2.12.1') },
    { name: 'cfgsvc', displayName: 'XPR Config-Service (cfgsvc)', xprAccount: true, guide: upgrade('§2.12.1') },
    { name: 'xmrsvc', displayName: 'XPR Status Dispatcher (xmrsvc)', xprAccount: true, guide: upgrade('§2.12.1') },
    { name: 'infostor', displayName: 'XPR Information Store (infostor)', xprAccount: true, guide: upgrade('§2.12.1') },
    { name: 'mta', displayName: 'XPR Message Router (mta)', xprAccount: true, guide: upgrade('§2.12.1') },
    { name: 'mrs', displayName: 'XPR Administrator (mrs)', xprAccount: true, guide: upgrade('§2.12.1') },
    { name: 'DirSvc', displayName: 'XPR Directory Service (DirSvc)', xprAccount: true, guide: table12 },
    { name: 'TcpApl', displayName: 'XPR TCP/IP Transport Layer (tcpApl)', xprAccount: true, guide: table12 },
    { name: 'stunnel', displayName: 'stunnel', xprAccount: false, guide: table12 },
];

/**
 * The services every satellite runs besides its APLs. Inferred from the
 * kernel registry, which lists one NameLoc and one CfgSvc entry per
 * satellite (Cluster Installation guide §5.10 / §9.10); no guide lists a
 * satellite's services (documented inference).
 */
export const SATELLITE_SERVICES: readonly XprServiceFact[] = [
    { name: 'nameloc', displayName: 'XPR Name Locator (nameloc)', xprAccount: true, guide: install('§5.10') },
    { name: 'cfgsvc', displayName: 'XPR Config-Service (cfgsvc)', xprAccount: true, guide: install('§5.10') },
];

/** The binary whose presence and file version tell that XPR is installed, per host role (paths of Table 19's `sc create` lines). */
export const INSTALL_MARKER = {
    kernel: { binary: 'bin\\mrs.exe', service: 'mrs' },
    satellite: { binary: 'bin\\cfgsvc.exe', service: 'cfgsvc' },
} as const;

// ---------------------------------------------------------------------------
// Components (features / APLs)
// ---------------------------------------------------------------------------

export type ComponentId = keyof XprComponents & string;

export interface ComponentFact {
    /** Feature label in the setup's feature tree (Cluster Installation guide §4.4.1 Table 4-2). */
    readonly feature: string;
    /** Group of the feature tree the feature is in. */
    readonly group: string;
    /** Services setup creates for it that xprc manages (empty when the guides leave the name unclear or the account is special). */
    readonly services: readonly XprServiceFact[];
    /** Only on the kernel computer. */
    readonly kernelOnly?: boolean;
    /** Why no service is managed, for the component's runbook line. */
    readonly unmanagedReason?: string;
    readonly guide: string;
}

const table42 = install('§4.4.1 Table 4-2');
const apl = (name: string, displayName: string, guide = table12, binary?: string): XprServiceFact => ({ name, displayName, xprAccount: true, guide, ...(binary ? { binary } : {}) });

export const COMPONENTS: Readonly<Record<ComponentId, ComponentFact>> = {
    tcpApl: { feature: 'TCP/IP Support', group: 'Kernel Components', services: [], kernelOnly: true, guide: table42 },
    notificationApl: { feature: 'Notification module', group: 'Kernel Components', services: [apl('NotApl', 'XPR Notification APL (NotApl)')], guide: table42 },
    webApl: { feature: 'Webserver', group: 'Services', services: [apl('WebApl', 'XPR Web APL (WebApl)')], guide: table42 },
    smtpApl: { feature: 'Internet e-mail server', group: 'Services', services: [apl('SmtpApl', 'XPR Internet Mail APL (SmtpApl)', table12, 'bin\\smtpapl.exe')], guide: table42 },
    xmlApl: { feature: 'Web Service Provider', group: 'Services', services: [apl('XmlApl', 'XPR Xml APL (XmlApl)')], guide: table42 },
    smsApl: {
        feature: 'Short Message Service',
        group: 'Services',
        services: [],
        unmanagedReason: 'the guides spell its service name inconsistently (SmsIPApI, SmsIpApl)',
        guide: table42,
    },
    isdnApl: { feature: 'ISDN hardware', group: 'Telematic hardware', services: [apl('IsdnApl', 'XPR Isdn APL (IsdnApl)')], guide: table42 },
    ipApl: { feature: 'IP telephony', group: 'Telematic hardware', services: [apl('ipApl', 'XPR ip APL (ipApl)', table12, 'bin\\ipapl.exe')], guide: table42 },
    ctiApl: { feature: 'CTI Computer Telephony Integration', group: 'IP-/PBX integration', services: [apl('CtiApl', 'XPR Cti APL (CtiApl)')], guide: table42 },
    cstaApl: { feature: 'CSTA protocol', group: 'IP-/PBX integration', services: [apl('CstaApl', 'XPR Csta APL (CstaApl)')], guide: table42 },
    ldapApl: { feature: 'LDAP directory synchronization', group: 'Messaging and directory integration', services: [apl('LdapApl', 'XPR Ldap APL (LdapApl)')], guide: table42 },
    exchangeApl: {
        feature: 'MS Exchange 2007 Connector',
        group: 'Messaging and directory integration',
        services: [],
        unmanagedReason: 'it runs under the special Exchange service account of the Microsoft Exchange Gateway manual, and its service name contains the Exchange server name',
        guide: table42,
    },
    exchangeUmApl: {
        feature: 'MS Exchange TUM Connector',
        group: 'Messaging and directory integration',
        services: [],
        unmanagedReason: 'it runs under the special Exchange service account of the Microsoft Exchange Gateway manual',
        guide: table42,
    },
    notesApl: { feature: 'Lotus Notes gateway', group: 'Messaging and directory integration', services: [apl('LnApl', 'XPR Lotus Notes APL (LNapl)')], guide: table42 },
    // Printed "Lotus Notes rUM Gateway" in Table 4-2 (probably "TUM"); kept as printed so it matches what the engineer looks for.
    notesUmApl: { feature: 'Lotus Notes rUM Gateway', group: 'Messaging and directory integration', services: [apl('LnUmApl', 'XPR Lotus Notes UM APL (LnUmApl)')], guide: table42 },
    presenceApl: { feature: 'Presence APL', group: 'Presence support', services: [apl('PresenceApl', 'XPR Presence APL (PresenceApl)')], guide: table42 },
    vmApl: { feature: 'Virtual Machine (VM)', group: 'ACD/Call-Center', services: [apl('VMApl', 'XPR VM APL (VMApl)')], guide: table42 },
    fileInterfaceApl: { feature: 'File interface', group: 'Add-Ons/Tools', services: [apl('FiApl', 'XPR FileInterface APL (FiApl)')], guide: table42 },
    printApl: { feature: 'Print module', group: 'Add-Ons/Tools', services: [apl('PrintApl', 'XPR Printer APL (PrintApl)')], guide: table42 },
    serialApl: { feature: 'V.24 support', group: 'Add-Ons/Tools', services: [apl('V24Apl', 'XPR Serial APL (V24Apl)')], guide: table42 },
    learApl: { feature: "'Lear' test module", group: 'Add-Ons/Tools', services: [apl('Lear', 'XPR Lear APL (Lear)')], guide: table42 },
    lprApl: { feature: 'Print output management', group: 'Add-Ons/Tools', services: [apl('LprApl', 'XPR Lpr APL (LprApl)')], guide: table42 },
    // Not in Table 4-2: the Report APL's feature label is not printed in any guide; its service name is the
    // one the guides use in prose ("XPR Reporting APL (RepApl)", Cluster Installation guide §5.7.1).
    reportApl: { feature: 'Report APL', group: 'Reporting (its group is not in Table 4-2)', services: [apl('RepApl', 'XPR Reporting APL (RepApl)', install('§5.7.1'))], guide: upgrade('§2.3.10') },
    connectionApl: { feature: 'Connection APL', group: 'UC components (its group is not in Table 4-2)', services: [apl('ConApl', 'XPR Connection Apl (ConApl)', install('§9.7.1 Table 17'))], guide: install('§5.7.1 Table 13') },
};

/** Components in the order of the setup's feature tree (Table 4-2), for runbooks. */
export const COMPONENT_ORDER: readonly ComponentId[] = Object.keys(COMPONENTS) as ComponentId[];

/** Features always selected on the kernel (Table 4-2: "The XPR monitor should always be installed"; Utilities = SDKTools). */
export const KERNEL_FEATURES: readonly { readonly group: string; readonly feature: string }[] = [
    { group: 'Kernel Components', feature: 'Monitor' },
    { group: 'Kernel Components', feature: 'TCP/IP Support' },
    { group: 'Kernel Components', feature: 'Monitor Event Log' },
    { group: 'Add-Ons/Tools', feature: 'Utilities' },
];

// ---------------------------------------------------------------------------
// Shares (kernel): Cluster Installation guide §9.6.1 Table 16 (= Table 11)
// ---------------------------------------------------------------------------

export interface ShareFact {
    readonly name: string;
    /** Folder below the XPR installation folder (the guide's `New-SmbShare -Path "<XPR Install Directory>\…"`). */
    readonly folder: string;
    readonly description: string;
    readonly fullAccess: readonly string[];
    readonly readAccess: readonly string[];
}

export const SHARES: readonly ShareFact[] = [
    { name: 'MrsBackup$', folder: 'Backup', description: "XPR 'Backup' Directory", fullAccess: ['Administrators'], readAccess: [] },
    { name: 'MrsClnt', folder: 'Client', description: "XPR 'Client' Directory", fullAccess: [], readAccess: ['Everyone'] },
    { name: 'MrsFolders$', folder: 'Folders', description: "XPR 'Folders' Directory", fullAccess: ['Administrators'], readAccess: [] },
    { name: 'MrsMonitor', folder: 'Monitor', description: "XPR 'Monitor' Directory", fullAccess: [], readAccess: ['Administrators'] },
    { name: 'MrsNCOConfig$', folder: 'NCO', description: "XPR 'NCO Configuration' Directory", fullAccess: ['Administrators'], readAccess: [] },
    { name: 'MrsUserdata$', folder: 'Userdata', description: "XPR 'Userdata' Directory", fullAccess: ['Administrators'], readAccess: [] },
];

// ---------------------------------------------------------------------------
// Windows settings
// ---------------------------------------------------------------------------

export interface FeatureFact {
    readonly name: string;
    readonly ensure: 'Present' | 'Absent';
    readonly why: string;
    readonly guide: string;
}

/**
 * Windows features on every XPR host. The guides name the features only by
 * their Server Manager labels; the names here are Windows' own.
 */
export const HOST_FEATURES: readonly FeatureFact[] = [
    {
        // The Wrapper's ".NET Framework 2.0" system component (§4.3.8). On Windows Server 2008 R2 and later the
        // .NET Framework 2.0 runtime is part of the .NET Framework 3.5 feature (Windows knowledge, not in the guide).
        name: 'NET-Framework-Core',
        ensure: 'Present',
        why: '.NET Framework 2.0 system component of the setup',
        guide: install('§4.3.8'),
    },
    {
        // "Internet Information Server (IIS) … If it is installed, uninstall it" (§3.1.3); the Web APL is XPR's own web server.
        name: 'Web-Server',
        ensure: 'Absent',
        why: 'IIS must not be installed on an XPR host',
        guide: install('§3.1.3'),
    },
    {
        // "Remove the SMTP service of Windows because the XPR server offers its own SMTP connection" (§3.1.3, §4.4.9.2).
        name: 'SMTP-Server',
        ensure: 'Absent',
        why: 'the Windows SMTP service conflicts with the SMTP APL',
        guide: install('§3.1.3'),
    },
];

/** The Windows SNMP service the System Info SNMP Agent needs (§4.4.1 Table 4-2, Webserver). */
export const SNMP_FEATURE: FeatureFact = { name: 'SNMP-Service', ensure: 'Present', why: 'the System Info SNMP Agent needs the Windows SNMP service', guide: table42 };

/** A registry value TCP/IP reads at start-up only, so changing it needs a reboot. */
export interface BootRegistryFact {
    readonly key: string;
    readonly name: string;
    readonly value: number;
    readonly why: string;
    readonly guide: string;
}

/** `DisableUserTOSSetting` = 0 lets the IP APL set QoS (TOS) bits; needs a reboot (Upgrade guide §2.8.1 step 58). */
export const TOS_SETTING: BootRegistryFact = {
    key: 'SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters',
    name: 'DisableUserTOSSetting',
    value: 0,
    why: 'the IP APL sets QoS (TOS) bits only when DisableUserTOSSetting is 0',
    guide: upgrade('§2.8.1 step 58'),
};

/**
 * "Protocol IPv6 must be disabled" (Upgrade guide §2.3.1.1) without a method.
 * 0xFF in `DisabledComponents` is Microsoft's documented value for disabling
 * every IPv6 component except the loopback interface (Windows knowledge, not
 * in the guide); it takes effect after a reboot.
 */
export const IPV6_SETTING: BootRegistryFact = {
    key: 'SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters',
    name: 'DisabledComponents',
    value: 0xff,
    why: 'IPv6 must be disabled on an XPR host',
    guide: upgrade('§2.3.1.1'),
};

/** XPR's own registry tree; XPR is 32-bit, so on 64-bit Windows it lives under WOW6432Node (§5.3 footnote). */
export const PPCOM = 'SOFTWARE\\WOW6432Node\\PP-COM\\MRS';

// ---------------------------------------------------------------------------
// Licensing defaults that are only examples in the guides
// ---------------------------------------------------------------------------

/** CLA Service Port Number of the guide's CCF example (§4.2.2.2); the CLM's preset is not documented. */
export const EXAMPLE_CLA_PORT = 61740;
/** License service time-out of the guide's CCF example (§4.2.2.2), in milliseconds. */
export const EXAMPLE_TIMEOUT_MS = 30000;
/** License service port of the guide's `LicSvcAddress` example (§5.3 step 3). */
export const EXAMPLE_LICSVC_PORT = 13010;

/** Password policy values the Upgrade guide's screenshot shows (§2.8.1 step 55). */
export const PASSWORD_POLICY_DEFAULTS = {
    minimumLength: 8,
    upperCase: 1,
    lowerCase: 1,
    numerics: 1,
    specialCharacters: 1,
    maxIdenticalInRow: 3,
    maxSequentialInRow: 3,
    minChangedCharacters: 2,
    blackList: [] as readonly string[],
    accountNameNotInPassword: true,
    oldPasswordsToConsider: 5,
    mustChangeAfterDays: 90,
    cannotChangeBeforeDays: 1,
    notifyBeforeExpiryDays: 4,
    defaultPasswordsMustBeChanged: true,
} as const;

// ---------------------------------------------------------------------------
// Windows settings of Cluster Installation guide §3.1.3 / §7.1.3
// ---------------------------------------------------------------------------

/**
 * "Stop and deactivate the DHCP Client" (§3.1.3, §7.1.3). `Dhcp` is the
 * service's Windows name (Windows knowledge). It also registers the host's
 * addresses in DNS (dynamic update), static ones included.
 */
export const DHCP_CLIENT_SERVICE = { name: 'Dhcp', displayName: 'DHCP Client', guide: install('§3.1.3, §7.1.3') } as const;

/** "Remote Server Administration Tools > Role Administration Tools > DHCP Server Tools" unchecked (§3.1.3, §7.1.3). */
export const DHCP_SERVER_TOOLS: FeatureFact = { name: 'RSAT-DHCP', ensure: 'Absent', why: 'the DHCP Server Tools must not be installed', guide: install('§3.1.3, §7.1.3') };

/**
 * "Stop and deactivate the service License Logging" (§3.1.3, the Windows
 * Server 2008 section only; §7.1.3 for 2012 and later does not list it,
 * and those systems have no such service). Its Windows name is
 * `LicenseService` (Windows knowledge).
 */
export const LICENSE_LOGGING_SERVICE = { name: 'LicenseService', displayName: 'License Logging', guide: install('§3.1.3') } as const;

// ---------------------------------------------------------------------------
// Hardware (Upgrade guide §2.3.1.1; Cluster Installation guide §3.1.2)
// ---------------------------------------------------------------------------

/** Working memory: 2 GB, plus what components add ("at least, however, 1 GB in addition" for TTS; 512 MB for ASR). */
export const MEMORY_MB = { base: 2048, tts: 1024, asr: 512 } as const;
/** "2 hard disks with at least 100 GB … each". */
export const MIN_DISKS = 2;
export const MIN_DISK_GB = 100;

// ---------------------------------------------------------------------------
// Sangoma (Dialogic/Eicon) Diva ISDN boards (Cluster Installation guide §3.1.2)
// ---------------------------------------------------------------------------

/** PRI boards of this version: upgrades only, not supported by the 8.5.7 drivers on the XPR V7 medium. */
export const UPGRADE_ONLY_PRI_VERSION = '2.0';
/** More 4BRI boards than this in the CorNet-T context may break call forwarding. */
export const MAX_4BRI_WITH_CORNET_T = 3;
