/**
 * The rule cases of an XPR kernel on a failover cluster (`xpr.cluster`):
 * a valid two-node cluster with a satellite outside it, and one variation
 * per diagnostic. Positions are those of JSON.stringify(manifest, null, 2).
 */

import { CERT, type Json } from './cases.js';
import type { RuleCase, Row } from './table.js';

const REGIONAL = { country: 'Germany', areaCode: '89', internationalPrefix: '00', nationalPrefix: '0' };

export const CLUSTER = {
    windowsServer: '2019',
    windowsCluster: { name: 'XPRWSFC', ipAddress: '10.0.10.20' },
    nodes: [
        { node: 'XPRN1', clientAddress: '10.0.10.21', interconnectAddress: '192.168.100.1' },
        { node: 'XPRN2', clientAddress: '10.0.10.22', interconnectAddress: '192.168.100.2' },
    ],
    role: { name: 'Xpressions Role' },
    clientAccessPoint: { networkName: 'XPRCLUSTER', ipAddress: '10.0.10.25' },
    disk: { number: 1, driveLetter: 'R:' },
};

/** A valid cluster site; `cluster` and `xpr` override their sections' keys. */
export function clusterSite(cluster: Json = {}, xpr: Json = {}): Json {
    return {
        name: 'lab',
        credentials: { XprService: { description: 'XPR', userName: 'LAB\\svc-xpr' } },
        nodes: [
            { name: 'XPRN1', addresses: [{ address: '10.0.10.21' }], certificate: CERT },
            { name: 'XPRN2', addresses: [{ address: '10.0.10.22' }], certificate: CERT },
            { name: 'SAT01', addresses: [{ address: '10.0.10.31' }], certificate: CERT },
        ],
        xpr: {
            serverName: 'XPRLAB',
            installPath: 'R:\\OpenScape\\XPR',
            languages: ['German'],
            defaultLanguage: 'German',
            authentication: { mode: 'xprAccount' },
            serviceAccount: { credential: 'XprService' },
            licensing: { claAddress: '10.0.10.5' },
            regional: REGIONAL,
            kernel: { node: 'XPRN1', components: { webApl: {} } },
            satellites: [{ node: 'SAT01', components: { isdnApl: {} } }],
            cluster: { ...CLUSTER, ...cluster },
            ...xpr,
        },
    };
}

const nodes = (edit: (n: Json[]) => void): Json => {
    const copy = structuredClone(CLUSTER.nodes) as Json[];
    edit(copy);
    return copy as unknown as Json;
};

const row = (code: string, line: number, column: number, pointer: string, message: string): Row => ({ code, line, column, pointer, message });

export const CLUSTER_CASES: readonly RuleCase[] = [
    // xpr-cluster-nodes
    { rule: 'xpr-cluster-nodes', it: 'should report a cluster node that is not a site node', manifest: clusterSite({ nodes: nodes((n) => { n[1]!['node'] = 'XPRN3'; }) }), expected: [
            row('XPR3170', 96, 19, "/xpr/cluster/nodes/1/node", "Cluster node \"XPRN3\" is not a node of the site. Did you mean \"XPRN1\"?"),
        ],
    },
    { rule: 'xpr-cluster-nodes', it: 'should report a cluster node name longer than 15 characters', manifest: clusterSite({ nodes: nodes((n) => { n[1]!['node'] = 'XPRNODE-SECOND02'; }) }), expected: [
            row('XPR3170', 96, 19, "/xpr/cluster/nodes/1/node", "Cluster node \"XPRNODE-SECOND02\" is not a node of the site."),
            row('XPR3172', 96, 19, "/xpr/cluster/nodes/1/node", "Cluster node name \"XPRNODE-SECOND02\" has 16 characters; a cluster node's computer name must not exceed 15."),
        ],
    },
    { rule: 'xpr-cluster-nodes', it: 'should report a kernel that is not the first cluster node', manifest: clusterSite({}, { kernel: { node: 'XPRN2', components: { webApl: {} } } }), expected: [
            row('XPR3171', 70, 15, "/xpr/kernel/node", "In a cluster the kernel node must be the first cluster node \"XPRN1\" (the install node), not \"XPRN2\"."),
        ],
    },
    { rule: 'xpr-cluster-nodes', it: 'should report a satellite on a cluster node', manifest: clusterSite({}, { satellites: [{ node: 'XPRN2', components: { isdnApl: {} } }] }), expected: [
            row('XPR3173', 77, 17, "/xpr/satellites/0/node", "Satellite \"XPRN2\" is a cluster node; satellites are separate computers outside the cluster."),
        ],
    },
    { rule: 'xpr-cluster-nodes', it: 'should report a preferred owner that is not a cluster node', manifest: clusterSite({ role: { name: 'Xpressions Role', preferredOwners: ['XPRN1', 'SAT01'] } }), expected: [
            row('XPR3190', 105, 11, "/xpr/cluster/role/preferredOwners/1", "Preferred owner \"SAT01\" is not one of the cluster nodes."),
        ],
    },
    { rule: 'xpr-cluster-nodes', it: 'should accept two site nodes with the kernel first', manifest: clusterSite(), passing: true, expected: [] },
    // xpr-cluster-addresses
    { rule: 'xpr-cluster-addresses', it: 'should report a client access point on the cluster IP address', manifest: clusterSite({ clientAccessPoint: { networkName: 'XPRCLUSTER', ipAddress: '10.0.10.20' } }), expected: [
            row('XPR3175', 106, 22, "/xpr/cluster/clientAccessPoint/ipAddress", "The client access point's address 10.0.10.20 is the cluster IP address; the virtual server needs its own."),
        ],
    },
    { rule: 'xpr-cluster-addresses', it: 'should report a node client address used twice', manifest: clusterSite({ nodes: nodes((n) => { n[1]!['clientAddress'] = '10.0.10.21'; }) }), expected: [
            row('XPR3174', 97, 28, "/xpr/cluster/nodes/1/clientAddress", "Address 10.0.10.21 is the client address of \"XPRN2\" and also the client address of \"XPRN1\"; an XPR cluster needs six distinct addresses."),
        ],
    },
    { rule: 'xpr-cluster-addresses', it: 'should report an interconnect address in the client network', manifest: clusterSite({ nodes: nodes((n) => { n[1]!['interconnectAddress'] = '10.0.10.99'; }) }), expected: [
            row('XPR3176', 98, 34, "/xpr/cluster/nodes/1/interconnectAddress", "The interconnect address 10.0.10.99 of \"XPRN2\" is in the client network (10.0.10.25/24); interconnect and client traffic use separate networks."),
        ],
    },
    { rule: 'xpr-cluster-addresses', it: 'should accept six distinct addresses in two networks', manifest: clusterSite({ interconnectPrefixLength: 30 }), passing: true, expected: [] },
    // xpr-cluster-network-name
    { rule: 'xpr-cluster-network-name', it: 'should report a 16-character network name', manifest: clusterSite({ clientAccessPoint: { networkName: 'XPRCLUSTER2019AB', ipAddress: '10.0.10.25' } }), expected: [
            row('XPR3177', 105, 24, "/xpr/cluster/clientAccessPoint/networkName", "Network name \"XPRCLUSTER2019AB\" has 16 characters; the virtual server's network name is a NetBIOS name of at most 15 letters, digits and hyphens."),
        ],
    },
    { rule: 'xpr-cluster-network-name', it: 'should report an underscore in the network name', manifest: clusterSite({ clientAccessPoint: { networkName: 'XPR_CL', ipAddress: '10.0.10.25' } }), expected: [
            row('XPR3177', 105, 24, "/xpr/cluster/clientAccessPoint/networkName", "Network name \"XPR_CL\" has other characters than letters, digits and inner hyphens; the virtual server's network name is a NetBIOS name of at most 15 letters, digits and hyphens."),
        ],
    },
    { rule: 'xpr-cluster-network-name', it: 'should report a network name equal to a node name', manifest: clusterSite({ clientAccessPoint: { networkName: 'xprn2', ipAddress: '10.0.10.25' } }), expected: [
            row('XPR3178', 105, 24, "/xpr/cluster/clientAccessPoint/networkName", "Network name \"xprn2\" is also the name of cluster node 2."),
        ],
    },
    { rule: 'xpr-cluster-network-name', it: 'should report a network name equal to the role name', manifest: clusterSite({ role: { name: 'XPRCLUSTER' } }), expected: [
            row('XPR3178', 105, 24, "/xpr/cluster/clientAccessPoint/networkName", "Network name \"XPRCLUSTER\" is also the role name."),
        ],
    },
    { rule: 'xpr-cluster-network-name', it: 'should accept a 15-character network name of its own', manifest: clusterSite({ clientAccessPoint: { networkName: 'XPRCLUSTER2019A', ipAddress: '10.0.10.25' } }), passing: true, expected: [] },
    // xpr-cluster-authentication
    { rule: 'xpr-cluster-authentication', it: 'should report Windows authentication in a cluster', manifest: clusterSite({}, { authentication: { mode: 'windowsAccount', administratorAccount: 'LAB\\xpr-admin', postmasterAccount: 'LAB\\xpr-pm' } }), expected: [
            row('XPR3179', 55, 15, "/xpr/authentication/mode", "In a cluster the XPR logs users on with the XPR account (\"authentication.mode\": \"xprAccount\"), not \"windowsAccount\"."),
        ],
    },
    { rule: 'xpr-cluster-authentication', it: 'should accept the XPR account mode', manifest: clusterSite(), passing: true, expected: [] },
    // xpr-cluster-components
    { rule: 'xpr-cluster-components', it: 'should report the ISDN APL with TTS in the cluster', manifest: clusterSite({}, { kernel: { node: 'XPRN1', components: { isdnApl: {} }, optionalComponents: ['Nuance Vocalizer TTS'] } }), expected: [
            row('XPR3180', 72, 9, "/xpr/kernel/components/isdnApl", "XPR Isdn APL with TTS and/or ASR (the kernel installs Nuance Vocalizer TTS) cannot be installed on a Windows cluster."),
        ],
    },
    { rule: 'xpr-cluster-components', it: 'should report the Connection APL in the cluster', manifest: clusterSite({}, { kernel: { node: 'XPRN1', components: { connectionApl: {} } } }), expected: [
            row('XPR3181', 72, 9, "/xpr/kernel/components/connectionApl", "The Connection APL (ConApl) with its UCC components, web conference server and databases can be installed neither on the cluster nor locally on a cluster node."),
        ],
    },
    { rule: 'xpr-cluster-components', it: 'should report a Table 18 APL and an unreleased SAP APL as additional APLs', manifest: clusterSite({ additionalApls: [{ service: 'WallApl' }, { service: 'SapR3Apl' }, { service: 'FooApl' }] }), expected: [
            row('XPR3180', 114, 22, "/xpr/cluster/additionalApls/0/service", "XPR Wall Display APL (WallApl) cannot be installed on a Windows cluster."),
            row('XPR3182', 117, 22, "/xpr/cluster/additionalApls/1/service", "APL \"SapR3Apl\" is released on a cluster only project-specifically (Table 17); it may be installed on the cluster only with a project-specific release."),
            row('XPR3182', 120, 22, "/xpr/cluster/additionalApls/2/service", "APL \"FooApl\" is in neither Table 17 nor Table 18; it may be installed on the cluster only with a project-specific release."),
        ],
    },
    { rule: 'xpr-cluster-components', it: 'should accept the ISDN APL without TTS, and SAP R/3 with a release', manifest: clusterSite({ additionalApls: [{ service: 'SapR3Apl', projectRelease: 'PRJ-1' }, { service: 'MailApl' }] }, { kernel: { node: 'XPRN1', components: { isdnApl: {} } } }), passing: true, expected: [] },
    // xpr-cluster-reporting
    { rule: 'xpr-cluster-reporting', it: 'should report the Reporting APL in the cluster', manifest: clusterSite({}, { kernel: { node: 'XPRN1', components: { reportApl: { database: { engine: 'SQLServer', server: 'SQL01', name: 'XPRREP', loginName: 'xprrep' } } } } }), expected: [
            row('XPR3183', 72, 9, "/xpr/kernel/components/reportApl", "The Reporting APL should be installed on a satellite, with a Microsoft SQL Server outside the cluster."),
        ],
    },
    { rule: 'xpr-cluster-reporting', it: 'should report a reporting database on a cluster node', manifest: clusterSite({}, { satellites: [{ node: 'SAT01', components: { reportApl: { database: { engine: 'SQLServer', server: 'xprn2.lab.local', name: 'XPRREP', loginName: 'xprrep' } } } }] }), expected: [
            row('XPR3184', 82, 25, "/xpr/satellites/0/components/reportApl/database/server", "The Reporting APL's SQL Server \"xprn2.lab.local\" is cluster node \"XPRN2\"; it must run outside the cluster."),
        ],
    },
    { rule: 'xpr-cluster-reporting', it: 'should accept the Reporting APL on a satellite with SQL outside the cluster', manifest: clusterSite({}, { satellites: [{ node: 'SAT01', components: { reportApl: { database: { engine: 'SQLServer', server: 'SQL01', name: 'XPRREP', loginName: 'xprrep' } } } }] }), passing: true, expected: [] },
    // xpr-cluster-licensing
    { rule: 'xpr-cluster-licensing', it: 'should report licensing scenario 3', manifest: clusterSite({}, { licensing: { scenario: 'claAndClmOnKernel', claAddress: '10.0.10.21' } }), expected: [
            row('XPR3185', 61, 19, "/xpr/licensing/scenario", "Licensing scenario 3 (CLM and CLAs on the cluster nodes) is not supported."),
        ],
    },
    { rule: 'xpr-cluster-licensing', it: 'should report a CLA address on the virtual server in scenario 2', manifest: clusterSite({}, { licensing: { scenario: 'claOnKernel', claAddress: '10.0.10.25' } }), expected: [
            row('XPR3129', 62, 21, "/xpr/licensing/claAddress", "The license service needs the address of the CLA: the CLA runs on the kernel, but 10.0.10.25 is not an address of node \"XPRN1\" (10.0.10.21)."),
            row('XPR3186', 62, 21, "/xpr/licensing/claAddress", "With a CLA on each cluster node the CLA address must be a node's own address, not the client access point 10.0.10.25."),
        ],
    },
    { rule: 'xpr-cluster-licensing', it: 'should accept scenario 2 with the first node\'s address', manifest: clusterSite({}, { licensing: { scenario: 'claOnKernel', claAddress: '10.0.10.21' } }), passing: true, expected: [] },
    // xpr-cluster-resources
    { rule: 'xpr-cluster-resources', it: 'should report a second Information Store', manifest: clusterSite({ additionalApls: [{ service: 'InfoStor' }] }), expected: [
            row('XPR3187', 114, 22, "/xpr/cluster/additionalApls/0/service", "\"InfoStor\" is a mandatory kernel service that xprc makes itself, the one resource of type mrsClusRes; it cannot be an additional APL."),
        ],
    },
    { rule: 'xpr-cluster-resources', it: 'should report the Exchange UM APL without the Exchange service account', manifest: clusterSite({}, { kernel: { node: 'XPRN1', components: { exchangeUmApl: {} } } }), expected: [
            row('XPR3188', 72, 9, "/xpr/kernel/components/exchangeUmApl", "The Exchange UM APL in the cluster runs under the Exchange service account; \"cluster.exchangeServiceAccount\" is missing."),
        ],
    },
    { rule: 'xpr-cluster-resources', it: 'should report a start delay for an APL not in the cluster', manifest: clusterSite({ aplStartDelays: [{ apl: 'NotApl', minutes: 10 }] }), expected: [
            row('XPR3192', 114, 18, "/xpr/cluster/aplStartDelays/0/apl", "Start delay for \"NotApl\", which is not an APL of the cluster."),
        ],
    },
    { rule: 'xpr-cluster-resources', it: 'should accept a start delay for a clustered APL', manifest: clusterSite({ aplStartDelays: [{ apl: 'webapl', minutes: 5 }] }), passing: true, expected: [] },
    // xpr-cluster-role
    { rule: 'xpr-cluster-role', it: 'should warn about the PowerShell example\'s failover period', manifest: clusterSite({ role: { name: 'Xpressions Role', failoverPeriodHours: 6 } }), expected: [
            row('XPR3189', 103, 32, "/xpr/cluster/role/failoverPeriodHours", "Failover period 6 is the value of the guide's PowerShell example; its text recommends 8 hours."),
        ],
    },
    { rule: 'xpr-cluster-role', it: 'should report a database folder off the cluster disk', manifest: clusterSite({}, { databaseFolder: 'D:\\XPRData' }), expected: [
            row('XPR3191', 113, 23, "/xpr/databaseFolder", "\"databaseFolder\" (D:\\XPRData) is not on the cluster disk R:."),
        ],
    },
    { rule: 'xpr-cluster-role', it: 'should accept the recommended period and folders on the disk', manifest: clusterSite({ role: { name: 'Xpressions Role', failoverPeriodHours: 8 } }, { databaseFolder: 'r:\\XPRData' }), passing: true, expected: [] },
];
