/**
 * What the products' manifest sections tell about a node's fresh host, its
 * installers and its manual runbook steps, for the Script behaviour tests
 * (spec/pwsh/scripts.spec.ts). Driven by the manifest, not by a golden
 * case, so new cases of a product need no new fixture; a script that needs
 * something no fixture provides fails with a message that says so.
 *
 *   fresh:       facts true before the configuration runs (the runbook's
 *                preconditions, or what the Script's dependencies did).
 *   installers:  per program path: its exit code and the state it leaves.
 *   manualSteps: per runbook step id: what the engineer's step changes.
 */

import type { NodeIR } from '../../../compiler/ir/types.js';
import type { Site } from '../../../compiler/manifest/types.generated.js';
import { CLIENT_FEATURES, DEFAULT_SERVICE_NAME, procrunJavaPath } from '../../../compiler/products/onex-portal/data.js';
import { UNINSTALL_KEYS } from '../../../compiler/products/officestatus/data.js';
import { shareUnc } from '../../../compiler/products/officestatus/model.js';
import { INSTALL_MARKER } from '../../../compiler/products/xpr/data.js';
import { hostOfNode, mediaPath, sameName } from '../../../compiler/products/xpr/model.js';
import { merge, type State } from './base.js';
import { clusterFixture } from './cluster.js';
import { upgradeFixture } from './upgrade.js';

export interface Installer {
    readonly ExitCode: number;
    readonly Effect: State;
}

export interface ProductFixture {
    fresh?(site: Site, node: NodeIR): State;
    /** What one Script's dependencies did before it runs, on top of `fresh` (resource id of the Script). */
    freshFor?(site: Site, node: NodeIR, id: string): State;
    installers?(site: Site, node: NodeIR): Record<string, Installer>;
    readonly manualSteps?: Record<string, (site: Site, node: NodeIR) => State>;
}

const hklm = (path: string): string => `HKEY_LOCAL_MACHINE\\${path.replace(/^HKLM:\\/, '')}`;

const GB = 1024 ** 3;
const ADAPTERS = [{ Name: 'Intel(R) 82574L Gigabit Network Connection', NetEnabled: true }, { Name: 'Microsoft KM-TEST Loopback Adapter', NetEnabled: true }];
const loopback = (): State => ({ Cim: { Win32_NetworkAdapter: ADAPTERS } });

/** The setup wizard installs the role's key binary (at the medium's build) and its services. */
function xprInstalled(site: Site, node: NodeIR): State {
    const host = site.xpr && hostOfNode(site.xpr, node.name);
    if (!host) return {};
    const marker = INSTALL_MARKER[host.role];
    return {
        Files: { [`${host.installPath.replace(/\\+$/, '')}\\${marker.binary}`]: { Type: 'File', Contents: '', Version: site.xpr?.build ?? '8.0.0.0' } },
        Services: { [marker.service]: { DisplayName: marker.service, StartMode: 'Auto', State: 'Running', StartName: 'LocalSystem', PathName: marker.binary, Dependencies: [] } },
    };
}

const xpr: ProductFixture = {
    fresh(site, node) {
        const host = site.xpr && hostOfNode(site.xpr, node.name);
        const media = site.xpr?.media;
        if (!site.xpr || !host || !media?.stagingPath) return {};
        const setup = mediaPath(site.xpr, 'Setup.exe');
        const file = { Type: 'File', Contents: '', Version: site.xpr.build ?? '8.0.0.0' };
        return {
            Files: {
                // The medium on its share, which [xScript]Xpr_SetupMedium copies ...
                [media.source]: { Type: 'Directory' },
                [`${media.source}\\XpressionsInstall`]: { Type: 'Directory' },
                [`${media.source}\\XpressionsInstall\\Setup.exe`]: file,
                // ... and its copy, which the host requirements (they depend on the copy) find.
                [setup]: file,
            },
        };
    },
    manualSteps: {
        'xpr-loopback-adapter': loopback,
        // The engineer provides what the guide requires of the computer: the Loopback Adapter and two 100 GB disks.
        'xpr-host-requirements': () => ({ Cim: { Win32_NetworkAdapter: ADAPTERS, Win32_DiskDrive: [{ Model: 'Disk 0', Size: 200 * GB }, { Model: 'Disk 1', Size: 500 * GB }] } }),
        'xpr-setup-finish': xprInstalled,
        'xpr-satellite-setup': xprInstalled,
        'xpr-setup-start': xprInstalled,
    },
};

const onexPortal: ProductFixture = {
    fresh(site, node) {
        const section = site.onexPortal;
        if (!section) return {};
        const state: State = {};
        if (sameName(section.node, node.name)) {
            // Installed by the portal's installer (§2.7), running, with Procrun's defaults.
            const service = section.serviceName ?? DEFAULT_SERVICE_NAME;
            Object.assign(state, {
                Services: { [service]: { DisplayName: 'Avaya one-X Portal', StartMode: 'Auto', State: 'Running', StartName: 'LocalSystem', PathName: 'C:\\Program Files\\Avaya\\oneXportal\\Tomcat\\bin\\tomcat7.exe', Dependencies: [] } },
                Registry: {
                    [hklm(procrunJavaPath(service))]: {
                        Jvm: { Kind: 'String', Data: 'auto' },
                        JvmMs: { Kind: 'DWord', Data: 128 },
                        JvmMx: { Kind: 'DWord', Data: 256 },
                        Options: { Kind: 'MultiString', Data: ['-Dcatalina.home=C:\\Program Files\\Avaya\\oneXportal\\Tomcat', '-XX:MaxPermSize=128m', '-XX:+UseGCOverheadLimit'] },
                    },
                },
            });
        }
        if (section.exchange?.node !== undefined && sameName(section.exchange.node, node.name)) {
            // IIS defaults for the EWS virtual directory of Exchange (§3.1 changes them).
            const key = (auth: string): string => `MACHINE/WEBROOT/APPHOST|Default Web Site/EWS|system.webServer/security/authentication/${auth}`;
            Object.assign(state, { WebConfiguration: { [key('anonymousAuthentication')]: { enabled: true }, [key('digestAuthentication')]: { enabled: false } } });
        }
        return state;
    },
    installers(site, node) {
        const clients = site.onexPortal?.desktopClients;
        if (!clients?.installer || !clients.productCode || !(clients.managedNodes ?? []).some((n) => sameName(n, node.name))) return {};
        const features = Object.fromEntries((clients.clients ?? []).map((k) => [CLIENT_FEATURES[k], 'Local']));
        return { [clients.installer]: { ExitCode: 0, Effect: { MsiProducts: { [clients.productCode.toUpperCase()]: { Name: 'Avaya one-X Desktop Clients', Version: '11.0', Features: features } } } } };
    },
    manualSteps: {
        // The engineer installs the §4 prerequisites.
        'onex-clients-check': () => ({
            Registry: {
                'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full': { Install: { Kind: 'DWord', Data: 1 } },
                'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\VSTO Runtime Setup\\v4R': { Version: { Kind: 'String', Data: '10.0.60910' } },
            },
            Assemblies: { 'Microsoft.Office.Interop.Outlook, Version=12.0.0.0, Culture=neutral, PublicKeyToken=71e9bce111e9429c': true },
        }),
    },
};

const officeStatus: ProductFixture = {
    manualSteps: {
        // §5.2: the client needs .NET Framework 2.0 SP2; the runbook's client step has the engineer install it (.NET 3.5).
        'officestatus-client': () => ({ Registry: { 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v2.0.50727': { Install: { Kind: 'DWord', Data: 1 }, SP: { Kind: 'DWord', Data: 2 } } } }),
    },
    installers(site, node) {
        const section = site.officeStatus;
        const out: Record<string, Installer> = {};
        for (const group of section?.clientGroups ?? []) {
            const pkg = section?.clientPackages?.[group.package];
            if (!pkg || !section?.distribution || !(group.targets.nodes ?? []).some((n) => sameName(n, node.name))) continue;
            const code = pkg.productCode.toUpperCase();
            const view = group.package === 'msiX86' ? 1 : 0;
            out[`${shareUnc(section.distribution)}\\${pkg.file}`] = {
                ExitCode: 0,
                Effect: {
                    MsiProducts: { [code]: { Name: 'OfficeStatus Windows Client', Version: group.version } },
                    Registry: { [hklm(`${UNINSTALL_KEYS[view]}\\${code}`)]: { DisplayName: { Kind: 'String', Data: 'OfficeStatus Windows Client' }, DisplayVersion: { Kind: 'String', Data: group.version } } },
                },
            };
        }
        return out;
    },
};

export const PRODUCT_FIXTURES: readonly ProductFixture[] = [xpr, onexPortal, officeStatus, clusterFixture, upgradeFixture];

/** What a runbook step changes, from every fixture that models it (XPR setup also makes the cluster's File Server), or undefined. */
export function manualStepPatch(site: Site, node: NodeIR, stepId: string): State | undefined {
    const patches = PRODUCT_FIXTURES.flatMap((f) => (f.manualSteps?.[stepId] ? [f.manualSteps[stepId](site, node)] : []));
    return patches.length === 0 ? undefined : patches.reduce((state, patch) => merge(state, patch), {} as State);
}
