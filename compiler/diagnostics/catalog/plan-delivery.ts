/**
 * Diagnostics catalog, XPR3400–XPR3439: the site plan (plan/) and the
 * delivery settings (push, pull server, XPR343x).
 *
 * One part of CATALOG (../catalog.ts), kept in its own file only so that no
 * file holds the whole table; codes, order and texts are the table's. The
 * `as const satisfies` keeps every template a literal type, which the typed
 * placeholders of DiagnosticArgs need.
 */

import type { CatalogEntry } from '../catalog.js';

export const PLAN_DELIVERY = {
    // --- XPR3400–XPR3429: the site plan (plan/) ---------------------------
    PlanCycle: {
        code: 'XPR3400',
        phase: 'semantic',
        severity: 'error',
        title: 'Roll-out order has a cycle across nodes',
        message: 'The roll-out order of the site has a cycle: {cycle}.',
        fix: 'Place the products so that their orders agree, e.g. do not make one computer both a host that must come first for one product and one that must come after for another.',
        explanation:
            'PLAN.md orders the steps of every product across the nodes (XPR kernel before its satellites, the OfficeStatus server before its clients, the one-X Portal before its desktop clients). A node applies one configuration per phase, so when two products place the same computers in opposite orders, no order satisfies both and no plan can be written.',
    },
    OxOutlookNotSupported: {
        code: 'XPR3352',
        phase: 'semantic',
        severity: 'error',
        title: 'Outlook version not supported by the OXtender',
        message: 'OX client group "{group}" uses Outlook {outlook}, which {connector} does not support (supported: Outlook {supported}).',
        fix: '{remedy}',
        explanation:
            'Connector for Microsoft Outlook supports Outlook 2003 and 2007; Connector 2 for Microsoft Outlook supports Outlook 2003, 2007 and 2010 (§1.1). No later Outlook version is listed.',
        guide: 'OX Updater for Administrators §1.1',
    },
    OxClientOsNotListed: {
        code: 'XPR3353',
        phase: 'semantic',
        severity: 'warning',
        title: 'OXtender client on an unlisted Windows',
        message: 'OX client group "{group}": {what} runs {os}, which is not among the OXtender\'s client systems (Windows XP, Windows Vista, Windows 7).',
        fix: 'Confirm with Open-Xchange that the OX Updater and OXtender support {os}.',
        explanation:
            'The guide lists Windows XP, Windows Vista and Windows 7 as client PC operating systems (§1.1). It is labelled v.7.8.4 but its content is from the OX6 era, so later Windows versions may well be supported by current releases; check before rolling out.',
        guide: 'OX Updater for Administrators §1.1',
    },
    OxPasswordBackendMissing: {
        code: 'XPR3354',
        phase: 'semantic',
        severity: 'error',
        title: 'Password change backend not named',
        message: 'OX client group "{group}" uses the password change plug-in, but "server.passwordChangeBackend" does not name the open-xchange-passwordchange backend for the OX server.',
        fix: 'Set "server.passwordChangeBackend" to the backend package suitable for your OX installation (ask the OX server administrator).',
        explanation:
            'The password change plug-in needs --access-edit-password on for its users, the open-xchange-passwordchange-servlet package and "an open-xchange-passwordchange backend suitable for the installation" (§1.3.1). The guide does not name the backend, so the manifest must, and the runbook asks the OX administrator to install it.',
        guide: 'OX Updater for Administrators §1.3.1',
    },
    OxUpdaterPackageMissing: {
        code: 'XPR3355',
        phase: 'semantic',
        severity: 'error',
        title: 'OX Updater package not declared',
        message: 'OX client group "{group}" installs the OX Updater as a package, but "updaterPackage" is not declared.',
        fix: 'Declare "updaterPackage" (name, UNC path and product code of your copy of the OX Updater MSI), or set the group\'s "install" to "user".',
        explanation:
            'The guide only describes users downloading the Updater from the web interface (§1.1); it gives no file name, product code or switches, so a package roll-out needs them from the manifest.',
        guide: 'OX Updater for Administrators §1.1',
    },
    OxGpoGroupWithoutOs: {
        code: 'XPR3357',
        phase: 'semantic',
        severity: 'error',
        title: 'Group Policy client group without operating systems',
        message: 'OX client group "{group}" reaches its computers by Group Policy but does not say which Windows versions they run.',
        fix: 'Add "operatingSystems" to the group (the guide lists "WindowsXP", "WindowsVista" and "Windows7", §1.1).',
        explanation:
            'Machines that are nodes state their own "os"; the computers a Group Policy object reaches are known only by what the group says. Without it xprc cannot check them against the client systems of §1.1, and assuming one version would hide an unsupported roll-out.',
        guide: 'OX Updater for Administrators §1.1',
    },
    OxClientWithoutDsc: {
        code: 'XPR3358',
        phase: 'semantic',
        severity: 'error',
        title: 'OX Updater package on a node DSC cannot configure',
        message: 'OX client group "{group}" installs the Updater MSI on node "{node}" through its DSC configuration, but {os} cannot run DSC.',
        fix: 'Reach {node} through the group\'s Group Policy target ("targets"."gpo" with "operatingSystems"), or leave the install to the user ("install": "user").',
        explanation:
            'Desired State Configuration needs Windows Management Framework 4.0 or later, which Microsoft ships for Windows 7 SP1 and Windows Server 2008 R2 SP1 onwards; Windows XP and Vista have none, so the node\'s configuration could never be applied there. Group Policy software installation works on every system of §1.1.',
        guide: 'OX Updater for Administrators §1.1',
    },
    OxPackagePathNotOnShare: {
        code: 'XPR3359',
        phase: 'semantic',
        severity: 'error',
        title: 'Updater path is not on the share xprc creates',
        message: 'The Updater MSI path "{path}" is not on node "{node}"\'s share: with "share", it must be \\\\{node}\\<share name>\\<file>.',
        fix: 'Write "path" as \\\\{node}\\<share name>\\<file> (the share name is created for "folder"), or remove "share" and stage the MSI by hand.',
        explanation:
            'With "share", the configuration of the file server creates the share named in "path" over "folder" and copies the MSI there, so the machines that install it must read it from that very share; a path on another host or without a share name would install from somewhere nothing prepares.',
        guide: 'OX Updater for Administrators §1.1',
    },
    // --- XPR343x: delivery settings (push, pull server) ---------------------
    PullWithoutServer: {
        code: 'XPR3430',
        phase: 'semantic',
        severity: 'error',
        title: 'Pull delivery without a pull server',
        message: 'Delivery mode is "pull" but "delivery.pullServer" is not set, so the nodes would not know where to fetch their configuration.',
        fix: 'Add "delivery.pullServer" with the server\'s "url" and the reference name of its "registrationKey", or set "delivery.mode" to "push".',
        explanation:
            'A pull-mode meta-configuration needs the pull server\'s URL (ConfigurationRepositoryWeb ServerURL) and a registration key; the site build writes one per node from these settings. See docs/delivery.md.',
        guide: 'docs/delivery.md (pull server)',
    },
    PullServerUnencrypted: {
        code: 'XPR3431',
        phase: 'semantic',
        severity: 'warning',
        title: 'Pull server over plain HTTP',
        message: 'Pull server "{url}" is reached over http: the registration key and every configuration (credentials included, when not encrypted with a certificate) cross the network unencrypted.',
        fix: 'Serve the pull server over https with a certificate the nodes trust, and use the https URL; keep http for an isolated lab only.',
        explanation:
            'The Local Configuration Manager refuses an http ServerURL unless the meta-configuration sets AllowUnsecureConnection, which xprc then does. The registration key authenticates every node that registers, so on an open network it must not travel in clear text.',
        guide: 'docs/delivery.md (pull server)',
    },
    RegistrationKeyValue: {
        code: 'XPR3432',
        phase: 'semantic',
        severity: 'error',
        title: 'Registration key value in the manifest',
        message: '"registrationKey" holds what looks like a registration key (a GUID), not the reference name of one.',
        fix: 'Store the key in a SecretManagement vault (Set-Secret -Name <name> -Secret <key>) and put that name here; the site build reads it with -Vault or takes -RegistrationKey. Consider the key disclosed and create a new one on the pull server.',
        explanation:
            'A pull server\'s registration key lets any machine register and download configurations, so it is a secret: manifests are committed and reviewed, and never hold one. The manifest names the key; the site build fetches it when it compiles the meta-MOFs.',
        guide: 'docs/delivery.md (registration key)',
    },
} as const satisfies Record<string, CatalogEntry>;
