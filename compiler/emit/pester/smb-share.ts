import type { SmbShareResource } from '../../ir/types.js';
import { psString } from '../ps/quote.js';
import { wildcardLiteral } from '../ps/wildcard.js';
import { check, type CheckContext, type PesterCheck } from './check.js';

/**
 * Get-SmbShare and Get-SmbShareAccess: path, description and every account
 * the block grants (Full, Change, Read). Other entries are not checked:
 * ComputerManagementDsc removes only what its Absent lists name.
 */
export function smbShareCheck(r: SmbShareResource, ctx: CheckContext): PesterCheck {
    const get = `Get-SmbShare -Name ${psString(wildcardLiteral(r.name))} -ErrorAction SilentlyContinue`;
    if (r.ensure === 'Absent') {
        return check(r, ctx, [`${get} | Should -BeNullOrEmpty -Because ${psString(`the configuration removes share ${r.name}`)}`]);
    }
    const lines = [
        `$share = ${get}`,
        `$share | Should -Not -BeNullOrEmpty -Because ${psString(`share ${r.name} must exist`)}`,
        `$share.Path | Should -Be ${psString(r.path)}`,
    ];
    if (r.description !== undefined) {
        lines.push(`$share.Description | Should -BeExactly ${psString(r.description)}`);
    }
    const grants = [
        ['Full', r.fullAccess],
        ['Change', r.changeAccess],
        ['Read', r.readAccess],
    ] as const;
    if (grants.some(([, accounts]) => accounts.length > 0)) {
        lines.push(`$access = @(Get-SmbShareAccess -Name ${psString(wildcardLiteral(r.name))} | Where-Object -FilterScript { $_.AccessControlType -eq 'Allow' })`);
    }
    for (const [right, accounts] of grants) {
        if (accounts.length === 0) {
            continue;
        }
        const variable = `$${right.toLowerCase()}`;
        lines.push(`${variable} = @($access | Where-Object -FilterScript { $_.AccessRight -eq ${psString(right)} } | ForEach-Object -Process { $_.AccountName })`);
        for (const account of accounts) {
            lines.push(
                `Test-AccountIn -Account ${psString(account)} -Reported ${variable} | Should -BeTrue -Because ${psString(`${account} has ${right} access to ${r.name}`)}`,
            );
        }
    }
    return check(r, ctx, lines, { helpers: grants.some(([, a]) => a.length > 0) ? ['Test-AccountIn'] : [] });
}
