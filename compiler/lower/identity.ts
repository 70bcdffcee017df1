/**
 * What makes two IR resources "the same thing on the machine": the DSC key
 * of the resource they become. Used to merge product resources with the
 * baseline and to report collisions between them.
 */

import { canonicalJson } from '../frontend/resolve.js';
import type { Resource } from '../ir/types.js';

export function resourceIdentity(resource: Resource): string {
    return resourceLabel(resource).toUpperCase();
}

/** `Registry:HKEY_LOCAL_MACHINE\SOFTWARE\Vendor\Port`, as written, for messages. */
export function resourceLabel(resource: Resource): string {
    const key = (() => {
        switch (resource.kind) {
            case 'Registry':
                return `${resource.value.hive}\\${resource.value.path}\\${resource.value.name}`;
            case 'Directory':
            case 'File':
                return resource.path.replace(/\\+$/, '');
            case 'MsiPackage':
                return resource.productId;
            case 'Script':
                return resource.id;
            case 'WaitForAll':
                return resource.resourceName;
            case 'UserAccountControl':
                // A single-instance resource: there is one UAC setting per machine.
                return 'IsSingleInstance';
            case 'WebVirtualDirectory':
                return `${resource.website}/${resource.webApplication}/${resource.name}`;
            default:
                return resource.name;
        }
    })();
    // Directory and File are both the DSC File resource, keyed by path.
    const kind = resource.kind === 'Directory' ? 'File' : resource.kind;
    return `${kind}:${key}`;
}

/**
 * Equal apart from where they came from and what they are called. Whether a
 * registry change needs a reboot is a fact about the value, not a setting:
 * merging keeps the reboot (see lower.ts). Neither is the configurations a
 * resource belongs to: merging keeps it in all of them.
 */
export function sameSettings(a: Resource, b: Resource): boolean {
    const strip = ({ id: _id, source: _source, dependsOn: _dependsOn, guide: _guide, ...rest }: Resource) => {
        const { rebootAfterChange: _reboot, phases: _phases, ...settings } = rest as typeof rest & { rebootAfterChange?: boolean };
        return settings;
    };
    return canonicalJson(strip(a)) === canonicalJson(strip(b));
}
