import type { BuiltInAccount, ServiceResource } from '../../ir/types.js';
import { psArray, psString } from '../ps/quote.js';
import { wqlString } from '../ps/wql.js';
import { wildcardLiteral } from '../ps/wildcard.js';
import { check, type CheckContext, type PesterCheck } from './check.js';

/** Win32_Service.StartMode for xService's StartupType. */
const START_MODE = { Automatic: 'Auto', Manual: 'Manual', Disabled: 'Disabled' } as const;

/** Win32_Service.StartName of the built-in accounts, as xService sets them. */
const START_NAME: Readonly<Record<BuiltInAccount, string>> = {
    LocalSystem: 'LocalSystem',
    LocalService: 'NT AUTHORITY\\LocalService',
    NetworkService: 'NT AUTHORITY\\NetworkService',
};

/**
 * The state xService converges the service to. Without State the resource
 * uses its default, Running (xPSDesiredStateConfiguration 9.2.1 starts the
 * service), so that is checked too; 'Ignore' leaves the state to others
 * (e.g. the XPR kernel starts its services itself) and nothing is checked.
 */
export function managedServiceState(r: ServiceResource): 'Running' | 'Stopped' | undefined {
    if (r.ensure === 'Absent' || r.state === 'Ignore') {
        return undefined;
    }
    return r.state ?? 'Running';
}

/** Existence (Get-Service), start mode and account (Win32_Service), and the state where the configuration manages it. */
export function serviceCheck(r: ServiceResource, ctx: CheckContext): PesterCheck {
    const get = `Get-Service -Name ${psString(wildcardLiteral(r.name))} -ErrorAction SilentlyContinue`;
    if (r.ensure === 'Absent') {
        return check(r, ctx, [`${get} | Should -BeNullOrEmpty -Because ${psString(`the configuration removes service ${r.name}`)}`]);
    }
    const lines = [
        `$service = ${get}`,
        `$service | Should -Not -BeNullOrEmpty -Because ${psString(`service ${r.name} must exist`)}`,
        `$cim = Get-CimInstance -ClassName Win32_Service -Filter ${psString(`Name = ${wqlString(r.name)}`)}`,
    ];
    if (r.startupType !== undefined) {
        lines.push(`$cim.StartMode | Should -Be ${psString(START_MODE[r.startupType])} -Because ${psString(`StartupType = ${r.startupType}`)}`);
    }
    const account = r.account;
    if (typeof account === 'string') {
        lines.push(`$cim.StartName | Should -Be ${psString(START_NAME[account])}`);
    } else if (account !== undefined) {
        const credential = ctx.credential(account.credential);
        lines.push(
            credential?.userName !== undefined
                ? `$cim.StartName | Should -Be ${psString(credential.userName)} -Because ${psString(`the service runs as credential ${account.credential}`)}`
                : `$cim.StartName | Should -Not -BeIn ${psArray(Object.values(START_NAME))} -Because ${psString(`the service runs as credential ${account.credential}`)}`,
        );
    }
    if (r.displayName !== undefined) {
        lines.push(`$cim.DisplayName | Should -BeExactly ${psString(r.displayName)}`);
    }
    if (r.description !== undefined) {
        lines.push(`$cim.Description | Should -BeExactly ${psString(r.description)}`);
    }
    if (r.path !== undefined) {
        lines.push(`$cim.PathName | Should -Be ${psString(r.path)}`);
    }
    if (r.dependencies !== undefined) {
        // xService sets exactly these; Windows keeps them in no particular order.
        const sorted = [...r.dependencies].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
        lines.push(`@($service.ServicesDependedOn | ForEach-Object -Process { $_.Name } | Sort-Object) | Should -Be ${psArray(sorted)}`);
    }
    const state = managedServiceState(r);
    if (state !== undefined) {
        lines.push(
            `$service.Status | Should -Be ${psString(state)} -Because ${psString(r.state === undefined ? 'xService starts a service whose State is not given' : `State = ${state}`)}`,
        );
    }
    return check(r, ctx, lines);
}
