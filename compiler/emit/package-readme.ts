/** PACKAGE.md: how to publish what `build.ps1 -Package` lays out (copied into the package as README.md). */

import type { DscModuleRef } from '../dsc/block.js';
import type { SiteIR } from '../ir/types.js';
import { VERSION } from '../version.js';
import { render } from './templates.js';
import type { SiteConfiguration } from './ps/site-build.js';

export function emitPackageReadme(
    site: SiteIR,
    configurations: readonly SiteConfiguration[],
    modules: readonly DscModuleRef[],
    pullNameOf: (configuration: SiteConfiguration) => string,
): string {
    const pull = site.delivery.mode === 'pull' ? site.delivery.pullServer : undefined;
    return render('package-readme.md.hbs', {
        siteName: site.name,
        version: VERSION,
        manifest: site.manifestName,
        mode: site.delivery.mode,
        pull: pull ?? false,
        azureAutomation: pull?.kind === 'azureAutomation',
        configurations: configurations.map((c) => ({ ...c, mof: `Configuration\\${c.name}.mof`, pullName: pullNameOf(c) })),
        modules: modules.map((m) => ({ zip: `${m.name}_${m.version}.zip` })),
    });
}
