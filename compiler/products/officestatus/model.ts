/**
 * Derived facts of the `officeStatus` section that rules, lowering and the
 * runbook share: the service address, account scope, SQL instance name,
 * client package paths. Pure functions of the manifest.
 */

import { findSiteNode, sameNodeName } from '../../frontend/defaults.js';
import type {
    Node,
    OfficeStatus,
    OfficeStatusClientGroup,
    OfficeStatusClientPackages,
    OfficeStatusDatabase,
    OfficeStatusDistribution,
    OfficeStatusExistingDatabase,
    OfficeStatusWebsite,
    Site,
} from '../../manifest/types.generated.js';
import { APPDIR_PROPERTY, BUNDLED_ENGINE, BUNDLED_INSTANCE, SILENT_SWITCH, SUPPORTED_DATABASES } from './data.js';

export const SECTION = '/officeStatus';

export type PackageKind = keyof OfficeStatusClientPackages;
export type ClientPackage = NonNullable<OfficeStatusClientPackages[PackageKind]>;

/** The node of that name (computer names compare case-insensitively), or undefined. */
export function findNode(site: Site, name: string): Node | undefined {
    return findSiteNode(site, name)?.node;
}

export const sameNode = sameNodeName;

/**
 * The service address clients and browsers use (§4.2.2, §4.2.7, §5.3):
 * `http://<host>[:port]/` for the site root, `http://<host>[:port]/<vdir>/`
 * for a virtual directory; with the trailing slash of the guide's examples.
 */
export function serviceUrl(website: OfficeStatusWebsite): string {
    const port = website.port ?? 80;
    const authority = port === 80 ? website.hostName : `${website.hostName}:${port}`;
    const path = (website.placement ?? 'virtualDirectory') === 'root' ? '/' : `/${website.virtualDirectory ?? ''}/`;
    return `http://${authority}${path}`;
}

/**
 * Whether the configuration creates the website with WebAdministrationDsc's
 * WebSite resource: a created site with a virtual directory. A created site
 * for root placement is made once by a script (the installer takes it over,
 * §4.2.2), and an existing site is not managed.
 */
export function usesWebSiteResource(website: OfficeStatusWebsite): boolean {
    return website.create === true && website.physicalPath !== undefined && (website.placement ?? 'virtualDirectory') !== 'root';
}

export interface MajorMinor {
    readonly major: number;
    readonly minor: number;
}

/** Major and minor of a four-part service version (the schema guarantees the form). */
export function majorMinor(version: string): MajorMinor {
    const [major = '0', minor = '0'] = version.split('.');
    return { major: Number(major), minor: Number(minor) };
}

export function compareMajorMinor(a: MajorMinor, b: MajorMinor): number {
    return a.major - b.major || a.minor - b.minor;
}

/**
 * Whether an account name is a domain account: `DOMAIN\name` or `name@domain`.
 * `.\name`, `<server>\name` and a bare `name` are local accounts of the server.
 */
export function isDomainAccount(userName: string, serverNode: string): boolean {
    if (userName.includes('@')) {
        return true;
    }
    const slash = userName.indexOf('\\');
    if (slash < 0) {
        return false;
    }
    const prefix = userName.slice(0, slash);
    return prefix !== '.' && !sameNode(prefix, serverNode);
}

export function isExisting(database: OfficeStatusDatabase): database is OfficeStatusExistingDatabase {
    return !('bundledExpress' in database);
}

/** The instance address as the wizard takes it: `(local)\OfficeStatus`, `SQL01\OFFICESTATUS`, `SQL01`. */
export function sqlInstance(database: OfficeStatusDatabase): string {
    if (!isExisting(database)) {
        return BUNDLED_INSTANCE;
    }
    return database.instanceName ? `${database.server}\\${database.instanceName}` : database.server;
}

/** `SQL Server 2008 Standard`, `MSDE 2000 SP4`, `SQL Server Express 2005 SP4`. */
export function engineLabel(database: OfficeStatusDatabase): string {
    if (!isExisting(database)) {
        return BUNDLED_ENGINE;
    }
    const { version, edition } = database.engine;
    if (edition === 'MSDE') {
        return version === '2000SP4' ? 'MSDE 2000 SP4' : `MSDE (SQL Server ${version})`;
    }
    const v = version === '2000SP4' ? '2000 SP4' : version === '2008R2' ? '2008 R2' : version;
    return `SQL Server ${v} ${edition}`;
}

export function isSupportedEngine(database: OfficeStatusExistingDatabase): boolean {
    return SUPPORTED_DATABASES[database.engine.version]?.includes(database.engine.edition) ?? false;
}

/** Express or MSDE, whose user range is 25 to 100 (§2.4). */
export function isExpressClass(database: OfficeStatusDatabase): boolean {
    return !isExisting(database) || database.engine.edition === 'Express' || database.engine.edition === 'MSDE';
}

/** `\\FS01\OfficeStatus$`: where clients install from (§5.2: a fully qualified path). */
export function shareUnc(distribution: OfficeStatusDistribution): string {
    return `\\\\${distribution.node.toUpperCase()}\\${distribution.share}`;
}

export function packageOf(section: OfficeStatus, group: OfficeStatusClientGroup): ClientPackage | undefined {
    return section.clientPackages?.[group.package];
}

/** The groups with their pointers, in manifest order. */
export function clientGroups(section: OfficeStatus): { group: OfficeStatusClientGroup; pointer: string }[] {
    return (section.clientGroups ?? []).map((group, i) => ({ group, pointer: `${SECTION}/clientGroups/${i}` }));
}

/**
 * The silent command line's arguments, exactly as the guide writes them
 * (§5.2): `/qn`, then `APPDIR="<folder>"` when the group names a folder.
 * For an MSI build, msiexec gets `/i "<package>"` first (§5.5: the same
 * switches apply). The schema keeps quotes and a trailing backslash out of
 * both paths, so the quoting cannot break.
 */
export function installArguments(group: OfficeStatusClientGroup, packagePath: string): string {
    const appDir = group.installFolder === undefined ? [] : [`${APPDIR_PROPERTY}="${group.installFolder}"`];
    const install = group.package === 'exe' ? [] : [`/i "${packagePath}"`];
    return [...install, SILENT_SWITCH, ...appDir].join(' ');
}
