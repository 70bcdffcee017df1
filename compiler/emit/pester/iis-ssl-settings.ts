import type { IisSslSettingsResource } from '../../ir/types.js';
import { psArray, psString } from '../ps/quote.js';
import { check, type CheckContext, type PesterCheck } from './check.js';

/** The site's sslFlags (system.webServer/security/access), exactly the block's flags; none = 'None'. */
export function iisSslSettingsCheck(r: IisSslSettingsResource, ctx: CheckContext): PesterCheck {
    const flags = [...r.flags].sort();
    return check(r, ctx, [
        'Import-Module -Name WebAdministration',
        `$sslFlags = Get-WebConfigurationProperty -PSPath 'MACHINE/WEBROOT/APPHOST' -Location ${psString(r.name)} -Filter 'system.webServer/security/access' -Name 'sslFlags'`,
        // One comma-separated string, or an attribute object holding it in .Value.
        'if ($null -ne $sslFlags.Value) { $sslFlags = $sslFlags.Value }',
        "$set = @(([System.String] $sslFlags) -split ',' | ForEach-Object -Process { $_.Trim() } | Where-Object -FilterScript { $_ -and $_ -ne 'None' } | Sort-Object)",
        flags.length === 0
            ? `$set | Should -BeNullOrEmpty -Because ${psString(`${r.name} does not require SSL`)}`
            : `$set | Should -Be ${psArray(flags)}`,
    ]);
}
