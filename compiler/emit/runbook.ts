/** RUNBOOK.md: how to apply the configuration, then every manual step with the manifest's values. */

import type { DscModuleRef } from '../dsc/block.js';
import type { NodeIR, SiteIR } from '../ir/types.js';
import { VERSION } from '../version.js';
import { installableModules } from './ps/build-script.js';
import { runCommand, testsFileName } from './pester/tests-file.js';
import { render } from './templates.js';

export function emitRunbook(site: SiteIR, node: NodeIR, modules: readonly DscModuleRef[], description: string): string {
    return render('runbook.md.hbs', {
        nodeName: node.name,
        siteName: site.name,
        version: VERSION,
        manifest: site.manifestName,
        description,
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
        applyCommand: `Start-DscConfiguration -Path .\\MOF -ComputerName ${node.name} -Wait -Verbose`,
        verifyCommand: `Test-DscConfiguration -ComputerName ${node.name} -Detailed`,
        testsFile: testsFileName(node),
        testsCommand: runCommand(node),
        pesterInstallCommand: 'Install-Module -Name Pester -RequiredVersion 5.7.1 -Force -SkipPublisherCheck',
        steps: node.manualSteps.map((s) => ({
            section: s.section ?? '',
            guide: s.guide ?? '',
            ...s,
            source: `${site.manifestName}#${s.source.pointer}`,
        })),
    });
}
