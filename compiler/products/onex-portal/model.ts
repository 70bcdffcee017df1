/**
 * The onexPortal section with its defaults filled in, the nodes it names,
 * and the small helpers rules and lowering share (pointers, release and
 * subnet arithmetic). Pure functions of the manifest.
 */

import type { Node, OnexDesktopClients, OnexIpOffice, OnexPortal, Site } from '../../manifest/types.generated.js';
import { joinPointer } from '../../frontend/source.js';
import {
    DEFAULT_EWS_PATH,
    DEFAULT_HTTP_PORT,
    DEFAULT_IIS_COMPATIBILITY_FEATURES,
    DEFAULT_JMX_PORT,
    DEFAULT_JVM_INITIAL_HEAP_MB,
    DEFAULT_JVM_MAXIMUM_HEAP_MB,
    DEFAULT_SERVICE_NAME,
    DEFAULT_TSPI_USER,
    DEFAULT_WEBSITE,
    DEFAULT_XMPP_DOMAIN,
    jvmOptions,
    SUPPORTED_PLATFORM,
} from './data.js';

export const SECTION = '/onexPortal';

/** A pointer into the section: `at('voicemail', 'node')` → `/onexPortal/voicemail/node`. */
export function at(...segments: readonly (string | number)[]): string {
    return joinPointer(SECTION, ...segments);
}

export interface Settings {
    readonly section: OnexPortal;
    readonly capacity: '300' | '750';
    readonly httpPort: number;
    readonly jmxPort: number;
    readonly serviceName: string;
    readonly reinstall: boolean;
    readonly previousVersion: string;
    readonly mobility: boolean;
    readonly xmppFederation: boolean;
    readonly webConferencing: boolean;
    readonly outboundFiltering: boolean;
    readonly xmppDomain: string;
    readonly xmppDomainSet: boolean;
    readonly tspiUser: string;
    readonly tspiPasswordChanged: boolean;
    readonly ipOffices: readonly (OnexIpOffice & { readonly platform: string })[];
    readonly voicemailPro?: {
        readonly node: string;
        readonly installDir: string;
        readonly website: string;
        readonly compatibilityFeatures: readonly string[];
        readonly installed: boolean;
    };
    readonly exchange?: {
        readonly node?: string;
        readonly version: string;
        readonly ewsSite: string;
        readonly ewsLocation: string;
        readonly hostedExternally: boolean;
        readonly account?: string;
    };
    /** Present with capacity 750 only (the JVM tuning is for more than 300 users). */
    readonly jvm?: {
        readonly path: string;
        readonly initialHeapMB: number;
        readonly maximumHeapMB: number;
        /** The §2.10 step 2g entries, then the manifest's extra ones. */
        readonly options: readonly string[];
    };
    readonly clients?: OnexDesktopClients & {
        readonly clientList: readonly ('callAssistant' | 'outlookPlugin')[];
        readonly secureModeValue: 0 | 1;
        readonly managed: readonly string[];
    };
}

/** The section with every default applied (defaults as the schema documents them). */
export function settings(section: OnexPortal): Settings {
    const voicemail = section.voicemail;
    const exchange = section.exchange;
    const ewsPath = exchange?.ewsPath ?? DEFAULT_EWS_PATH;
    const capacity = section.capacity ?? '300';
    const clients = section.desktopClients;
    return {
        section,
        capacity,
        httpPort: section.httpPort ?? DEFAULT_HTTP_PORT,
        jmxPort: section.jmxPort ?? DEFAULT_JMX_PORT,
        serviceName: section.serviceName ?? DEFAULT_SERVICE_NAME,
        reinstall: section.reinstall === true,
        previousVersion: section.previousVersion ?? '',
        mobility: section.features?.mobility === true,
        xmppFederation: section.features?.xmppFederation === true,
        webConferencing: section.features?.webConferencing === true,
        outboundFiltering: section.outboundFiltering === true,
        xmppDomain: section.xmppDomain ?? DEFAULT_XMPP_DOMAIN,
        xmppDomainSet: section.xmppDomain !== undefined && section.xmppDomain !== DEFAULT_XMPP_DOMAIN,
        tspiUser: section.tspi?.serviceUser ?? DEFAULT_TSPI_USER,
        tspiPasswordChanged: section.tspi?.passwordChanged === true,
        ipOffices: section.ipOffices.map((o) => ({ ...o, platform: o.platform ?? SUPPORTED_PLATFORM })),
        ...(voicemail.type === 'voicemailPro' && voicemail.node !== undefined && voicemail.installDir !== undefined
            ? {
                  voicemailPro: {
                      node: voicemail.node,
                      installDir: voicemail.installDir.replace(/\\+$/, ''),
                      website: voicemail.website ?? DEFAULT_WEBSITE,
                      compatibilityFeatures: voicemail.iisCompatibilityFeatures ?? DEFAULT_IIS_COMPATIBILITY_FEATURES,
                      installed: voicemail.installed === true,
                  },
              }
            : {}),
        ...(exchange
            ? {
                  exchange: {
                      ...(exchange.node !== undefined ? { node: exchange.node } : {}),
                      version: exchange.version,
                      ewsSite: ewsPath.slice(0, ewsPath.indexOf('/')),
                      ewsLocation: ewsPath,
                      hostedExternally: exchange.hostedExternally === true,
                      ...(exchange.account ? { account: exchange.account.credential } : {}),
                  },
              }
            : {}),
        ...(capacity === '750' && section.jvm
            ? {
                  jvm: {
                      path: section.jvm.path,
                      initialHeapMB: section.jvm.initialHeapMB ?? DEFAULT_JVM_INITIAL_HEAP_MB,
                      maximumHeapMB: section.jvm.maximumHeapMB ?? DEFAULT_JVM_MAXIMUM_HEAP_MB,
                      options: jvmOptions(section.jvm.options ?? []),
                  },
              }
            : {}),
        ...(clients
            ? {
                  clients: {
                      ...clients,
                      clientList: [...(clients.clients ?? ['callAssistant', 'outlookPlugin'])].sort() as ('callAssistant' | 'outlookPlugin')[],
                      secureModeValue: (clients.secureMode ?? 0) as 0 | 1,
                      managed: clients.managedNodes ?? [],
                  },
              }
            : {}),
    };
}

// ---------------------------------------------------------------------------
// Nodes
// ---------------------------------------------------------------------------

/** The node of that name (computer names compare case-insensitively), with its index. */
export { findSiteNode as findNode, sameNodeName as sameName } from '../../frontend/defaults.js';

/** The node's name qualified with the site's domain, for URLs. */
export function hostName(site: Site, name: string): string {
    return site.domain ? `${name.toLowerCase()}.${site.domain}` : name;
}

/** The node's IPv4 addresses, in manifest order, with their pointers. */
export function ipv4Addresses(node: Node, index: number): { address: string; prefixLength?: number; pointer: string }[] {
    return (node.addresses ?? []).flatMap((a, i) =>
        parseIpv4(a.address) === undefined
            ? []
            : [{ address: a.address, ...(a.prefixLength !== undefined ? { prefixLength: a.prefixLength } : {}), pointer: `/nodes/${index}/addresses/${i}/address` }],
    );
}

// ---------------------------------------------------------------------------
// Arithmetic
// ---------------------------------------------------------------------------

/** `9.1` → [9, 1]; undefined when it is not major.minor. */
export function parseRelease(release: string): readonly [number, number] | undefined {
    const match = /^([0-9]+)\.([0-9]+)$/.exec(release);
    return match ? [Number(match[1]), Number(match[2])] : undefined;
}

export function compareRelease(a: readonly [number, number], b: readonly [number, number]): number {
    return a[0] - b[0] || a[1] - b[1];
}

/** An IPv4 address as an unsigned 32-bit number. */
export function parseIpv4(address: string): number | undefined {
    const parts = address.split('.');
    if (parts.length !== 4 || parts.some((p) => !/^[0-9]{1,3}$/.test(p) || Number(p) > 255)) {
        return undefined;
    }
    return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

/** The network part of an IPv4 address for a prefix length (0–32). */
export function ipv4Network(address: number, prefixLength: number): number {
    if (prefixLength <= 0) {
        return 0;
    }
    const hostBits = 32 - Math.min(prefixLength, 32);
    return Math.floor(address / 2 ** hostBits) * 2 ** hostBits;
}
