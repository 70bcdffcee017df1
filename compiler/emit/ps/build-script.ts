/** build.ps1 and RequiredModules.psd1: what an engineer runs on Windows to get the MOF. */

import type { DscModuleRef } from '../../dsc/block.js';
import { INBOX_MODULES } from '../../dsc/modules.js';
import type { NodeIR, SiteIR } from '../../ir/types.js';
import { VERSION } from '../../version.js';
import { render, toCrlf } from '../templates.js';
import { configurationName } from './configuration.js';
import type { ConfigurationView } from './configurations.js';
import { metaConfigurationFile, metaConfigurationName } from './meta-configuration.js';

/** Modules to install from the gallery (the in-box module ships with Windows). */
export function installableModules(modules: readonly DscModuleRef[]): DscModuleRef[] {
    return modules.filter((m) => !INBOX_MODULES.has(m.name));
}

export function emitRequiredModules(node: NodeIR, modules: readonly DscModuleRef[]): string {
    const installable = installableModules(modules);
    return toCrlf(
        render('required-modules.psd1.hbs', {
            nodeName: node.name,
            version: VERSION,
            modules: installable,
            // Width of the quoted names, so that the `=` signs line up.
            width: Math.max(0, ...installable.map((m) => m.name.length + 2)),
        }),
    );
}

const PHASE_COMMENT = {
    Backup: 'Backup: the backup before the upgrade (PLAN.md). MOF\\Backup',
    Upgrade: 'Upgrade: the upgrade and the fixes after it (PLAN.md). MOF\\Upgrade',
    Prepare: 'Prepare: before the vendor installer (PLAN.md). MOF\\Prepare',
    Operate: 'Operate: the steady state once the installer ran. MOF\\Operate',
} as const;

/**
 * The build script asks for every credential of the node once and passes each
 * configuration only the ones its resources use (Configuration parameters
 * are mandatory, and an unexpected one is an error).
 */
export function emitBuildScript(site: SiteIR, node: NodeIR, views?: readonly ConfigurationView[]): string {
    const credentials = node.credentials.map((c) => ({
        ...c,
        prompt: c.userName ? `${c.description} (${c.userName})` : c.description,
    }));
    const configurations = (views ?? [{ phase: 'Operate' as const, name: configurationName(node), node, blocks: [] }]).map((view) => ({
        name: view.name,
        variable: view.subfolder === undefined ? 'configurationParameters' : `${view.phase.toLowerCase()}Parameters`,
        comment: view.subfolder === undefined ? '' : PHASE_COMMENT[view.phase],
        subfolder: view.subfolder ?? '',
        credentials: view.node.credentials,
        width: Math.max('ConfigurationData'.length, ...view.node.credentials.map((c) => c.parameter.length)),
    }));
    return toCrlf(
        render('build.ps1.hbs', {
            nodeName: node.name,
            version: VERSION,
            manifest: site.manifestName,
            phased: configurations.length > 1,
            scriptName: `${node.fileStem}.ps1`,
            metaConfigurationName: metaConfigurationName(node),
            metaScriptName: metaConfigurationFile(node),
            credentials,
            configurations,
        }),
    );
}
