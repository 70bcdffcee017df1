import type { WindowsFeatureResource } from '../../ir/types.js';
import { psString } from '../ps/quote.js';
import { wildcardLiteral } from '../ps/wildcard.js';
import { check, type CheckContext, type PesterCheck } from './check.js';

/** Get-WindowsFeature (ServerManager): installed or not. Sub-features are not listed one by one. */
export function windowsFeatureCheck(r: WindowsFeatureResource, ctx: CheckContext): PesterCheck {
    const present = r.ensure === 'Present';
    return check(
        r,
        ctx,
        [
            `$feature = Get-WindowsFeature -Name ${psString(wildcardLiteral(r.name))}`,
            `$feature | Should -Not -BeNullOrEmpty -Because ${psString(`${r.name} is a Windows feature of this edition`)}`,
            `$feature.Installed | Should -Be $${present} -Because ${psString(`the configuration ${present ? 'installs' : 'removes'} ${r.name}`)}`,
        ],
        { notes: present && r.includeAllSubFeature ? ['IncludeAllSubFeature: the sub-features are not checked one by one.'] : [] },
    );
}
