/**
 * The Local Configuration Manager's `Settings` block: the properties a
 * `[DscLocalConfigurationManager()]` meta-configuration may set, and the
 * check every emitted Settings block passes.
 *
 * Facts from the LCM's own schema, MSFT_DSCMetaConfiguration (WMF 5.1,
 * `Configuration\BaseRegistration\MSFT_DSCMetaConfiguration.mof` of the
 * in-box PSDesiredStateConfiguration module; Microsoft's "Configuring the
 * Local Configuration Manager" page lists the same names). Only the
 * push-mode properties are here; pull-mode settings (ConfigurationNames,
 * the ConfigurationRepositoryWeb blocks, …) are added with pull support.
 * `MonitorOnly` is left out of ConfigurationMode's ValueMap: only later
 * DSC versions have it, and Windows PowerShell 5.1 rejects it.
 */

import { InternalError } from '../diagnostics/internal-error.js';
import type { DscProperty } from './block.js';

export interface LcmSettingSchema {
    readonly name: string;
    readonly type: 'string' | 'boolean' | 'uint32';
    readonly valueMap?: readonly string[];
    /** What the LCM does when the property is left out (Microsoft's documentation). */
    readonly lcmDefault: string;
}

export const LCM_SETTINGS: readonly LcmSettingSchema[] = [
    { name: 'ActionAfterReboot', type: 'string', valueMap: ['ContinueConfiguration', 'StopConfiguration'], lcmDefault: 'ContinueConfiguration' },
    { name: 'CertificateID', type: 'string', lcmDefault: 'none: encrypted credentials cannot be decrypted' },
    { name: 'ConfigurationMode', type: 'string', valueMap: ['ApplyOnly', 'ApplyAndMonitor', 'ApplyAndAutoCorrect'], lcmDefault: 'ApplyAndMonitor' },
    { name: 'ConfigurationModeFrequencyMins', type: 'uint32', lcmDefault: '15' },
    { name: 'RebootNodeIfNeeded', type: 'boolean', lcmDefault: 'False: a resource that asks for a restart only logs it' },
    { name: 'RefreshMode', type: 'string', valueMap: ['Push', 'Pull', 'Disabled'], lcmDefault: 'Push' },
    { name: 'RefreshFrequencyMins', type: 'uint32', lcmDefault: '30' },
    { name: 'AllowModuleOverwrite', type: 'boolean', lcmDefault: 'False' },
];

const BY_NAME = new Map(LCM_SETTINGS.map((s) => [s.name, s]));

/** Violations of the Settings schema (unknown or misspelt names, wrong types, values outside a ValueMap). */
export function checkSettings(properties: readonly DscProperty[]): string[] {
    const violations: string[] = [];
    const seen = new Set<string>();
    for (const { name, value } of properties) {
        const schema = BY_NAME.get(name);
        if (schema === undefined) {
            violations.push(`Settings has no property '${name}'`);
            continue;
        }
        if (seen.has(name)) {
            violations.push(`property '${name}' is set more than once`);
        }
        seen.add(name);
        const kind = { string: 'string', boolean: 'bool', uint32: 'int' }[schema.type];
        if (value.kind !== kind) {
            violations.push(`property '${name}' expects ${schema.type} but got a value of kind '${value.kind}'`);
        } else if (value.kind === 'string' && schema.valueMap && !schema.valueMap.includes(value.value)) {
            violations.push(`property '${name}' does not allow '${value.value}' (allowed: ${schema.valueMap.join(', ')})`);
        } else if (value.kind === 'int' && (!Number.isInteger(value.value) || value.value < 0 || value.value > 0xffffffff)) {
            violations.push(`property '${name}' expects uint32 but got ${value.value}`);
        }
    }
    return violations;
}

export function assertSettings(node: string, properties: readonly DscProperty[]): void {
    const violations = checkSettings(properties);
    if (violations.length > 0) {
        throw new InternalError(`LCM Settings of node ${node} do not match the LCM's schema:\n${violations.map((v) => `  - ${v}`).join('\n')}`);
    }
}
