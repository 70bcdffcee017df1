/**
 * The DSC modules generated configurations import, pinned to the versions
 * in the resource catalog (docs/dsc-catalog.md explains the choice).
 */

import type { DscModuleRef } from './block.js';
import { moduleVersion } from './catalog.js';

const pin = (name: string): DscModuleRef => ({ name, version: moduleVersion(name) });

/** x-prefixed Registry/Service/WindowsFeature/MsiPackage: no clash with the in-box names. */
export const X_PSDSC = pin('xPSDesiredStateConfiguration');
/** In-box module: `File` (no other module has a file/folder resource) and `WindowsFeature` with `Source` (xWindowsFeature has none). */
export const PSDSC_INBOX = pin('PSDesiredStateConfiguration');
export const NETWORKING_DSC = pin('NetworkingDsc');

/** Modules that ship with Windows and are never installed from a gallery. */
export const INBOX_MODULES: ReadonlySet<string> = new Set([PSDSC_INBOX.name]);
export const COMPUTER_MANAGEMENT_DSC = pin('ComputerManagementDsc');
export const SECURITY_POLICY_DSC = pin('SecurityPolicyDsc');
export const WEB_ADMINISTRATION_DSC = pin('WebAdministrationDsc');
export const FAILOVER_CLUSTER_DSC = pin('FailoverClusterDsc');
