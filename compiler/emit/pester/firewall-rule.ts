import type { FirewallRuleResource } from '../../ir/types.js';
import { psArray, psString } from '../ps/quote.js';
import { wildcardLiteral } from '../ps/wildcard.js';
import { check, type CheckContext, type PesterCheck } from './check.js';

/**
 * Get-NetFirewallRule and its filters, for the properties the Firewall block
 * sets (as NetworkingDsc compares them: what the block leaves out is not
 * checked). Lists are compared sorted, in the form Windows reports them.
 */
export function firewallRuleCheck(r: FirewallRuleResource, ctx: CheckContext): PesterCheck {
    const get = `Get-NetFirewallRule -Name ${psString(wildcardLiteral(r.name))} -ErrorAction SilentlyContinue`;
    if (r.ensure === 'Absent') {
        return check(r, ctx, [`${get} | Should -BeNullOrEmpty -Because ${psString(`the configuration removes firewall rule ${r.name}`)}`]);
    }
    const lines = [
        `$rule = ${get}`,
        `$rule | Should -Not -BeNullOrEmpty -Because ${psString(`firewall rule ${r.name} must exist`)}`,
        `$rule.DisplayName | Should -BeExactly ${psString(r.displayName)}`,
    ];
    if (r.description !== undefined) {
        lines.push(`$rule.Description | Should -BeExactly ${psString(r.description)}`);
    }
    lines.push(
        "$rule.Enabled | Should -Be 'True'",
        `$rule.Direction | Should -Be ${psString(r.direction)}`,
        `$rule.Action | Should -Be ${psString(r.action)}`,
    );
    if (r.profiles.length > 0) {
        // Profile is a flags enum; Windows writes it as 'Domain, Private'.
        lines.push(`$rule.Profile | Should -Be ${psString(r.profiles.join(', '))}`);
    }
    lines.push(
        '$ports = $rule | Get-NetFirewallPortFilter',
        `$ports.Protocol | Should -Be ${psString(r.protocol)}`,
    );
    if (r.localPorts.length > 0) {
        lines.push(`@($ports.LocalPort | Sort-Object) | Should -Be ${psArray(sorted(r.localPorts))}`);
    }
    if (r.remotePorts.length > 0) {
        lines.push(`@($ports.RemotePort | Sort-Object) | Should -Be ${psArray(sorted(r.remotePorts))}`);
    }
    if (r.remoteAddresses.length > 0) {
        lines.push(
            `@(($rule | Get-NetFirewallAddressFilter).RemoteAddress | Sort-Object) | Should -Be ${psArray(sorted(r.remoteAddresses.map(windowsAddress)))}`,
        );
    }
    if (r.program !== undefined) {
        lines.push(`($rule | Get-NetFirewallApplicationFilter).Program | Should -Be ${psString(r.program)}`);
    }
    return check(r, ctx, lines);
}

function sorted(items: readonly string[]): string[] {
    return [...items].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
}

/** Windows reports an IPv4 subnet with its mask (10.0.20.0/255.255.255.0), not as a prefix length. */
export function windowsAddress(address: string): string {
    const match = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(address);
    if (!match) {
        return address;
    }
    const bits = Number(match[2]);
    if (bits === 32) {
        return match[1] ?? address;
    }
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    return `${match[1]}/${[24, 16, 8, 0].map((shift) => (mask >>> shift) & 0xff).join('.')}`;
}
