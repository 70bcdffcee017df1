/**
 * Diagnostics catalog, XPR3300–XPR3349: OfficeStatus
 * (compiler/products/officestatus).
 *
 * One part of CATALOG (../catalog.ts), kept in its own file only so that no
 * file holds the whole table; codes, order and texts are the table's. The
 * `as const satisfies` keeps every template a literal type, which the typed
 * placeholders of DiagnosticArgs need.
 */

import type { CatalogEntry } from '../catalog.js';

export const OFFICESTATUS = {
    // --- XPR3300–XPR3349: OfficeStatus (compiler/products/officestatus) -----
    OfficeStatusUnknownNode: {
        code: 'XPR3300',
        phase: 'semantic',
        severity: 'error',
        title: 'OfficeStatus refers to an unknown node',
        message: 'The OfficeStatus {role} "{name}" is not a node of this manifest.{suggestion}',
        fix: 'Declare "{name}" under "nodes" (desktops can be nodes too, e.g. with "os": "Windows11") or correct the name.',
        explanation:
            'The OfficeStatus server, the distribution share and client groups that target named machines refer to nodes by name; each node gets its own configuration and runbook, so a name that matches no node would silently configure nothing.',
    },
    OfficeStatusNodeInTwoGroups: {
        code: 'XPR3301',
        phase: 'semantic',
        severity: 'error',
        title: 'Machine in two OfficeStatus client groups',
        message: 'Node "{node}" is a target of OfficeStatus client groups "{first}" and "{second}"; a machine gets one client package.',
        fix: 'Remove the node from one of the groups.',
        explanation:
            'Each client group chooses a package, version and install folder. Two groups on one machine would install two packages of the same product, and each install removes the other (§6.3), so the configuration would never settle.',
        guide: 'OfficeStatus Deployment Guide §6.3',
    },
    OfficeStatusDuplicateGroup: {
        code: 'XPR3315',
        phase: 'semantic',
        severity: 'error',
        title: 'Duplicate OfficeStatus client group name',
        message: 'OfficeStatus client group name "{name}" is used twice.',
        fix: 'Give every client group its own name.',
        explanation: 'Group names identify runbook steps and messages; two groups of one name would make them ambiguous.',
    },
    OfficeStatusServerOnDesktopOs: {
        code: 'XPR3302',
        phase: 'semantic',
        severity: 'error',
        title: 'OfficeStatus Server on a desktop Windows',
        message: 'OfficeStatus Server node "{node}" runs {os}; the server needs Windows Server with IIS and ASP.NET.',
        fix: 'Place the server on a Windows Server node (Windows Server 2008 R2 is the listed version DSC can manage).',
        explanation:
            'The server requirements name a Windows Server operating system with the IIS and ASP.NET role services (§2.1, §2.3); the generated configuration installs them with Windows Server features, which desktop Windows does not have.',
        guide: 'OfficeStatus Deployment Guide §2.1, §2.3',
    },
    OfficeStatusServerOsNotListed: {
        code: 'XPR3303',
        phase: 'semantic',
        severity: 'warning',
        title: 'OfficeStatus Server on an unlisted Windows Server',
        message: 'OfficeStatus Server node "{node}" runs {os}, which is not among the supported server systems (Windows Server 2008, 2003 SP2, 2000 SP4).',
        fix: 'Confirm with the vendor that OfficeStatus Server supports {os}, or use Windows Server 2008 R2.',
        explanation:
            'The guide lists Windows Server 2008 (any edition, any release), 2003 SP2 and 2000 SP4 (§2.3). Of these only 2008 R2 runs the PowerShell DSC the generated configuration needs, so it is the one version that is both listed and manageable; later versions are likely to work but are not listed.',
        guide: 'OfficeStatus Deployment Guide §2.3',
    },
    OfficeStatusClientOnServerOs: {
        code: 'XPR3304',
        phase: 'semantic',
        severity: 'warning',
        title: 'OfficeStatus Windows Client on a server system',
        message: 'OfficeStatus client group "{group}" targets node "{node}", which runs {os}; the Windows Client is supported on Windows desktop systems.',
        fix: 'Target desktop machines, or confirm with the vendor that the client runs on {os} (e.g. for a terminal server).',
        explanation:
            'The client requires "a Windows desktop operating system (Windows XP or later)" (§3.3.1). xprc reads "or later" as including Windows 10 and 11, which are therefore not reported, although §3.3.2 only lists Windows 7, Vista and XP.',
        guide: 'OfficeStatus Deployment Guide §3.3.1, §3.3.2',
    },
    OfficeStatusClientNewerThanServer: {
        code: 'XPR3305',
        phase: 'semantic',
        severity: 'error',
        title: 'OfficeStatus client newer than the server',
        message: 'OfficeStatus client group "{group}" installs version {client}, whose major.minor {clientMajorMinor} is higher than the server\'s {serverMajorMinor} ({server}); such a client reports an error and cannot communicate.',
        fix: 'Upgrade OfficeStatus Server first (raise "server.version"), then the clients; or deploy a client whose major.minor is at most {serverMajorMinor}.',
        explanation:
            'When the Windows Client connects, the major and minor parts of both four-part service versions are compared; a client with a higher major.minor than the server reports an error. On a major or minor upgrade the server is therefore upgraded first, then the clients (§6.1).',
        guide: 'OfficeStatus Deployment Guide §6.1',
    },
    OfficeStatusTelephonyNeedsV3: {
        code: 'XPR3306',
        phase: 'semantic',
        severity: 'error',
        title: 'OfficeStatus telephony needs client 3.0',
        message: 'OfficeStatus client group "{group}" uses telephony integration, which needs Windows Client 3.0 or later, not {version}.',
        fix: 'Deploy client version 3.0 or later to this group, or set "telephony" to false.',
        explanation: 'Telephony integration (TAPI 1.3 to 2.3 through a TSP driver) is part of OfficeStatus Windows Client v3.0 and later (§7.2).',
        guide: 'OfficeStatus Deployment Guide §7.2',
    },
    OfficeStatusDatabaseNotSupported: {
        code: 'XPR3307',
        phase: 'semantic',
        severity: 'warning',
        title: 'Database not supported by OfficeStatus',
        message: '{engine} is not among the databases OfficeStatus supports.',
        fix: 'Use SQL Server 2008 (Standard, Workgroup, Web, Enterprise or Express), 2005 (Standard, Workgroup, Enterprise or Express), 2000 SP4 (Standard or Enterprise) or MSDE 2000 SP4, or confirm support for {engine} with the vendor.',
        explanation:
            'The guide lists the supported commercial and free SQL Server platforms (§2.4). Later versions may work, but the vendor does not list them; "SQL Server 2008" is read as not including 2008 R2, which is reported too.',
        guide: 'OfficeStatus Deployment Guide §2.4',
    },
    OfficeStatusExpressTooSmall: {
        code: 'XPR3308',
        phase: 'semantic',
        severity: 'warning',
        title: 'SQL Server Express for more than 100 users',
        message: '{users} users are expected, but the OfficeStatus database runs on {engine}, which suits 25 to 100 users.',
        fix: 'Use a commercial SQL Server edition for this many users, or correct "expectedUsers".',
        explanation: 'SQL Server Express 2005 and 2008 (and MSDE) are "generally appropriate for OfficeStatus installations with 25 to 100 users" (§2.4).',
        guide: 'OfficeStatus Deployment Guide §2.4',
    },
    OfficeStatusLocalAccountRemoteDatabase: {
        code: 'XPR3309',
        phase: 'semantic',
        severity: 'error',
        title: 'Local OfficeStatus account with a remote database',
        message: 'The OfficeStatus account "{account}" is a local account of "{node}", but the database is on "{server}"; that SQL Server cannot authenticate a local account of another machine.',
        fix: 'Use a domain account (userName "DOMAIN\\name") for the OfficeStatus account, or place the database on the OfficeStatus server.',
        explanation:
            'The installer creates a SQL Server login bound to the OfficeStatus Windows account and makes it the database owner (§4.2.3, §4.2.4). Windows authentication to another machine needs an account that machine knows, i.e. a domain account (standard Windows behaviour; the guide does not say so).',
        guide: 'OfficeStatus Deployment Guide §4.2.3, §4.2.4',
    },
    OfficeStatusRootOfExistingSite: {
        code: 'XPR3310',
        phase: 'semantic',
        severity: 'warning',
        title: 'OfficeStatus in the root of an existing website',
        message: 'OfficeStatus is installed into the root of the existing website "{site}", which the installer reconfigures for its own use.',
        fix: 'Install into a virtual directory, or let xprc create a website for OfficeStatus ("create": true), unless "{site}" serves nothing else.',
        explanation: 'If you install into the root of an existing website, OfficeStatus Server reconfigures that website for its own use (§4.2.2); anything else the site serves may stop working.',
        guide: 'OfficeStatus Deployment Guide §4.2.2',
    },
    OfficeStatusGpoNeedsMsi: {
        code: 'XPR3311',
        phase: 'semantic',
        severity: 'error',
        title: 'Group Policy deployment of the EXE client',
        message: 'OfficeStatus client group "{group}" is deployed by Group Policy but installs the EXE package; Group Policy software installation deploys MSI packages.',
        fix: 'Use "msiX86" (supported on 32- and 64-bit Windows) or "msiX64" for this group.',
        explanation: 'Group Policy deployment needs the MSI version of the client package, built separately for 32-bit and 64-bit workstations (§5.5).',
        guide: 'OfficeStatus Deployment Guide §5.5',
    },
    OfficeStatusGpoWithoutDotNet: {
        code: 'XPR3312',
        phase: 'semantic',
        severity: 'error',
        title: '.NET 2.0 SP2 not confirmed for a Group Policy deployment',
        message: 'OfficeStatus client group "{group}" is deployed by Group Policy, but .NET Framework 2.0 SP2 or later is not confirmed on its computers; the MSI does not install it.',
        fix: 'Deploy .NET Framework 2.0 SP2 or later (e.g. .NET Framework 3.5) to those computers first, then set "dotNetPreinstalled": true.',
        explanation:
            'Unlike the EXE installer, the MSI installers do not download and install the .NET Framework 2.0 SP2 requirement; it must already be present on the target computers (§5.5). Nodes are checked by their install step at run time instead.',
        guide: 'OfficeStatus Deployment Guide §5.5',
    },
    OfficeStatusPackageNotDeclared: {
        code: 'XPR3313',
        phase: 'semantic',
        severity: 'error',
        title: 'OfficeStatus client package not declared',
        message: 'OfficeStatus client group "{group}" installs package "{package}", which "clientPackages" does not declare.',
        fix: 'Declare "{package}" under "clientPackages" (file name and product code from the vendor download) or choose a declared package.',
        explanation: 'The install step needs the package\'s file name in the distribution folder and its product code; the guide gives neither (§5.2, §5.5).',
        guide: 'OfficeStatus Deployment Guide §5.2, §5.5',
    },
    OfficeStatusAccountWithoutUserName: {
        code: 'XPR3314',
        phase: 'semantic',
        severity: 'error',
        title: 'OfficeStatus account without a user name',
        message: 'Credential "{name}" is the OfficeStatus {role} but declares no "userName"; the installer must be given the account name.',
        fix: 'Add "userName" to credentials.{name} (the account name, never its password).',
        explanation:
            'The server wizard asks for the Windows account (§4.2.3), the SQL Server login when SQL Server authentication is used (§4.2.4) and the OfficeStatus administrator\'s user name (§4.2.5); the runbook fills them in from the credential references.',
        guide: 'OfficeStatus Deployment Guide §4.2.3–§4.2.5',
    },
    OfficeStatusClientWithoutDsc: {
        code: 'XPR3316',
        phase: 'semantic',
        severity: 'error',
        title: 'OfficeStatus client on a node DSC cannot configure',
        message: 'OfficeStatus client group "{group}" installs the Windows Client on node "{node}" through its DSC configuration, but {os} cannot run DSC.',
        fix: 'Reach {node} through a Group Policy target of the group ("targets"."gpo" with an MSI package, §5.5) instead of naming it.',
        explanation:
            'The guide lists Windows 7, Vista and XP for the client (§3.3.2), but Desired State Configuration needs Windows Management Framework 4.0 or later, which Microsoft ships for Windows 7 SP1 and Windows Server 2008 R2 SP1 onwards; on Windows XP and Vista the node\'s configuration could never be applied. Group Policy assignment of the MSI works there.',
        guide: 'OfficeStatus Deployment Guide §3.3.2, §5.5',
    },
    OfficeStatusIisDscOs: {
        code: 'XPR3317',
        phase: 'semantic',
        severity: 'warning',
        title: 'IIS website resource not supported on the OfficeStatus server\'s OS',
        message: 'Node "{node}" runs {os}, which is not among the systems WebAdministrationDsc supports (Windows Management Framework 5.0 or later on Windows Server 2012, 2012 R2, 2016 and later); xprc creates the website "{site}" with its WebSite resource.',
        fix: 'Create the website "{site}" in IIS Manager before the installer runs and set "create" to false, or run the server on a system the module supports (one the OfficeStatus guide does not list, §2.3).',
        explanation:
            'The guide lists Windows Server 2008 (R2) as the only server system xprc can name (§2.3), but WebAdministrationDsc, whose WebSite resource creates the site, requires WMF 5.0 or later on Windows Server 2012, 2012 R2 or 2016 and later (its README). On 2008 R2 the configuration may not apply. A site created for root placement uses IIS\'s own WebAdministration module instead and is not affected.',
        guide: 'OfficeStatus Deployment Guide §2.3, §4.2.2',
    },
    OfficeStatusGpoGroupWithoutOs: {
        code: 'XPR3318',
        phase: 'semantic',
        severity: 'error',
        title: 'Group Policy client group without operating systems',
        message: 'OfficeStatus client group "{group}" reaches its computers by Group Policy but does not say which Windows versions they run.',
        fix: 'Add "operatingSystems" to the group (the guide lists "Windows7", "WindowsVista" and "WindowsXP", §3.3.2; "Windows XP or later", §3.3.1).',
        explanation:
            'Machines that are nodes state their own "os"; the computers a Group Policy object reaches are known only by what the group says. Without it xprc cannot check them against the client systems of §3.3, and assuming one version would hide an unsupported roll-out.',
        guide: 'OfficeStatus Deployment Guide §3.3.1, §3.3.2',
    },
} as const satisfies Record<string, CatalogEntry>;
