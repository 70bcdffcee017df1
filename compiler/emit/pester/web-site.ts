import type { WebSiteResource } from '../../ir/types.js';
import { psArray, psString } from '../ps/quote.js';
import { check, type CheckContext, type PesterCheck } from './check.js';

/** Get-Website and Get-WebBinding (WebAdministration): content folder, state, and exactly the block's bindings. */
export function webSiteCheck(r: WebSiteResource, ctx: CheckContext): PesterCheck {
    const find = `Get-Website | Where-Object -FilterScript { $_.Name -eq ${psString(r.name)} }`;
    if (r.ensure === 'Absent') {
        return check(r, ctx, ['Import-Module -Name WebAdministration', `${find} | Should -BeNullOrEmpty -Because ${psString(`the configuration removes site ${r.name}`)}`]);
    }
    const lines = [
        'Import-Module -Name WebAdministration',
        `$site = ${find}`,
        `$site | Should -Not -BeNullOrEmpty -Because ${psString(`IIS site ${r.name} must exist`)}`,
        `$site.PhysicalPath | Should -Be ${psString(r.physicalPath)}`,
        `$site.State | Should -Be ${psString(r.state)}`,
    ];
    if (r.bindings.length > 0) {
        // WebSite replaces the bindings with BindingInfo: '<protocol> <address>:<port>:<host>' each.
        const expected = r.bindings.map((b) => `${b.protocol} *:${b.port}:${b.hostName ?? ''}`).sort();
        lines.push(
            `$bindings = @(Get-WebBinding -Name ${psString(r.name)} | ForEach-Object -Process { $_.protocol + ' ' + $_.bindingInformation } | Sort-Object)`,
            `$bindings | Should -Be ${psArray(expected)}`,
        );
    }
    return check(r, ctx, lines);
}
