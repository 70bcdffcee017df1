/**
 * The intermediate representation: the only contract between the front end
 * (load, validate, check, lower) and the back ends (DSC, .reg, runbook).
 *
 * Everything here is readonly data. Every item carries the JSON pointer of
 * the manifest value it came from, so that emitters can write provenance and
 * late diagnostics can still point at a line and column.
 */

import type { ClusterResourceKinds } from './cluster-types.js';
import type { NodePhase } from './plan.js';

// The top level (manual steps, nodes, site) is in site-types.ts; re-exported so that every
// consumer imports the IR from this one module.
export type { CredentialParameter, DeliveryIR, LcmSettings, ManualStep, NodeIR, PullServerIR, SiteIR } from './site-types.js';

/** An RFC 6901 JSON pointer into the manifest, e.g. `/nodes/0/name`. */
export type Pointer = string;

export interface Source {
    readonly pointer: Pointer;
}

// ---------------------------------------------------------------------------
// Registry values (shared by the DSC Registry resource and the .reg writer)
// ---------------------------------------------------------------------------

/** Full hive names only; abbreviations are normalised by the front end. */
export type Hive =
    | 'HKEY_LOCAL_MACHINE'
    | 'HKEY_USERS'
    | 'HKEY_CURRENT_USER'
    | 'HKEY_CLASSES_ROOT'
    | 'HKEY_CURRENT_CONFIG';

/**
 * Typed registry data. Types without a DSC equivalent (REG_NONE,
 * REG_DWORD_BIG_ENDIAN, REG_LINK, …) are rejected by the schema, so the one
 * model always maps to both back ends.
 */
export type RegData =
    | { readonly type: 'REG_SZ'; readonly value: string }
    | { readonly type: 'REG_EXPAND_SZ'; readonly value: string }
    /** Items are never empty: an empty string would terminate the list. */
    | { readonly type: 'REG_MULTI_SZ'; readonly value: readonly string[] }
    /** 0 … 4294967295. */
    | { readonly type: 'REG_DWORD'; readonly value: number }
    /** 0 … 2^64-1. */
    | { readonly type: 'REG_QWORD'; readonly value: bigint }
    /** Lowercase hex digits, two per byte, no separators ('' = zero length). */
    | { readonly type: 'REG_BINARY'; readonly value: string };

export type RegType = RegData['type'];

export interface RegistryValue {
    readonly hive: Hive;
    /** Subkey path below the hive, `\`-separated, no leading/trailing `\`. Already includes WOW6432Node for 32-bit views. */
    readonly path: string;
    /** Value name; '' is the default value (`@`). */
    readonly name: string;
    readonly ensure: 'Present' | 'Absent';
    /** Present values carry data; absent ones do not. */
    readonly data?: RegData;
}

// ---------------------------------------------------------------------------
// Resources
// ---------------------------------------------------------------------------

export type Ensure = 'Present' | 'Absent';

/** A credential reference; becomes a `[PSCredential]` parameter named `<name>Credential`. */
export interface CredentialRef {
    readonly credential: string;
}

export interface ResourceBase {
    /**
     * Stable id, unique within the node, derived from the resource's natural
     * key (never a counter), e.g. `Registry_HKLM_SOFTWARE_Vendor_App_Port`.
     * Used as the DSC instance name and in DependsOn.
     */
    readonly id: string;
    /** Ids of resources of the same node that must be applied first, sorted. */
    readonly dependsOn: readonly string[];
    readonly source: Source;
    /** Vendor guide section that prescribes the resource, e.g. 'XPR Installation Guide §4.3.5'. */
    readonly guide?: string;
    /**
     * The node's configurations the resource belongs to (ir/plan.ts):
     * absent means `Operate` only. A product marks what its vendor's
     * interactive installer needs `Prepare` (one-off preparation) or both
     * (what must also stay enforced afterwards).
     */
    readonly phases?: readonly NodePhase[];
}

export interface WindowsFeatureResource extends ResourceBase {
    readonly kind: 'WindowsFeature';
    readonly name: string;
    readonly ensure: Ensure;
    readonly includeAllSubFeature: boolean;
    /**
     * Folder Windows installs the feature's files from when it keeps none
     * itself (NET-Framework-Core: the medium's `sources\sxs`); without it
     * Windows Update is asked, which an offline host cannot reach.
     */
    readonly payloadSource?: string;
}

export interface RegistryResource extends ResourceBase {
    readonly kind: 'Registry';
    readonly value: RegistryValue;
    /**
     * Extra full-line comments the .reg file writes before the key block
     * that holds this value (after its provenance line), e.g. why a related
     * value is deliberately not in the file. Plain text, one line each.
     */
    readonly regComments?: readonly string[];
    /**
     * Windows reads the value only at start-up (e.g. TCP/IP parameters): when
     * the configuration changes it, the node must reboot. xRegistry cannot
     * ask for that, so the DSC side becomes a script that writes the value
     * and requests the reboot; the .reg file is the same either way.
     */
    readonly rebootAfterChange?: boolean;
}

export type BuiltInAccount = 'LocalSystem' | 'LocalService' | 'NetworkService';

export interface ServiceResource extends ResourceBase {
    readonly kind: 'Service';
    readonly name: string;
    readonly ensure: Ensure;
    readonly startupType?: 'Automatic' | 'Manual' | 'Disabled';
    /**
     * Always decided: xService starts a service whose State is left out
     * (its default is Running). 'Ignore' for a service DSC must neither
     * start nor stop; not emitted when the service is to be absent.
     */
    readonly state: 'Running' | 'Stopped' | 'Ignore';
    readonly account?: BuiltInAccount | CredentialRef;
    readonly displayName?: string;
    readonly description?: string;
    /** Executable path; only needed when the service is created. */
    readonly path?: string;
    readonly dependencies?: readonly string[];
}

export type FirewallProtocol = 'TCP' | 'UDP' | 'ICMPv4' | 'ICMPv6' | 'Any';
export type FirewallProfile = 'Domain' | 'Private' | 'Public';

export interface FirewallRuleResource extends ResourceBase {
    readonly kind: 'FirewallRule';
    readonly name: string;
    readonly displayName: string;
    readonly description?: string;
    readonly ensure: Ensure;
    readonly direction: 'Inbound' | 'Outbound';
    readonly action: 'Allow' | 'Block';
    readonly protocol: FirewallProtocol;
    /** Ports or ranges as strings ('8080', '5000-5010'), sorted. Empty = any. */
    readonly localPorts: readonly string[];
    readonly remotePorts: readonly string[];
    readonly remoteAddresses: readonly string[];
    readonly profiles: readonly FirewallProfile[];
    readonly program?: string;
}

export interface DirectoryResource extends ResourceBase {
    readonly kind: 'Directory';
    readonly path: string;
    readonly ensure: Ensure;
    /** Copy this folder's whole content (recursively) into `path`, e.g. a setup medium from a share. */
    readonly sourcePath?: string;
    /** Account that may read `sourcePath` when the computer account may not. */
    readonly credential?: CredentialRef;
}

export interface FileResource extends ResourceBase {
    readonly kind: 'File';
    readonly path: string;
    readonly ensure: Ensure;
    /** Exactly one of contents / sourcePath for a present file. */
    readonly contents?: string;
    readonly sourcePath?: string;
}

export interface MsiPackageResource extends ResourceBase {
    readonly kind: 'MsiPackage';
    /** Display name, for the runbook and comments; MSI identity is productId. */
    readonly name: string;
    /** Product code GUID in braces, upper case: {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}. */
    readonly productId: string;
    readonly path: string;
    readonly ensure: Ensure;
    readonly arguments?: string;
    readonly logPath?: string;
    readonly credential?: CredentialRef;
}

/**
 * An idempotent script step for what no DSC resource covers (e.g. a vendor
 * installer's command line). The test script must check the real state
 * (an installed version, a file), never a constant.
 */
export interface ScriptResource extends ResourceBase {
    readonly kind: 'Script';
    /** What the step ensures, one line (used in comments and diffs). */
    readonly name: string;
    /** PowerShell lines; manifest values inside are already psString-quoted. */
    readonly getScript: readonly string[];
    readonly testScript: readonly string[];
    readonly setScript: readonly string[];
    readonly credential?: CredentialRef;
    /**
     * Set when the Script is a gate: its Test checks a fact that only a
     * manual runbook step can make true (XPR setup ran, a GUI installer
     * finished), and its Set changes nothing: it fails with
     * `gateSetScript()`'s message naming that step. Resources that need the
     * fact depend on the gate, so the LCM skips them until the step is done.
     * Behaviour tests report a failing gate as "waiting", not as a
     * convergence failure.
     */
    readonly gate?: ScriptGate;
}

export interface ScriptGate {
    /** Id of the ManualStep (same node) the gate waits for. */
    readonly step: string;
    /** That step's title, as RUNBOOK.md shows it. */
    readonly title: string;
}

/** Reboots the node when Windows reports a pending reboot (ComputerManagementDsc PendingReboot). */
export interface PendingRebootResource extends ResourceBase {
    readonly kind: 'PendingReboot';
    readonly name: string;
}

/** Accounts that must be members of a local group (others are left alone). */
export interface GroupMembersResource extends ResourceBase {
    readonly kind: 'GroupMembers';
    readonly name: string;
    readonly members: readonly string[];
}

/** Accounts that must hold a user right (e.g. Log_on_as_a_service); others keep theirs. */
export interface UserRightResource extends ResourceBase {
    readonly kind: 'UserRight';
    /** SecurityPolicyDsc policy name, e.g. 'Log_on_as_a_service'. */
    readonly name: string;
    readonly identities: readonly string[];
}

export interface SmbShareResource extends ResourceBase {
    readonly kind: 'SmbShare';
    readonly name: string;
    readonly path: string;
    readonly ensure: Ensure;
    readonly description?: string;
    readonly fullAccess: readonly string[];
    readonly changeAccess: readonly string[];
    readonly readAccess: readonly string[];
    /** Scope of the share: a cluster network name for a clustered file server (§9.6.1); absent = the computer. */
    readonly scopeName?: string;
}

/** An http binding of an IIS website. */
export interface WebBinding {
    readonly protocol: 'http';
    readonly port: number;
    /** Host header; absent = every host name. */
    readonly hostName?: string;
}

/** An IIS website (WebAdministrationDsc WebSite), with its content folder and bindings. */
export interface WebSiteResource extends ResourceBase {
    readonly kind: 'WebSite';
    readonly name: string;
    readonly ensure: Ensure;
    readonly physicalPath: string;
    readonly state: 'Started' | 'Stopped';
    readonly bindings: readonly WebBinding[];
}

/**
 * The User Account Control settings of the node (ComputerManagementDsc
 * UserAccountControl, a single-instance resource). Unless suppressRestart is
 * set, the resource asks the LCM for a reboot when it changes something.
 */
export interface UserAccountControlResource extends ResourceBase {
    readonly kind: 'UserAccountControl';
    readonly notificationLevel:
        | 'AlwaysNotify'
        | 'AlwaysNotifyAndAskForCredentials'
        | 'NotifyChanges'
        | 'NotifyChangesWithoutDimming'
        | 'NeverNotify'
        | 'NeverNotifyAndDisableAll';
    readonly suppressRestart: boolean;
}

/** An IIS virtual directory (WebAdministrationDsc WebVirtualDirectory). */
export interface WebVirtualDirectoryResource extends ResourceBase {
    readonly kind: 'WebVirtualDirectory';
    /** IIS site, e.g. 'Default Web Site'. */
    readonly website: string;
    /** Application the directory belongs to; '' = the site's root application. */
    readonly webApplication: string;
    readonly name: string;
    readonly physicalPath: string;
    readonly ensure: Ensure;
}

/**
 * The SSL settings ("Require SSL", client certificates) of an IIS site
 * (WebAdministrationDsc SslSettings). No flags = SSL not required.
 */
export interface IisSslSettingsResource extends ResourceBase {
    readonly kind: 'IisSslSettings';
    /** IIS site, e.g. 'Default Web Site'. */
    readonly name: string;
    readonly flags: readonly ('Ssl' | 'SslNegotiateCert' | 'SslRequireCert' | 'Ssl128')[];
}

/**
 * Waits until a resource of another node's configuration is in the desired
 * state (the in-box PSDesiredStateConfiguration WaitForAll). Made from a
 * plan's wait step (plan/build-plan.ts), never by a product directly.
 */
export interface WaitForAllResource extends ResourceBase {
    readonly kind: 'WaitForAll';
    /** The other node's resource as the LCM names it, `[Type]Id`. */
    readonly resourceName: string;
    /** The node (manifest name) whose LCM is asked. */
    readonly nodeName: string;
    /** The other node's resource id, for the plan check. */
    readonly waitsFor: string;
    readonly retryIntervalSec: number;
    readonly retryCount: number;
}

export type Resource =
    | ClusterResourceKinds
    | WaitForAllResource
    | ScriptResource
    | UserAccountControlResource
    | WebVirtualDirectoryResource
    | IisSslSettingsResource
    | WebSiteResource
    | PendingRebootResource
    | GroupMembersResource
    | UserRightResource
    | SmbShareResource
    | WindowsFeatureResource
    | RegistryResource
    | ServiceResource
    | FirewallRuleResource
    | DirectoryResource
    | FileResource
    | MsiPackageResource;

export type ResourceKind = Resource['kind'];
