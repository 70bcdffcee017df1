/**
 * The fake host of an XPR host being upgraded (`xpr.upgrade`), for the
 * Script behaviour tests and the node tests:
 *
 *   fresh:       the source system's data: its XPR registry tree (32-bit path on a
 *                32-bit source), its log folder and, in place, its key binary at the
 *                source build with the XPR services running. On a reinstall the old
 *                binary is left out: the host's installation check must fail there
 *                until the fresh V7 setup ran.
 *   installers:  `infotool.exe` writes the export file; `setup.exe --silent-repair`
 *                leaves the key binary at the target build (`xpr.build`).
 *   manualSteps: a confirmed step creates its marker (the runbook's one-line command);
 *                stopping the server stops the XPR services; the Repair leaves the
 *                binary at the target build.
 */

import type { NodeIR } from '../../../compiler/ir/types.js';
import type { Site } from '../../../compiler/manifest/types.generated.js';
import { INSTALL_MARKER, KERNEL_SERVICES, SATELLITE_SERVICES } from '../../../compiler/products/xpr/data.js';
import { hostOfNode } from '../../../compiler/products/xpr/model.js';
import { backupFolderOf, inPlace, markerOf, sourceInstallPath, sourceRegistryKey, UPGRADE_IDS } from '../../../compiler/products/xpr/upgrade-phases.js';
import { upgradeRoute } from '../../../compiler/products/xpr/upgrade-matrix.js';
import { UPGRADE_MARKER_KEY } from '../../../compiler/products/xpr/upgrade-scripts.js';
import { INSTALLATION_KEY } from '../../../compiler/products/xpr/upgrade-cluster.js';
import { RUNTIME_INSTALLERS } from '../../../compiler/products/xpr/cluster-data.js';
import { clusterNodeOf } from '../../../compiler/products/xpr/cluster-model.js';
import { mediaPath } from '../../../compiler/products/xpr/model.js';
import { merge, type State } from './base.js';
import { clusterFixture } from './cluster.js';
import type { Installer, ProductFixture } from './products.js';

const hklm = (key: string): string => key.replace(/^HKLM\\/, 'HKEY_LOCAL_MACHINE\\');

/** The state a confirmed gate's marker is (what `New-Item -Path HKLM:\SOFTWARE\xprc\Upgrade\<step> -Force` makes). */
export function markerState(id: string): State {
    return { Registry: { [`HKEY_LOCAL_MACHINE\\${UPGRADE_MARKER_KEY}\\${markerOf(id)}`]: {} } };
}

function context(site: Site, node: NodeIR) {
    const xpr = site.xpr;
    const route = xpr?.upgrade ? upgradeRoute(site, xpr) : undefined;
    const host = xpr ? hostOfNode(xpr, node.name) : undefined;
    return xpr && route && host ? { xpr, route, host } : undefined;
}

function binaryOf(installPath: string, role: 'kernel' | 'satellite'): string {
    return `${installPath.replace(/\\+$/, '')}\\${INSTALL_MARKER[role].binary}`;
}

const confirmed = (id: string) => (): State => markerState(id);

/**
 * An upgraded cluster was installed once: its disk is formatted, and the original setup made the File
 * Server resource of the XPR shares in the role (the cluster fixture's steps xpr-cluster-apply-first and
 * xpr-setup-finish, which the upgrade's runbook has no reason to repeat).
 */
function installedCluster(site: Site, node: NodeIR): State {
    const xpr = site.xpr;
    if (!xpr?.upgrade || !xpr.cluster || !clusterNodeOf(xpr, node.name)) return {};
    return ['xpr-cluster-apply-first', 'xpr-setup-finish'].reduce((state, step) => merge(state, clusterFixture.manualSteps?.[step]?.(site, node) ?? {}), {} as State);
}

/** The VC runtime installers on the medium, for a node of an upgraded cluster (they show no dialog and change nothing the tests read). */
function runtimes(site: Site, node: NodeIR): string[] {
    const xpr = site.xpr;
    if (!xpr?.upgrade || !xpr.cluster || !clusterNodeOf(xpr, node.name)) return [];
    return RUNTIME_INSTALLERS.map((f) => mediaPath(xpr, `Prerequisites\\${f}`));
}

export const upgradeFixture: ProductFixture = {
    fresh(site, node) {
        const medium: State = { Files: Object.fromEntries(runtimes(site, node).map((p) => [p, { Type: 'File', Contents: '' }])) };
        const cluster = installedCluster(site, node);
        const c = context(site, node);
        if (!c) return runtimes(site, node).length > 0 ? merge(medium, cluster) : {};
        const root = sourceInstallPath(c.xpr, c.host).replace(/\\+$/, '');
        const services = c.host.role === 'kernel' ? KERNEL_SERVICES : SATELLITE_SERVICES;
        const state: State = {
            Registry: { [`${hklm(sourceRegistryKey(c.route))}\\MRS`]: { Version: { Kind: 'String', Data: c.xpr.upgrade?.build ?? '8.0.0.0' } } },
            Files: { [`${root}\\Log\\mta.log`]: { Type: 'File', Contents: 'old log' } },
        };
        if (inPlace(c.route)) {
            Object.assign(state.Files as State, { [binaryOf(c.host.installPath, c.host.role)]: { Type: 'File', Contents: '', Version: c.xpr.upgrade?.build ?? '8.0.0.0' } });
            state.Services = Object.fromEntries(
                // Only the services that run under the XPR account: the others (stunnel) have nothing the steady state changes.
                services.filter((s) => s.xprAccount).map((s) => [s.name, { DisplayName: s.displayName, StartMode: 'Auto', State: 'Running', StartName: 'LocalSystem', PathName: `${root}\\bin\\${s.name}.exe`, Dependencies: [] }]),
            );
            // The key service the installation check looks for (mrs, not in KERNEL_SERVICES' managed list).
            (state.Services as State)[INSTALL_MARKER[c.host.role].service] = { DisplayName: INSTALL_MARKER[c.host.role].service, StartMode: 'Auto', State: 'Running', StartName: 'LocalSystem', PathName: binaryOf(c.host.installPath, c.host.role), Dependencies: [] };
        }
        if (runtimes(site, node).length > 0) Object.assign(state.Files as State, medium.Files);
        return merge(state, cluster);
    },
    installers(site, node) {
        const vc = Object.fromEntries(runtimes(site, node).map((p) => [p, { ExitCode: 0, Effect: {} }]));
        const c = context(site, node);
        if (!c) return vc;
        const root = sourceInstallPath(c.xpr, c.host).replace(/\\+$/, '');
        const folder = backupFolderOf(c.route, node.name);
        const out: Record<string, Installer> = { ...vc };
        if (folder !== undefined) {
            out[`${root}\\SDKTools\\infotool.exe`] = { ExitCode: 0, Effect: { Files: { [`${folder}\\fullexport.txt`]: { Type: 'File', Contents: 'InfoStor full export' } } } };
        }
        if (c.route.method === 'silentRepair' && c.xpr.build !== undefined) {
            // The guide documents no exit code; the fake returns one the script must not rely on.
            out[`${root}\\setup.exe`] = { ExitCode: 3010, Effect: { Files: { [binaryOf(c.host.installPath, c.host.role)]: { Type: 'File', Contents: '', Version: c.xpr.build } } } };
        }
        return out;
    },
    manualSteps: {
        'xpr-upgrade-licences': confirmed(UPGRADE_IDS.licences),
        // The engineer moves the role to the node that holds the installation (the fixture: this node has the key).
        'xpr-upgrade-cluster-node': () => ({ Registry: { [INSTALLATION_KEY.replace(/^HKLM:\\/, 'HKEY_LOCAL_MACHINE\\')]: {} } }),
        'xpr-upgrade-exchange-forms': confirmed(UPGRADE_IDS.exchangeForms),
        'xpr-upgrade-before-backup': confirmed(UPGRADE_IDS.beforeBackup),
        'xpr-upgrade-smart-backup': confirmed(UPGRADE_IDS.smartBackup),
        'xpr-upgrade-uninstall': confirmed(UPGRADE_IDS.uninstalled),
        'xpr-upgrade-restore': confirmed(UPGRADE_IDS.restored),
        'xpr-upgrade-after': confirmed(UPGRADE_IDS.afterUpgrade),
        'xpr-upgrade-stop-server': (site, node) => {
            const c = context(site, node);
            if (!c) return {};
            const names = [...(c.host.role === 'kernel' ? KERNEL_SERVICES : SATELLITE_SERVICES).map((s) => s.name), INSTALL_MARKER[c.host.role].service];
            return { Services: Object.fromEntries(names.map((name) => [name, { State: 'Stopped' }])) };
        },
        'xpr-upgrade-repair': (site, node) => {
            const c = context(site, node);
            if (!c) return {};
            return { ...(site.xpr?.build ? { Files: { [binaryOf(c.host.installPath, c.host.role)]: { Type: 'File', Contents: '', Version: site.xpr.build } } } : {}), ...markerState(UPGRADE_IDS.repaired) };
        },
        // The silent repair is a Script; the installation check names its step, which the Script did.
        'xpr-upgrade-silent-repair': (site, node) => {
            const c = context(site, node);
            return c && site.xpr?.build ? { Files: { [binaryOf(c.host.installPath, c.host.role)]: { Type: 'File', Contents: '', Version: site.xpr.build } } } : {};
        },
    },
};
