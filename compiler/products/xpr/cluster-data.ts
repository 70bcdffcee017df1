/**
 * Facts of the Cluster Installation guide for an XPR kernel on a Windows
 * failover cluster, with the section each comes from. Part 1 (Windows
 * Server 2008 R2, chapters 2–5) and Part 2 (2012 R2 to 2025, chapters 6–9)
 * describe the same procedure; where they differ the fact has one value
 * per part.
 *
 * The digests in the project's research notes (xpr-cluster-part1/2.md) were
 * read next to the guide; where they disagree the guide's text is used and
 * the comment says so.
 */

import type { XprCluster } from '../../manifest/types.generated.js';
import { install } from './data.js';
import type { ComponentId } from './data.js';

/** Which part of the guide applies. */
export type GuidePart = 'part1' | 'part2';

export function guidePart(cluster: Pick<XprCluster, 'windowsServer'>): GuidePart {
    return cluster.windowsServer === '2008R2' ? 'part1' : 'part2';
}

/** `§9.7.2` in Part 2 is `§5.7.2` in Part 1: chapters 6–9 repeat chapters 2–5 (the digest's §0). */
export function section(part: GuidePart, part2Section: string): string {
    if (part === 'part2') {
        return install(part2Section);
    }
    return install(part2Section.replace(/§([6-9])/g, (_, chapter: string) => `§${Number(chapter) - 4}`));
}

/** Table 17 (Part 1: Table 12) and Table 18 (Part 1: Table 13) by part. */
export function table(part: GuidePart, which: 'capable' | 'excluded' | 'create'): string {
    const numbers = { capable: ['12', '17'], excluded: ['13', '18'], create: ['14', '19'] }[which];
    return part === 'part1' ? install(`§5.7.1 Table ${numbers[0]}`) : install(`§9.7.1 Table ${numbers[1]}`);
}

// ---------------------------------------------------------------------------
// Addresses and names
// ---------------------------------------------------------------------------

/** NetBIOS limit for node names and the network name (§7.1.3, §7.3.1 step 3). */
export const NETBIOS_MAX = 15;
export const MIN_CLUSTER_NODES = 2;
/** "up to eight nodes" (§6.1.1). */
export const MAX_CLUSTER_NODES = 8;
/** Cluster disk: NTFS and at least 10 GB (§7.1.3). */
export const MIN_CLUSTER_DISK_GB = 10;

// ---------------------------------------------------------------------------
// Cluster-capable services (Table 17), in the order their resources are made
// ---------------------------------------------------------------------------

export interface ClusterServiceFact {
    /**
     * Windows service name: the key of its `SYSTEM\CurrentControlSet\Services`
     * checkpoint (Table 17's "Service name" column is partly upper case,
     * "PRESENCE APL", "File interface"; service names are case-insensitive,
     * the checkpoint key is the one spelling that is a real name).
     */
    readonly service: string;
    /** Table 17 sequence: 1–10 mandatory in this order, 11 optional (any order). */
    readonly sequence: number;
    readonly displayName: string;
    /** Name xprc gives the cluster resource (the guide's examples: "License Service Res", "Status Dispatcher Res"). */
    readonly resourceName: string;
    /** Services of this table the resource depends on (Table 17 "Dependencies"); 'fileServer' = the File Server resource. */
    readonly dependsOn: readonly string[];
    /** Registry checkpoints besides its own service key (licsvc only). */
    readonly extraCheckpoints?: readonly string[];
    /** A kernel resource: "If restart is unsuccessful, fail over …" on, RestartAction 2 (§6.1.9, §9.7.2 step 16). */
    readonly kernel: boolean;
    /** LA: limited availability, depends on third-party software not released for a cluster (Table 17 footnote). */
    readonly limited?: boolean;
    /** Released on a cluster only per project (Table 17 IMPORTANT). */
    readonly projectOnly?: boolean;
    /** Name of the `sc create` line by part where Table 14/19 prints another name than the service has (§9.8.2). */
    readonly createName?: Partial<Record<GuidePart, string>>;
}

const mandatory = (
    sequence: number,
    service: string,
    displayName: string,
    resourceName: string,
    dependsOn: readonly string[],
    kernel: boolean,
    extra: Partial<ClusterServiceFact> = {},
): ClusterServiceFact => ({ service, sequence, displayName, resourceName, dependsOn, kernel, ...extra });

const optional = (service: string, displayName: string, resourceName: string, extra: Partial<ClusterServiceFact> = {}): ClusterServiceFact => ({
    service,
    sequence: 11,
    displayName,
    resourceName,
    dependsOn: ['mrs'],
    kernel: false,
    ...extra,
});

/**
 * licsvc replicates the whole PP-COM and SIEMENS trees (Table 17 row 1,
 * WOW6432Node on the 64-bit systems every supported Windows is).
 */
export const LICSVC_CHECKPOINTS: readonly string[] = ['SOFTWARE\\Wow6432Node\\PP-COM', 'SOFTWARE\\Wow6432Node\\SIEMENS'];

/** With system networking (ISC) licsvc also replicates two class keys; Part 1 prints them below `classes\CLSID`, Part 2 directly below `classes`. */
export function iscCheckpoints(part: GuidePart): string[] {
    const base = part === 'part1' ? 'SOFTWARE\\Wow6432Node\\classes\\CLSID' : 'SOFTWARE\\Wow6432Node\\classes';
    return [`${base}\\{C49A8D40-9047-49c4-88DD-637833875D7D}`, `${base}\\{93219EF7-2D4C-4d65-9A4A-8D1AC0F6790A}`];
}

/** The mandatory services, rows 1–10, in Table 17's order. */
export const MANDATORY_SERVICES: readonly ClusterServiceFact[] = [
    mandatory(1, 'licsvc', 'XPR License Service (licsvc)', 'License Service Res', ['fileServer'], true, { extraCheckpoints: LICSVC_CHECKPOINTS }),
    mandatory(2, 'nameloc', 'XPR Name Locator (nameloc)', 'Name Locator Res', ['licsvc'], true),
    mandatory(3, 'cfgsvc', 'XPR Configuration Service (cfgsvc)', 'Configuration Service Res', ['nameloc'], true),
    mandatory(4, 'xmrsvc', 'XPR Status Dispatcher (xmrsvc)', 'Status Dispatcher Res', ['cfgsvc'], true),
    // Row 5 is the Information Store: an mrsClusRes resource, not a Generic Service (INFORMATION_STORE).
    mandatory(6, 'mta', 'XPR Message Router (mta)', 'Message Router Res', ['infostor'], true),
    mandatory(7, 'mrs', 'XPR Administrator (mrs)', 'Administrator Res', ['mta'], true),
    mandatory(8, 'TcpApl', 'XPR TCP/IP Transport Layer (tcpApl)', 'TCP/IP Transport Layer Res', ['mrs'], false),
    mandatory(9, 'stunnel', 'stunnel', 'stunnel Res', ['TcpApl'], false),
    // Part 1's Table 14 creates the service on the second node as "dirsrv" although Table 12 and its checkpoint say DirSvc.
    mandatory(10, 'DirSvc', 'XPR Directory Service (DirSvc)', 'Directory Service Res', ['mrs'], false, { createName: { part1: 'dirsrv' } }),
];

/** The Information Store (row 5): resource type mrsClusRes, exactly one per cluster, no checkpoints (§9.7.3). */
export const INFORMATION_STORE = {
    service: 'infostor',
    resourceName: 'Information Store Res',
    resourceType: 'mrsclusres',
    /** The explicit dependencies of §9.7.3 step 7 ("transitive dependencies are not sufficient"); Part 1 also names the File Server. */
    dependsOn: { part1: ['disk', 'fileServer', 'xmrsvc', 'networkName'], part2: ['disk', 'xmrsvc', 'networkName'] },
    /** 00:15 hh:mm (§9.7.3 step 9). */
    retryPeriodOnFailureMs: 900000,
} as const;

/** The custom resource type and its DLL (§9.2). */
export const RESOURCE_TYPE = {
    name: 'mrsclusres',
    dll: 'C:\\Windows\\cluster\\mrsClusRes.dll',
    /** On the setup medium, below `XpressionsInstall`. */
    mediumFolder: 'AddOn\\Misc\\Cluster\\x64',
    fileName: 'mrsClusRes.dll',
} as const;

/**
 * The optional services of Table 17 by manifest component. CtiApl is GA
 * with a CSTA connection and LA with TAPI; xprc does not know the
 * connection and records it as GA. Table 17 prints the SMS APL as
 * "SmsIPApI" (the scan reads l as I, as in "ApIDelay"); xprc uses SmsIpApl.
 */
export const OPTIONAL_SERVICES: Readonly<Partial<Record<ComponentId, ClusterServiceFact>>> = {
    smtpApl: optional('SmtpApl', 'XPR Internet Mail APL (SmtpApl)', 'Internet Mail APL Res'),
    webApl: optional('WebApl', 'XPR Web APL (WebApl)', 'Web APL Res'),
    learApl: optional('Lear', 'XPR Lear APL (Lear)', 'Lear APL Res'),
    notificationApl: optional('NotApl', 'XPR Notification APL (NotApl)', 'Notification APL Res'),
    lprApl: optional('LprApl', 'XPR Lpr APL (LprApl)', 'Lpr APL Res'),
    cstaApl: optional('CstaApl', 'XPR Csta APL (CstaApl)', 'Csta APL Res'),
    ctiApl: optional('CtiApl', 'XPR Cti APL (CtiApl)', 'Cti APL Res'),
    ipApl: optional('ipApl', 'XPR ip APL (ipApl)', 'IP APL Res'),
    ldapApl: optional('LdapApl', 'XPR Ldap APL (LdapApl)', 'Ldap APL Res'),
    presenceApl: optional('PresenceApl', 'XPR Presence APL (PresenceApl)', 'Presence APL Res'),
    xmlApl: optional('XmlApl', 'XPR Xml APL (XmlApl)', 'Xml APL Res'),
    vmApl: optional('VMApl', 'XPR VM APL (VMApl)', 'VM APL Res'),
    printApl: optional('PrintApl', 'XPR Printer APL (PrintApl)', 'Printer APL Res'),
    isdnApl: optional('IsdnApl', 'XPR Isdn APL (IsdnApl)', 'ISDN APL Res', { limited: true }),
    smsApl: optional('SmsIpApl', 'XPR SMS Large Account APL (SmsIpApl)', 'SMS APL Res', { limited: true }),
    serialApl: optional('V24Apl', 'XPR Serial APL (V24Apl)', 'Serial APL Res', { limited: true }),
    fileInterfaceApl: optional('FiApl', 'XPR FileInterface APL (FiApl)', 'FileInterface APL Res', { limited: true }),
    exchangeUmApl: optional('ExUmApl', 'XPR Exchange UM APL', 'Exchange UM APL Res', { limited: true }),
    notesApl: optional('LnApl', 'XPR Lotus Notes APL (LNapl)', 'Lotus Notes APL Res', { limited: true }),
    // Table 19 (Part 2) creates "lnunapl", Table 14 (Part 1) "lnumapl"; Table 17's service and checkpoint are LnUmApl.
    notesUmApl: optional('LnUmApl', 'XPR Lotus Notes UM APL (LnUmApl)', 'Lotus Notes UM APL Res', { limited: true, createName: { part1: 'lnumapl', part2: 'lnunapl' } }),
};

/** Exchange connector: its service is named `<XPR server name>:<Exchange server name>`, its checkpoint key ExchApl (Table 17). */
export function exchangeConnectorService(serverName: string, exchangeServer: string): ClusterServiceFact {
    return optional(`${serverName}:${exchangeServer}`, `XPR Exchange Connector for i386 (${serverName}:${exchangeServer})`, 'Exchange Connector Res', { limited: true });
}

/** Optional Table 17 services xprc has no component for: only `cluster.additionalApls` can name them. */
export const TABLE17_OTHER_SERVICES: readonly ClusterServiceFact[] = [
    optional('MailApl', 'XPR Mail APL (MailApl)', 'Mail APL Res'),
    optional('Vm2TxtApl', 'XPR Vm2Txt APL (Vm2TxtApl)', 'Vm2Txt APL Res', { limited: true, dependsOn: [] }),
    optional('SapR3Apl', 'XPR SAP R/3 APL (SapR3Apl)', 'SAP R/3 APL Res', { limited: true, projectOnly: true }),
    optional('SAPphoneApl', 'XPR SAPphone APL (SAPphoneApl)', 'SAPphone APL Res', { limited: true, projectOnly: true }),
];

// ---------------------------------------------------------------------------
// What must not be in the cluster
// ---------------------------------------------------------------------------

/** Table 18 (Part 1: Table 13): services that cannot be installed on a Windows cluster. */
export const EXCLUDED_SERVICES: readonly { readonly service: string; readonly label: string }[] = [
    { service: 'ConApl', label: 'XPR Connection APL (ConApl) with web or voice conferencing' },
    { service: 'IsdnApl', label: 'XPR Isdn APL with TTS and/or ASR' },
    { service: 'ipApl', label: 'XPR ip APL with TTS and/or ASR' },
    { service: 'DbApl', label: 'XPR Db APL (DbApl)' },
    { service: 'SAPROUTEAPL', label: 'XPR SAP Business Routing APL (SAPROUTEAPL)' },
    { service: 'HpmApl', label: 'XPR HiPath Management APL (HpmApl)' },
    { service: 'AbcApl', label: 'XPR ABC APL (AbcApl)' },
    { service: 'WallApl', label: 'XPR Wall Display APL (WallApl)' },
];

/**
 * §6.2 item 7: neither on the cluster nor on a node. xprc models only the
 * Connection APL (component connectionApl); the others (UCC, web conference
 * server, PostgreSQL, SQL Server 2005 Express, optiClient 130 Web, SSDP)
 * are named in the message and the runbook. Table 17 also lists ConApl as
 * GA; Table 18 and §6.2 item 7 exclude it, and the History of Changes says
 * it "must not be installed on a cluster": xprc follows the exclusion.
 */
export const NOT_ON_NODES = 'Connection APL with UCC, web conference server, PostgreSQL, Microsoft SQL Server 2005 Express and optiClient 130 Web, and SSDP';

/** Optional components that carry TTS or ASR; with them the ISDN and IP APLs are Table 18 services. */
export const TTS_ASR_COMPONENTS: readonly string[] = ['Nuance Vocalizer TTS', 'ASR Evo', 'ASR CallerGuide'];

// ---------------------------------------------------------------------------
// Registry re-homing (§9.3) and policies
// ---------------------------------------------------------------------------

/** The two trees in which the node name becomes the network name, and nowhere else (§9.3 step 2). */
export const REHOME_TREES: readonly string[] = ['SOFTWARE\\Wow6432Node\\SIEMENS', 'SOFTWARE\\Wow6432Node\\PP-COM'];
export const MRS_KEY = 'SOFTWARE\\Wow6432Node\\PP-COM\\MRS';

/**
 * The delayed start of APLs after a failover (§9.9 step 6). The guide prints
 * the value as "ApIDelay"; xprc reads it as AplDelay (the scan's I for l, as
 * in "SmsIPApI"). Check the name on a real installation.
 */
export const APL_DELAY_VALUE = 'AplDelay';

/** Restart action of a resource: 1 = restart, no failover; 2 = restart, then fail over the role (§9.7.2 steps 16–17). */
export const RESTART_ACTION = { kernel: 2, other: 1 } as const;

/** The §9.7.5 PowerShell example sets FailoverPeriod 6, the dialog text recommends 8: xprc uses the manifest (default 8) and warns at 6. */
export const EXAMPLE_FAILOVER_PERIOD = 6;
export const RECOMMENDED_FAILOVER_PERIOD = 8;

/** Role priority values of the cluster (Get-ClusterGroup Priority). */
export const PRIORITY_VALUE = { High: 3000, Medium: 2000, Low: 1000, NoAutoStart: 0 } as const;

/** Folders the guide adds to the system Path on every node (§9.4.4 step 5). */
export const PATH_FOLDERS: readonly string[] = ['bin', 'SDKTools'];

/** VC++ runtimes of `XpressionsInstall\Prerequisites` every node needs (§9.4.1); licsvc needs VC++ 2008 (§9.8.2 NOTE). */
export const RUNTIME_INSTALLERS: readonly string[] = ['vcruntimeinst.exe', 'vcredist_x86.exe', 'vcredist_x64.exe', 'vc9\\vcredist_x86.exe', 'vc10\\vcredist_x86.exe'];
