/**
 * Which Windows versions a pinned DSC module documents as supported, for the
 * rules that warn before a configuration is applied where it may not work.
 *
 * WebAdministrationDsc (4.2.1, README "Requirements"): "The minimum Windows
 * Management Framework (PowerShell) version required is 5.0 or higher, which
 * ships with Windows 10 or Windows Server 2016, but can also be installed on
 * Windows 7 SP1, Windows 8.1, Windows Server 2012, and Windows Server 2012
 * R2." Windows Server 2008 R2 is not on that list (although WMF 5.1 itself
 * installs there), and XP and Vista have no WMF 5 at all.
 */

/** `included`: the OS ships WMF 5 or later; `wmf`: WMF 5.0 or later must be installed first; `notListed`: not among the supported systems. */
export type ModuleSupport = 'included' | 'wmf' | 'notListed';

const WMF5_INCLUDED: readonly string[] = ['WindowsServer2016', 'WindowsServer2019', 'WindowsServer2022', 'WindowsServer2025', 'Windows10', 'Windows11'];
const WMF5_INSTALLABLE: readonly string[] = ['WindowsServer2012', 'WindowsServer2012R2', 'Windows7'];

export function webAdministrationDscSupport(os: string): ModuleSupport {
    if (WMF5_INCLUDED.includes(os)) {
        return 'included';
    }
    return WMF5_INSTALLABLE.includes(os) ? 'wmf' : 'notListed';
}

/** The runbook sentence for a node that must get WMF 5.1 before its configuration is applied. */
export function wmfInstruction(node: string, os: string): string {
    return `${node} runs ${os}, which does not include Windows Management Framework 5.0 or later; the WebAdministrationDsc resources of this configuration need it (the module's documented requirement). Install Windows Management Framework 5.1 (it needs .NET Framework 4.5 or later) and restart before applying the configuration; ${'`$PSVersionTable.PSVersion`'} then shows 5.1.`;
}
