/**
 * The node's meta-configuration (<NODE>.meta.ps1): a
 * `[DscLocalConfigurationManager()]` configuration that build.ps1 compiles
 * into `MOF\<NODE>.meta.mof` and the runbook applies with
 * `Set-DscLocalConfigurationManager` before the configuration.
 *
 * Without it the LCM keeps Windows' defaults: no CertificateID (the
 * credentials xprc encrypts to the node's certificate could not be
 * decrypted) and RebootNodeIfNeeded off (PendingReboot and
 * `$global:DSCMachineStatus = 1` would only log a warning, so the
 * restarts the runbooks announce would not happen).
 *
 * The builder returns blocks, so that pull-mode settings
 * (ConfigurationRepositoryWeb, ReportServerWeb, …) can be added as further
 * blocks next to Settings.
 */

import { ps, type DscProperty } from '../../dsc/block.js';
import { assertSettings } from '../../dsc/lcm-settings.js';
import type { NodeIR, SiteIR } from '../../ir/types.js';
import { VERSION } from '../../version.js';
import { render, toCrlf } from '../templates.js';
import { psIdentifier } from './quote.js';

export interface MetaProperty extends DscProperty {
    /** Why the property has its value, one line. */
    readonly comment: string;
}

export interface MetaBlock {
    /** `Settings`, or a named block keyword (pull mode). */
    readonly keyword: string;
    /** Instance name of a named block; Settings has none. */
    readonly name?: string;
    readonly properties: readonly MetaProperty[];
    /** Manifest pointer the values come from. */
    readonly source: string;
}

export function metaConfigurationName(node: NodeIR): string {
    return psIdentifier(`${node.name}_LcmSettings`);
}

export function metaConfigurationFile(node: NodeIR): string {
    return `${node.fileStem}.meta.ps1`;
}

/** The Settings block: every property checked against the LCM's schema (dsc/lcm-settings.ts). */
export function settingsBlock(node: NodeIR): MetaBlock {
    const lcm = node.lcm;
    const properties: MetaProperty[] = [
        { name: 'RefreshMode', value: ps.str(lcm.refreshMode), comment: 'The engineer pushes the configuration with Start-DscConfiguration.' },
        {
            name: 'ConfigurationMode',
            value: ps.str(lcm.configurationMode),
            comment: {
                ApplyAndMonitor: "Report drift, never correct it: DSC must not fight a vendor installer's own later changes.",
                ApplyAndAutoCorrect: 'Correct drift at every consistency check (the manifest asks for it).',
                ApplyOnly: 'Apply once; no consistency checks (the manifest asks for it).',
            }[lcm.configurationMode],
        },
        { name: 'ConfigurationModeFrequencyMins', value: ps.int(lcm.configurationModeFrequencyMins), comment: 'Minutes between consistency checks.' },
        {
            name: 'RebootNodeIfNeeded',
            value: ps.bool(lcm.rebootNodeIfNeeded),
            comment: lcm.rebootNodeIfNeeded
                ? 'Restart when a resource asks for it (features, start-up registry values, UAC, installers).'
                : 'Never restart: the engineer restarts when the LCM reports PendingReboot (the manifest asks for it).',
        },
        {
            name: 'ActionAfterReboot',
            value: ps.str(lcm.actionAfterReboot),
            comment: lcm.actionAfterReboot === 'ContinueConfiguration' ? 'Apply the rest of the configuration after the restart.' : 'Wait for the next Start-DscConfiguration after a restart.',
        },
        ...(node.certificate
            ? [{ name: 'CertificateID', value: ps.str(node.certificate.thumbprint), comment: "Decrypt the MOF's credentials with the node's certificate (ConfigurationData Thumbprint)." }]
            : []),
    ];
    assertSettings(node.name, properties);
    return { keyword: 'Settings', properties, source: lcm.source.pointer };
}

export function emitMetaConfiguration(site: SiteIR, node: NodeIR): string {
    const blocks = [settingsBlock(node)];
    return toCrlf(
        render('meta-configuration.ps1.hbs', {
            nodeName: node.name,
            fileStem: node.fileStem,
            siteName: site.name,
            version: VERSION,
            manifest: site.manifestName,
            configurationName: metaConfigurationName(node),
            blocks: blocks.map((block) => ({
                ...block,
                name: block.name ?? '',
                // Nothing set in the manifest: say where the values come from instead.
                provenance: `${site.manifestName}#${block.source}${block.source === node.source.pointer ? " (xprc's defaults: the manifest sets no lcm)" : ''}`,
                width: Math.max(...block.properties.map((p) => p.name.length)),
            })),
        }),
    );
}
