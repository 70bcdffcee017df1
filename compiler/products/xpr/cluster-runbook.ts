/**
 * The runbook steps of a cluster node: what the guide does by hand and no
 * configuration may do. Pausing, resuming and moving nodes and the role is
 * procedure (the state of the cluster at one moment, never desired state);
 * clusterprep.exe, the setup Wrapper, the printer driver and the VC++
 * runtimes have no documented unattended form (§4.3.3, §9.4.1, §9.4.2).
 * Every value is filled in from the manifest, in the order of §9 across
 * the nodes: the install node first, then each further node completely.
 */

import { mdCode as c } from '../../emit/markdown.js';
import type { ManualStep } from '../../ir/types.js';
import type { Site, Xpr, XprCluster } from '../../manifest/types.generated.js';
import { SECTION } from './data.js';
import { INFORMATION_STORE, NOT_ON_NODES, RUNTIME_INSTALLERS, section } from './cluster-data.js';
import { clusterNodes, clusterServices, clusterSettings, type ClusterNode } from './cluster-model.js';
import { mediaPath } from './model.js';

type Step = Omit<ManualStep, 'section' | 'source'> & { readonly pointer: string };

/** Title of the first step of the install node, which the disk check waits for. */
export function applyFirstTitle(role: string): string {
    return `Prepare the cluster and apply this configuration up to the role ${role}`;
}

export function clusterRunbook(site: Site, xpr: Xpr, cluster: XprCluster, me: ClusterNode, base: readonly ManualStep[]): ManualStep[] {
    const s = clusterSettings(cluster);
    const p = s.part;
    const nodes = clusterNodes(cluster);
    const others = nodes.filter((n) => n.index !== me.index);
    const first = nodes[0]!;
    const user = site.credentials?.[xpr.serviceAccount.credential]?.userName ?? '';
    const services = clusterServices(xpr);
    const place = (steps: readonly Step[]): ManualStep[] =>
        steps.map(({ pointer, ...step }) => ({ ...step, section: SECTION, source: { pointer } }));

    const runtimes: Step = {
        id: 'xpr-cluster-runtimes',
        title: 'Install the VC++ runtimes and the XPR printer driver on this node',
        instructions: [
            `Run, one after the other: ${RUNTIME_INSTALLERS.map((f) => c(mediaPath(xpr, `Prerequisites\\${f}`))).join(', ')}. They show no completion dialog; the license service needs the C++ 2008 runtime on every node.`,
            `Run ${c(mediaPath(xpr, 'AddOn\\Misc\\Cluster\\x64\\setup.exe'))}: **Next**, accept the licence agreement, **Install**, **Finish**, then reboot this node.`,
            'Do not create a Print Spooler cluster resource.',
        ],
        verify: `${c('C:\\WINDOWS\\Temp\\ucsetup.log')} reports success.`,
        guide: section(p, '§9.4.1, §9.4.2, §9.8.2 NOTE'),
        pointer: me.pointer,
    };
    const failoverTest: Step = {
        id: 'xpr-cluster-failover-test',
        title: 'Test the failover both ways and reboot',
        instructions: [
            ...nodes.map((n) => `Resume ${c(n.name)} if it is paused (${c(`Resume-ClusterNode -Name ${n.name}`)}).`),
            `Move the role to each node in turn and back: ${nodes.map((n) => c(`Move-ClusterGroup -Name '${s.roleName}' -Node ${n.name}`)).join(', then ')}. All resources must come online each time.`,
            `Reboot ${c(nodes[nodes.length - 1]!.name)} so that the service display names replicated by the checkpoints appear. If a resource stays offline after the reboot and a failover: ${c('sc config <service> depend= /')}, bring it online, and run the same command again.`,
        ],
        verify: `${c(`Get-ClusterGroup -Name '${s.roleName}'`)} is Online on its preferred owner ${c(s.preferredOwners[0] ?? first.name)}.`,
        guide: section(p, '§9.9'),
        pointer: '/xpr/cluster/nodes',
    };

    if (me.index === 0) {
        const setupAt = base.findIndex((step) => step.id === 'xpr-setup-start');
        const before = setupAt < 0 ? base : base.slice(0, setupAt);
        const after = setupAt < 0 ? [] : base.slice(setupAt);
        const preparation: Step[] = [
            {
                id: 'xpr-cluster-apply-first',
                title: applyFirstTitle(s.roleName),
                instructions: [
                    `The configuration waits for the cluster ${c(cluster.windowsCluster.name)} (${c(cluster.windowsCluster.ipAddress)}), which the customer builds with its quorum; then it creates the role ${c(s.roleName)} (priority ${c(s.priority)}), the client access point ${c(s.networkName)} with ${c(s.capAddress)}, and moves ${c(s.diskResource)} (${c(s.driveLetter)}) into the role. It stops at the installation check until XPR setup ran.`,
                    `The customer's cluster disk ${c(s.driveLetter)} must be NTFS with at least 10 GB: the configuration checks it and waits for this step until it is.`,
                    `Bring the role online on ${c(first.name)}, ping ${c(s.capAddress)}, move the role to ${others.map((n) => c(n.name)).join(', ')} and back, and ping again.`,
                    `Nothing from this list may be installed on the cluster or on its nodes: ${NOT_ON_NODES}.`,
                ],
                verify: `${c(`Get-ClusterResource -Name '${s.networkName}'`)} is Online on ${c(first.name)}.`,
                guide: section(p, '§7.2, §7.3.1, §7.3.2, §6.2 item 7'),
                pointer: '/xpr/cluster',
            },
            {
                id: 'xpr-cluster-pause-nodes',
                title: `Pause ${others.map((n) => n.name).join(', ')} during the setup`,
                instructions: [
                    `${others.map((n) => c(`Suspend-ClusterNode -Name ${n.name}`)).join(', ')} (Pause, do not drain roles) so that the role cannot fail over while ${c(first.name)} is set up.`,
                ],
                verify: `${c('Get-ClusterNode')} shows ${others.map((n) => c(n.name)).join(', ')} Paused.`,
                guide: section(p, '§9.2 step 3, §9.7.2 step 1'),
                pointer: '/xpr/cluster/nodes',
            },
            {
                id: 'xpr-cluster-clusterprep',
                title: 'Run clusterprep',
                instructions: [
                    `Log on to ${c(first.name)} as ${c(user)}. Run ${c(mediaPath(xpr, 'Cluster\\clusterprep.exe'))} and enter the cluster name ${c(cluster.windowsCluster.name)}.`,
                    'It must always run before XPR is installed on a cluster. Then run the setup below, with every target folder on the cluster disk.',
                ],
                guide: section(p, '§4.3.3 step 1, History of Changes 2014-11-03'),
                pointer: '/xpr/cluster/windowsCluster/name',
            },
        ];
        const integration: Step[] = [
            runtimes,
            {
                id: 'xpr-cluster-apply-resources',
                title: 'Apply this configuration again: the cluster integration',
                instructions: [
                    `With XPR installed it re-homes the registry (${c(first.name)} becomes ${c(s.networkName)} under PP-COM and SIEMENS), sets the XPR services to Manual without dependencies, registers the resource type ${c('mrsclusres')} once the other nodes have ${c('mrsClusRes.dll')}, and creates the resources in this order: ${services.slice(0, 4).map((x) => c(x.resourceName)).join(', ')}, ${c(INFORMATION_STORE.resourceName)}, ${services.slice(4).map((x) => c(x.resourceName)).join(', ')}.`,
                    'Bring the role online and each resource that stays offline by itself; if one fails, run `net helpmsg <code>` for its error.',
                ],
                verify: `${c(`Get-ClusterResource | Where-Object OwnerGroup -eq '${s.roleName}'`)} lists every resource Online.`,
                guide: section(p, '§9.2–§9.7'),
                pointer: '/xpr/cluster',
            },
            ...(xpr.satellites ?? []).length === 0
                ? []
                : [
                      {
                          id: 'xpr-cluster-satellites',
                          title: 'Register the satellites in the clustered kernel',
                          instructions: [
                              `Take the role offline and bring only ${c(services[0]!.resourceName)} online, so that its checkpoint replicates the edit.`,
                              `Below ${c('HKLM\\SOFTWARE\\Wow6432Node\\PP-COM\\MRS\\Services\\Kernel')} enter ${(xpr.satellites ?? []).map((sat) => `${c(`NameLoc,${sat.node}`)} and ${c(`CfgSvc,${sat.node}`)}`).join('; ')} (no blank after the comma; never an entry for ${c(s.networkName)}).`,
                              `Below ${c('...\\MRS\\Services\\Access Protocol Layers')} enter one ${c('<APL>,<satellite>')} line per satellite APL. Export the key of a real installation first: the guide does not give the value type.`,
                              'Bring the whole role online again.',
                          ],
                          guide: section(p, '§9.10'),
                          pointer: '/xpr/satellites',
                      },
                  ],
            {
                id: 'xpr-cluster-handover',
                title: `Hand over to ${others[0]?.name ?? 'the next node'}`,
                instructions: [
                    `Resume ${c(others[0]?.name ?? '')} and pause ${c(first.name)}; stop the role (${c(`Stop-ClusterGroup -Name '${s.roleName}'`)}) and move it: ${c(`Move-ClusterGroup -Name '${s.roleName}' -Node ${others[0]?.name ?? ''}`)}.`,
                    `Then apply the configuration of ${c(others[0]?.name ?? '')} (its RUNBOOK.md). Further nodes follow one at a time, each completely before the next.`,
                ],
                guide: section(p, '§9.8, §9.8.1'),
                pointer: '/xpr/cluster/nodes',
            },
        ];
        return [...before, ...place(preparation), ...after, ...place(integration)];
    }

    const sms = services.some((x) => x.service === 'SmsIpApl');
    const further: Step[] = [
        runtimes,
        {
            id: 'xpr-cluster-join',
            title: `Take over the role on ${me.name}`,
            instructions: [
                `Wait until ${c(first.name)} handed the role over (its RUNBOOK.md): the role is stopped and owned by ${c(me.name)}.`,
                ...(sms ? [`The SMS APL is in the cluster: register ${c('AxMmCtl.dll')} on this node with ${c(`regsvr32 ${xpr.installPath.replace(/\\+$/, '')}\\bin\\AxMmCtl.dll`)} (the guide's path is garbled; check where setup put the file on ${c(first.name)}).`] : []),
                `Apply this configuration: it waits for the resources of ${c(first.name)}, creates the XPR services with the image paths ${c(first.name)} has, sets their account ${c(user)} and start mode Manual and removes their dependencies.`,
                `Bring the resources online one at a time in the order of ${c(first.name)}'s runbook. Install all hotfixes of the purchased XPR version.`,
            ],
            verify: `${c(`Get-ClusterGroup -Name '${s.roleName}'`)} is Online on ${c(me.name)}.`,
            guide: section(p, '§9.8.1–§9.8.3'),
            pointer: me.pointer,
        },
        ...(me.index === nodes.length - 1 ? [failoverTest] : []),
    ];
    return [...base, ...place(further)];
}
