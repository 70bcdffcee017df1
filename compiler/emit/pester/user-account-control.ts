import type { RegistryValue, UserAccountControlResource } from '../../ir/types.js';
import { check, type CheckContext, type PesterCheck } from './check.js';
import { registryValueLines } from './registry.js';

/**
 * The registry values ComputerManagementDsc's UserAccountControl writes for
 * each NotificationLevel (its README): ConsentPromptBehaviorAdmin, EnableLUA,
 * PromptOnSecureDesktop under HKLM\…\Policies\System.
 */
export const UAC_LEVELS: Readonly<Record<UserAccountControlResource['notificationLevel'], readonly [number, number, number]>> = {
    AlwaysNotify: [2, 1, 1],
    AlwaysNotifyAndAskForCredentials: [1, 1, 1],
    NotifyChanges: [5, 1, 1],
    NotifyChangesWithoutDimming: [5, 1, 0],
    NeverNotify: [0, 1, 0],
    NeverNotifyAndDisableAll: [0, 0, 0],
};

export const UAC_NAMES = ['ConsentPromptBehaviorAdmin', 'EnableLUA', 'PromptOnSecureDesktop'] as const;
const UAC_PATH = 'SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System';
export const UAC_KEY = `HKEY_LOCAL_MACHINE\\${UAC_PATH}`;

export function userAccountControlCheck(r: UserAccountControlResource, ctx: CheckContext): PesterCheck {
    const values = UAC_LEVELS[r.notificationLevel];
    const lines = UAC_NAMES.flatMap((name, i): string[] => {
        const value: RegistryValue = {
            hive: 'HKEY_LOCAL_MACHINE',
            path: UAC_PATH,
            name,
            ensure: 'Present',
            data: { type: 'REG_DWORD', value: values[i] ?? 0 },
        };
        return [...(i === 0 ? [] : ['']), ...registryValueLines(value, `notification level ${r.notificationLevel} sets ${name}`)];
    });
    return check(r, ctx, lines, {
        helpers: ['Get-RegistryValue'],
        notes: r.suppressRestart ? [] : ['Windows reads EnableLUA at start-up: after a change the node must have rebooted.'],
    });
}
