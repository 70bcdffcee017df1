/**
 * Which resources of a node can ask the LCM for a restart. Read by the
 * runbook (what the meta-configuration's RebootNodeIfNeeded means for this
 * node) and by the check that warns when the LCM may not restart a node
 * whose configuration needs it.
 */

import type { NodeIR, Resource } from './types.js';

/** A Script that asks for a restart sets this (xScript's Set may set `$global:DSCMachineStatus = 1`). */
const SCRIPT_REBOOT = /\$global:DSCMachineStatus\s*=\s*1/;

export function requestsRestart(resource: Resource): boolean {
    switch (resource.kind) {
        case 'PendingReboot':
        case 'WindowsFeature':
        case 'MsiPackage':
            return true;
        case 'Registry':
            return resource.rebootAfterChange === true;
        case 'UserAccountControl':
            return !resource.suppressRestart;
        case 'Script':
            return resource.setScript.some((line) => SCRIPT_REBOOT.test(line));
        default:
            return false;
    }
}

/** Ids of the node's resources that can ask for a restart, in emission order. */
export function restartingResources(node: NodeIR): string[] {
    return node.resources.filter(requestsRestart).map((r) => r.id);
}
