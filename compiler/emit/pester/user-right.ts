import { InternalError } from '../../diagnostics/internal-error.js';
import type { UserRightResource } from '../../ir/types.js';
import { psString } from '../ps/quote.js';
import { check, type CheckContext, type PesterCheck } from './check.js';

/**
 * SecurityPolicyDsc's policy names → the constants secedit.exe writes
 * (Windows "User Rights Assignment" reference). Every name of the
 * resource's Policy ValueMap is here.
 */
const CONSTANT: Readonly<Record<string, string>> = {
    Access_Credential_Manager_as_a_trusted_caller: 'SeTrustedCredManAccessPrivilege',
    Access_this_computer_from_the_network: 'SeNetworkLogonRight',
    Act_as_part_of_the_operating_system: 'SeTcbPrivilege',
    Add_workstations_to_domain: 'SeMachineAccountPrivilege',
    Adjust_memory_quotas_for_a_process: 'SeIncreaseQuotaPrivilege',
    Allow_log_on_locally: 'SeInteractiveLogonRight',
    Allow_log_on_through_Remote_Desktop_Services: 'SeRemoteInteractiveLogonRight',
    Back_up_files_and_directories: 'SeBackupPrivilege',
    Bypass_traverse_checking: 'SeChangeNotifyPrivilege',
    Change_the_system_time: 'SeSystemtimePrivilege',
    Change_the_time_zone: 'SeTimeZonePrivilege',
    Create_a_pagefile: 'SeCreatePagefilePrivilege',
    Create_a_token_object: 'SeCreateTokenPrivilege',
    Create_global_objects: 'SeCreateGlobalPrivilege',
    Create_permanent_shared_objects: 'SeCreatePermanentPrivilege',
    Create_symbolic_links: 'SeCreateSymbolicLinkPrivilege',
    Debug_programs: 'SeDebugPrivilege',
    Deny_access_to_this_computer_from_the_network: 'SeDenyNetworkLogonRight',
    Deny_log_on_as_a_batch_job: 'SeDenyBatchLogonRight',
    Deny_log_on_as_a_service: 'SeDenyServiceLogonRight',
    Deny_log_on_locally: 'SeDenyInteractiveLogonRight',
    Deny_log_on_through_Remote_Desktop_Services: 'SeDenyRemoteInteractiveLogonRight',
    Enable_computer_and_user_accounts_to_be_trusted_for_delegation: 'SeEnableDelegationPrivilege',
    Force_shutdown_from_a_remote_system: 'SeRemoteShutdownPrivilege',
    Generate_security_audits: 'SeAuditPrivilege',
    Impersonate_a_client_after_authentication: 'SeImpersonatePrivilege',
    Increase_a_process_working_set: 'SeIncreaseWorkingSetPrivilege',
    Increase_scheduling_priority: 'SeIncreaseBasePriorityPrivilege',
    Load_and_unload_device_drivers: 'SeLoadDriverPrivilege',
    Lock_pages_in_memory: 'SeLockMemoryPrivilege',
    Log_on_as_a_batch_job: 'SeBatchLogonRight',
    Log_on_as_a_service: 'SeServiceLogonRight',
    Manage_auditing_and_security_log: 'SeSecurityPrivilege',
    Modify_an_object_label: 'SeRelabelPrivilege',
    Modify_firmware_environment_values: 'SeSystemEnvironmentPrivilege',
    Obtain_an_impersonation_token_for_another_user_in_the_same_session: 'SeDelegateSessionUserImpersonatePrivilege',
    Perform_volume_maintenance_tasks: 'SeManageVolumePrivilege',
    Profile_single_process: 'SeProfileSingleProcessPrivilege',
    Profile_system_performance: 'SeSystemProfilePrivilege',
    Remove_computer_from_docking_station: 'SeUndockPrivilege',
    Replace_a_process_level_token: 'SeAssignPrimaryTokenPrivilege',
    Restore_files_and_directories: 'SeRestorePrivilege',
    Shut_down_the_system: 'SeShutdownPrivilege',
    Synchronize_directory_service_data: 'SeSyncAgentPrivilege',
    Take_ownership_of_files_or_other_objects: 'SeTakeOwnershipPrivilege',
};

/** The secedit constant of a SecurityPolicyDsc policy name. */
export function userRightConstant(policy: string): string {
    const constant = CONSTANT[policy];
    if (constant === undefined) {
        throw new InternalError(`User right ${policy} has no secedit constant`);
    }
    return constant;
}

/** The local security policy (secedit /export): every identity the block grants holds the right; other holders keep it. */
export function userRightCheck(r: UserRightResource, ctx: CheckContext): PesterCheck {
    const constant = userRightConstant(r.name);
    return check(
        r,
        ctx,
        [
            `$holders = @(Get-UserRightHolder -Right ${psString(constant)})`,
            ...r.identities.map(
                (identity) => `Test-AccountIn -Account ${psString(identity)} -Reported $holders | Should -BeTrue -Because ${psString(`${identity} holds ${r.name} (${constant})`)}`,
            ),
        ],
        { helpers: ['Get-UserRightHolder', 'Test-AccountIn'] },
    );
}
