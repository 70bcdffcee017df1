/** Derived facts of the `oxUpdater` section shared by rules, lowering and the runbook. */

import type { OxClientGroup, OxUpdater } from '../../manifest/types.generated.js';

export const SECTION = '/oxUpdater';

export { sameNodeName as sameNode, normaliseGuid } from '../../frontend/defaults.js';

export function clientGroups(section: OxUpdater): { group: OxClientGroup; pointer: string }[] {
    return section.clientGroups.map((group, i) => ({ group, pointer: `${SECTION}/clientGroups/${i}` }));
}

export { compareVersions } from '../versions.js';

/** Whether the group gets the Updater MSI; the default is the guide's user-driven download (§1.1). */
export function installsPackage(group: OxClientGroup): boolean {
    return group.install === 'package';
}


/** `\\FS01\Software\OX\OXUpdater.msi` → host `FS01`, share `Software`, rest `OX\OXUpdater.msi`; undefined when not of that form. */
export function parseUnc(path: string): { host: string; share: string; rest: string } | undefined {
    const match = /^\\\\([^\\]+)\\([^\\]+)\\(.+)$/.exec(path);
    return match ? { host: match[1]!, share: match[2]!, rest: match[3]! } : undefined;
}

/** The share the Updater MSI is staged on, when the manifest asks xprc to create it and `path` is on it (rule ox-updater-package). */
export function updaterShare(section: OxUpdater): { node: string; folder: string; share: string; file: string; source?: string; readAccess: readonly string[] } | undefined {
    const pkg = section.updaterPackage;
    const unc = pkg ? parseUnc(pkg.path) : undefined;
    if (!pkg?.share || !unc || hostNode(unc.host) !== pkg.share.node.toUpperCase()) {
        return undefined;
    }
    return {
        node: pkg.share.node,
        folder: pkg.share.folder.replace(/\\+$/, ''),
        share: unc.share,
        file: unc.rest,
        ...(pkg.share.source !== undefined ? { source: pkg.share.source } : {}),
        readAccess: pkg.share.readAccess ?? DEFAULT_SHARE_READ_ACCESS,
    };
}

/** Machine installs read the MSI as the computer account. */
export const DEFAULT_SHARE_READ_ACCESS: readonly string[] = ['Domain Computers'];

/** The NetBIOS part of a host name (`fs01.contoso.local` → `FS01`). */
export function hostNode(host: string): string {
    return (host.split('.')[0] ?? host).toUpperCase();
}
