/** RUNBOOK.md: how to apply the configuration, then every manual step with the manifest's values. */

import type { DscModuleRef } from '../dsc/block.js';
import type { NodeIR, SiteIR } from '../ir/types.js';
import { VERSION } from '../version.js';
import { installableModules } from './ps/build-script.js';
import { PHASE_PURPOSE } from './ps/configuration.js';
import { mofPath, type ConfigurationView } from './ps/configurations.js';
import { metaConfigurationFile } from './ps/meta-configuration.js';
import { applyNotes, lcmLines } from './runbook-lcm.js';
import { runCommand, testsFileName } from './pester/tests-file.js';
import { render } from './templates.js';

/** The anchor of a runbook step, for links from PLAN.md. */
export function runbookStepAnchor(stepId: string): string {
    return `step-${stepId}`;
}

/** The anchor of a node's section in PLAN.md, for the runbook's link back. */
export function planNodeAnchor(nodeName: string): string {
    return `node-${nodeName.toLowerCase()}`;
}

export function emitRunbook(
    site: SiteIR,
    node: NodeIR,
    modules: readonly DscModuleRef[],
    description: string,
    views: readonly ConfigurationView[] = [],
    hasPlan = false,
): string {
    const command = (path: string) => `Start-DscConfiguration -Path ${path} -ComputerName ${node.name} -Wait -Verbose`;
    const prepare = views.find((v) => v.phase === 'Prepare');
    const operate = views.find((v) => v.phase === 'Operate');
    const phased = prepare !== undefined && operate !== undefined;
    // An upgraded node (Backup / Upgrade configurations) lists every configuration in the order it is applied.
    const upgraded = views.some((v) => v.phase === 'Backup' || v.phase === 'Upgrade');
    return render('runbook.md.hbs', {
        nodeName: node.name,
        siteName: site.name,
        version: VERSION,
        manifest: site.manifestName,
        description,
        planLink: hasPlan ? `../PLAN.md#${planNodeAnchor(node.name)}` : '',
        os: node.os,
        roles: node.roles,
        addresses: node.addresses.map((a) => ({
            text: a.prefixLength === undefined ? a.address : `${a.address}/${a.prefixLength}`,
            role: a.role,
        })),
        resourceCount: node.resources.length,
        registryCount: node.resources.filter((r) => r.kind === 'Registry').length,
        regFile: `${node.fileStem}.reg`,
        modules: installableModules(modules).map((m) => ({
            ...m,
            installCommand: `Install-Module -Name ${m.name} -RequiredVersion ${m.version}`,
        })),
        credentials: node.credentials,
        phased,
        prepareName: prepare?.name ?? '',
        prepareCommand: prepare ? command(mofPath(prepare)) : '',
        operateName: operate?.name ?? '',
        applyCommand: command(operate && (phased || upgraded) ? mofPath(operate) : '.\\MOF'),
        configurationSteps: upgraded ? views.map((v) => ({ name: v.name, purpose: `${v.phase}: ${PHASE_PURPOSE[v.phase]}`, command: command(mofPath(v)) })) : [],
        lcmCommand: `Set-DscLocalConfigurationManager -Path .\\MOF -ComputerName ${node.name} -Verbose`,
        lcmVerifyCommand: `Get-DscLocalConfigurationManager -CimSession ${node.name}`,
        metaFile: metaConfigurationFile(node),
        lcmLines: lcmLines(node),
        applyNotes: applyNotes(node),
        verifyCommand: `Test-DscConfiguration -ComputerName ${node.name} -Detailed`,
        waits: node.resources.flatMap((r) => (r.kind === 'WaitForAll' ? [r] : [])),
        computerAccount: `${node.name}$`,
        testsFile: testsFileName(node),
        testsCommand: runCommand(node),
        pesterInstallCommand: 'Install-Module -Name Pester -RequiredVersion 5.7.1 -Force -SkipPublisherCheck',
        steps: node.manualSteps.map((s) => ({
            section: s.section ?? '',
            guide: s.guide ?? '',
            ...s,
            anchor: runbookStepAnchor(s.id),
            source: `${site.manifestName}#${s.source.pointer}`,
        })),
    });
}
