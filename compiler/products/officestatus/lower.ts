/**
 * OfficeStatus → IR, per node. A node can play three parts:
 *
 * - the server node: IIS with ASP.NET and .NET Framework 3.5 (§2.1, §2.3,
 *   §4.1), a reboot point (§4.1), the website when xprc creates it (§4.2.2),
 *   an inbound firewall rule for the site's port, and the installer wizard
 *   as runbook steps (the guide has no unattended server install);
 * - the distribution node: the folder and share that hold the client
 *   packages, and ClientInstall.ini next to them (§5.3, §5.5);
 * - a client node (a target of a client group): the silent client install
 *   as an idempotent script step (§5.2, §5.5).
 *
 * Group Policy targets are not nodes: they get runbook steps on the
 * distribution node. Ids of resources that the baseline can also declare
 * (features, folders, files, firewall rules) follow the baseline's scheme,
 * so a resource both declare is kept once under one id.
 */

import type { ResolvedNode, ResolvedSite } from '../../frontend/resolve.js';
import { psIdentifier, psString } from '../../emit/ps/quote.js';
import type { DirectoryResource, FileResource, ManualStep, Resource, ScriptResource, WindowsFeatureResource } from '../../ir/types.js';
import type { OfficeStatus, OfficeStatusClientGroup } from '../../manifest/types.generated.js';
import type { ProductNodeOutput } from '../product.js';
import { CLIENT_INI, guide, NETFX2_KEY, PACKAGE_LABEL, SERVER_FEATURES, UNINSTALL_KEYS } from './data.js';
import { clientGroups, installArguments, packageOf, sameNode, SECTION, serviceUrl, shareUnc } from './model.js';
import { clientSteps, distributionSteps, serverSteps } from './runbook.js';
import { DEFAULT_FIREWALL_PROFILES } from '../../frontend/defaults.js';
import { withServerPhases } from './plan.js';

export function lowerOfficeStatus(site: ResolvedSite, node: ResolvedNode): ProductNodeOutput | undefined {
    const section = site.site.officeStatus;
    if (!section) {
        return undefined;
    }
    const resources: Resource[] = [];
    const manualSteps: ManualStep[] = [];
    const roles: string[] = [];

    if (sameNode(section.server.node, node.name)) {
        resources.push(...withServerPhases(serverResources(site, section), section.server.installed === true));
        manualSteps.push(...serverSteps(site, section, node));
        roles.push('officestatus-server');
    }
    if (section.distribution && sameNode(section.distribution.node, node.name)) {
        resources.push(...distributionResources(section));
        manualSteps.push(...distributionSteps(section));
        roles.push('officestatus-distribution');
    }
    const target = clientGroups(section).find(({ group }) => (group.targets.nodes ?? []).some((name) => sameNode(name, node.name)));
    if (target) {
        const j = (target.group.targets.nodes ?? []).findIndex((name) => sameNode(name, node.name));
        resources.push(clientInstall(section, target.group, `${target.pointer}/targets/nodes/${j}`));
        manualSteps.push(...clientSteps(section, target.group, `${target.pointer}/targets/nodes/${j}`));
        roles.push('officestatus-client');
    }
    return roles.length === 0 ? undefined : { resources, manualSteps, roles };
}

// ---------------------------------------------------------------------------
// Server
// ---------------------------------------------------------------------------

function feature(name: string, featureGuide: string, pointer: string, dependsOn: readonly string[] = []): WindowsFeatureResource {
    return {
        kind: 'WindowsFeature',
        id: psIdentifier(`WindowsFeature_${name}`),
        dependsOn,
        source: { pointer },
        guide: featureGuide,
        name,
        ensure: 'Present',
        includeAllSubFeature: false,
    };
}

function folder(path: string, pointer: string, folderGuide: string): DirectoryResource {
    return { kind: 'Directory', id: psIdentifier(`Folder_${path}`), dependsOn: [], source: { pointer }, guide: folderGuide, path, ensure: 'Present' };
}

function serverResources(site: ResolvedSite, section: OfficeStatus): Resource[] {
    const server = section.server;
    const pointer = `${SECTION}/server`;
    const webServer = feature(SERVER_FEATURES.webServer.name, SERVER_FEATURES.webServer.guide, `${pointer}/node`);
    const aspNet = feature(SERVER_FEATURES.aspNet.name, SERVER_FEATURES.aspNet.guide, `${pointer}/node`, [webServer.id]);
    const dotNet = feature(SERVER_FEATURES.dotNet35.name, SERVER_FEATURES.dotNet35.guide, `${pointer}/node`);
    const features = [webServer, aspNet, dotNet];
    const out: Resource[] = [
        ...features,
        {
            // "The host computer may need to be restarted" for the prerequisites (§4.1).
            kind: 'PendingReboot',
            id: 'OfficeStatus_PendingReboot',
            dependsOn: features.map((f) => f.id).sort(),
            source: { pointer: `${pointer}/node` },
            guide: guide('§4.1'),
            name: 'OfficeStatusPrerequisites',
        },
    ];

    const website = server.website;
    const port = website.port ?? 80;
    if (website.create === true && website.physicalPath !== undefined) {
        // The wizard's "Create new website" link has no documented fields
        // (§4.2.2), so xprc creates the site and the wizard selects it. The
        // host header lets it share port 80 with the Default Web Site.
        const content = folder(website.physicalPath, `${pointer}/website/physicalPath`, guide('§4.2.2'));
        out.push(content, {
            kind: 'WebSite',
            id: psIdentifier(`WebSite_${website.name}`),
            dependsOn: [content.id, webServer.id].sort(),
            source: { pointer: `${pointer}/website` },
            guide: guide('§4.2.2'),
            name: website.name,
            ensure: 'Present',
            physicalPath: website.physicalPath,
            state: 'Started',
            bindings: [{ protocol: 'http', port, hostName: website.hostName }],
        });
    }
    if (website.firewall !== false) {
        // Clients reach the web service over the LAN, WAN or Internet (§1.1);
        // the guide names no port, so the rule opens the site's binding.
        const name = 'OfficeStatus-HTTP-In';
        out.push({
            kind: 'FirewallRule',
            id: psIdentifier(`Firewall_${name}`),
            dependsOn: [],
            source: { pointer: `${pointer}/website` },
            guide: guide('§1.1, §4.2.2'),
            name,
            displayName: 'OfficeStatus web interface and web service (HTTP-In)',
            description: `Browsers and OfficeStatus Windows Clients reach ${serviceUrl(website)}`,
            ensure: 'Present',
            direction: 'Inbound',
            action: 'Allow',
            protocol: 'TCP',
            localPorts: [String(port)],
            remotePorts: [],
            remoteAddresses: [],
            profiles: [...(site.site.defaults?.firewallProfiles ?? DEFAULT_FIREWALL_PROFILES)],
        });
    }
    return out;
}

// ---------------------------------------------------------------------------
// Distribution share
// ---------------------------------------------------------------------------

/**
 * ClientInstall.ini exactly as §5.3 shows it: `[Startup Defaults]` and
 * `WebServiceAddress=<service address>`, CRLF line endings. The first line is
 * a comment because the in-box File resource writes Contents as UTF-8 with a
 * byte order mark: on a comment line the mark is harmless, while in front of
 * `[Startup Defaults]` an ANSI ini reader would not recognise the section.
 * The service address is ASCII (the schema restricts host and virtual
 * directory names), so ANSI and UTF-8 readers see the same bytes.
 */
export function clientInstallIni(section: OfficeStatus): string {
    return [
        '; OfficeStatus Windows Client defaults (OfficeStatus Deployment Guide, section 5.3), managed by DSC. Do not edit.',
        `[${CLIENT_INI.section}]`,
        `${CLIENT_INI.key}=${serviceUrl(section.server.website)}`,
        '',
    ].join('\r\n');
}

function distributionResources(section: OfficeStatus): Resource[] {
    const distribution = section.distribution;
    if (!distribution) {
        return [];
    }
    const pointer = `${SECTION}/distribution`;
    const root = folder(distribution.path, `${pointer}/path`, guide('§5.5'));
    const ini: FileResource = {
        kind: 'File',
        id: psIdentifier(`File_${distribution.path}\\${CLIENT_INI.file}`),
        dependsOn: [root.id],
        source: { pointer: `${SECTION}/server/website` },
        guide: guide('§5.3, §5.5'),
        path: `${distribution.path}\\${CLIENT_INI.file}`,
        ensure: 'Present',
        contents: clientInstallIni(section),
    };
    const copies: FileResource[] = (['exe', 'msiX86', 'msiX64'] as const).flatMap((kind) => {
        const pkg = section.clientPackages?.[kind];
        if (pkg?.source === undefined) {
            return [];
        }
        return [
            {
                kind: 'File',
                id: psIdentifier(`File_${distribution.path}\\${pkg.file}`),
                dependsOn: [root.id],
                source: { pointer: `${SECTION}/clientPackages/${kind}/source` },
                guide: guide(kind === 'exe' ? '§5.2, §5.3' : '§5.5'),
                path: `${distribution.path}\\${pkg.file}`,
                ensure: 'Present',
                sourcePath: pkg.source,
            },
        ];
    });
    return [
        root,
        {
            kind: 'SmbShare',
            id: psIdentifier(`Share_${distribution.share}`),
            dependsOn: [root.id],
            source: { pointer: `${pointer}/share` },
            guide: guide('§5.5'),
            name: distribution.share,
            path: distribution.path,
            ensure: 'Present',
            description: 'OfficeStatus Windows Client packages and ClientInstall.ini',
            fullAccess: [...(distribution.fullAccess ?? [])].sort(),
            changeAccess: [],
            readAccess: [...distribution.readAccess].sort(),
        },
        ini,
        ...copies,
    ];
}

// ---------------------------------------------------------------------------
// Client machines
// ---------------------------------------------------------------------------

/**
 * The silent install (§5.2; for the MSI builds with msiexec, §5.5), run from
 * the share so the installer finds ClientInstall.ini in its source folder
 * (§5.3). Idempotent through the package's product code: installed when
 * Windows Installer has it registered (in either registry view). .NET 2.0 SP2
 * is checked first, because without it even a `/qn` install can stop at
 * Microsoft's licence prompt (§5.2) and the MSI builds do not install it
 * (§5.5); a hung prompt under SYSTEM would block the configuration.
 */
export function clientInstall(section: OfficeStatus, group: OfficeStatusClientGroup, pointer: string): ScriptResource {
    const pkg = packageOf(section, group);
    const distribution = section.distribution;
    if (!pkg || !distribution) {
        throw new Error(`Internal error: client group ${group.name} reached lowering without its package or distribution share`);
    }
    const packagePath = `${shareUnc(distribution)}\\${pkg.file}`;
    const file = group.package === 'exe' ? packagePath : 'msiexec.exe';
    const keys = UNINSTALL_KEYS.map((key) => `    ${psString(`${key}\\${pkg.productCode.toUpperCase()}`)}`);
    const lookup = ['$keys = @(', ...keys, ')', '$entry = Get-ItemProperty -Path $keys -ErrorAction SilentlyContinue | Select-Object -First 1'];
    return {
        kind: 'Script',
        id: 'OfficeStatus_Client',
        dependsOn: [],
        source: { pointer },
        guide: guide(group.package === 'exe' ? '§5.2, §5.3' : '§5.2, §5.3, §5.5'),
        name: `OfficeStatus Windows Client ${group.version} (${PACKAGE_LABEL[group.package]}) installed`,
        // Strict mode (xScript sets it) rejects a property of $null: read DisplayVersion only when installed.
        getScript: [...lookup, "@{ Result = if ($null -ne $entry) { [string]$entry.DisplayVersion } else { '' } }"],
        testScript: [...lookup, '$null -ne $entry'],
        setScript: [
            `$netfx = Get-ItemProperty -Path ${psString(NETFX2_KEY)} -ErrorAction SilentlyContinue`,
            'if ($null -eq $netfx -or $netfx.Install -ne 1 -or $netfx.SP -lt 2)',
            '{',
            `    throw ${psString('OfficeStatus Windows Client needs .NET Framework 2.0 SP2 or later (for example .NET Framework 3.5); install it first.')}`,
            '}',
            `$process = Start-Process -FilePath ${psString(file)} -ArgumentList ${psString(installArguments(group, packagePath))} -Wait -PassThru`,
            'if ($process.ExitCode -eq 3010 -or $process.ExitCode -eq 1641)',
            '{',
            '    # Installed; Windows finishes it after a restart.',
            '    $global:DSCMachineStatus = 1',
            '}',
            'elseif ($process.ExitCode -ne 0)',
            '{',
            `    throw (${psString('OfficeStatus Windows Client setup failed with exit code {0}.')} -f $process.ExitCode)`,
            '}',
        ],
    };
}
