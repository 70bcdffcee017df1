/**
 * What the cluster part of the XPR module generates per node, and why: the
 * install node builds the role and the resources in Table 17 order, every
 * node keeps the XPR services out of DSC's way, the further nodes wait for
 * the install node and copy its image paths, and Part 1 differs where the
 * guide says so. The goldens pin the bytes; these pin the reasons.
 */

import { expect } from 'chai';
import { compile } from '../../../../compiler/compile.js';
import type { NodeIR, Resource, ScriptResource, SiteIR } from '../../../../compiler/ir/types.js';
import { clusterSite } from './cluster-cases.js';
import type { Json } from './cases.js';

function build(manifest: Json): SiteIR {
    const result = compile({ fileName: 'site.json', bytes: Buffer.from(JSON.stringify(manifest, null, 2)) }, { emit: false });
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`)).to.deep.equal([]);
    return result.ir!;
}

const node = (ir: SiteIR, name: string): NodeIR => ir.nodes.find((n) => n.name === name)!;
const byId = (n: NodeIR, id: string): Resource | undefined => n.resources.find((r) => r.id === id);
const script = (n: NodeIR, id: string): ScriptResource => {
    const r = byId(n, id);
    expect(r?.kind, `${n.name} ${id}`).to.equal('Script');
    return r as ScriptResource;
};

/** The creation chain: each resource Script depends on the one made before it. */
function chain(n: NodeIR): string[] {
    const resources = n.resources.filter((r) => r.id.startsWith('Xpr_Cluster_Resource_'));
    const first = resources.find((r) => !r.dependsOn.some((d) => d.startsWith('Xpr_Cluster_Resource_')));
    const order: string[] = [];
    for (let at = first; at; at = resources.find((r) => r.dependsOn.includes(at!.id))) {
        order.push(at.id.replace('Xpr_Cluster_Resource_', ''));
    }
    return order;
}

describe('XPR on a failover cluster: lowering (compiler/products/xpr/cluster-lower.ts)', () => {
    const ir = build(clusterSite({ aplStartDelays: [{ apl: 'WebApl', minutes: 5 }] }));
    const n1 = node(ir, 'XPRN1');
    const n2 = node(ir, 'XPRN2');

    it('should make the resources in Table 17 order, the Information Store after the Status Dispatcher', () => {
        expect(chain(n1)).to.deep.equal(['licsvc', 'nameloc', 'cfgsvc', 'xmrsvc', 'infostor', 'mta', 'mrs', 'TcpApl', 'stunnel', 'DirSvc', 'WebApl']);
    });

    it('should set a resource\'s dependencies before UseNetworkName (§9.7.2 NOTE)', () => {
        const set = script(n1, 'Xpr_Cluster_Resource_nameloc').setScript;
        const dependency = set.findIndex((l) => l.startsWith('Set-ClusterResourceDependency'));
        const useNetworkName = set.findIndex((l) => l.includes('-Name UseNetworkName'));
        expect(dependency).to.be.greaterThan(-1);
        expect(useNetworkName).to.be.greaterThan(dependency);
    });

    const checkpointCases: readonly [string, readonly string[]][] = [
        ['licsvc', ['SOFTWARE\\Wow6432Node\\PP-COM', 'SOFTWARE\\Wow6432Node\\SIEMENS', 'SYSTEM\\CurrentControlSet\\Services\\licsvc']],
        ['mta', ['SYSTEM\\CurrentControlSet\\Services\\mta']],
        ['WebApl', ['SYSTEM\\CurrentControlSet\\Services\\WebApl']],
    ];
    for (const [service, keys] of checkpointCases) {
        it(`should give the ${service} resource exactly its Table 17 checkpoints`, () => {
            const test = script(n1, `Xpr_Cluster_Resource_${service}`).testScript.join('\n');
            expect(test).to.contain(`foreach ($key in @(${keys.map((k) => `'${k}'`).join(', ')})) {`);
        });
    }

    it('should give the Information Store no checkpoints, its explicit dependencies and refuse a second mrsclusres', () => {
        const s = script(n1, 'Xpr_Cluster_Resource_infostor');
        expect(s.testScript.join('\n')).to.not.contain('Get-ClusterCheckpoint');
        expect(s.testScript.join('\n')).to.contain("$providers = @(@('Cluster Disk 1', 'Status Dispatcher Res', 'XPRCLUSTER'))");
        expect(s.setScript.join('\n')).to.contain("Where-Object { $_.ResourceType.Name -eq 'mrsclusres' -and $_.Name -ne 'Information Store Res' }");
        expect(s.setScript.some((l) => l.includes('Stop-ClusterResource'))).to.equal(true);
    });

    const restartCases: readonly [string, number][] = [
        ['licsvc', 2],
        ['mrs', 2],
        ['TcpApl', 1],
        ['WebApl', 1],
    ];
    for (const [service, action] of restartCases) {
        it(`should give ${service} RestartAction ${action} (§6.1.9 kernel resources fail over)`, () => {
            expect(script(n1, `Xpr_Cluster_Resource_${service}`).setScript).to.include(`$resource.RestartAction = ${action}`);
        });
    }

    for (const n of [n1, n2]) {
        it(`should leave the running state of the XPR services to the cluster on ${n.name}`, () => {
            const services = n.resources.filter((r) => r.kind === 'Service' && r.id.startsWith('Xpr_Service_'));
            // Nine mandatory Generic Services, the Information Store and the Web APL.
            expect(services.length).to.equal(11);
            for (const s of services) {
                expect(s.kind === 'Service' && [s.startupType, s.state], s.id).to.deep.equal(['Manual', 'Ignore']);
            }
        });
    }

    it('should re-home the registry from the node name to the network name, and point the values at the CAP', () => {
        expect(script(n1, 'Xpr_Cluster_Rehome').setScript.join('\n')).to.contain("[regex]::Escape('XPRN1')");
        const values = n1.resources.filter((r) => r.kind === 'Registry' && r.id.startsWith('Xpr_Cluster_Registry_'));
        expect(values.map((r) => (r.kind === 'Registry' ? `${r.value.name}=${JSON.stringify(r.value.data?.value)}` : ''))).to.deep.equal([
            'Group="Xpressions Role"',
            'Type="MSCS"',
            'LicSvcAddress="tcpip://10.0.10.25:13010"',
            'AplDelay=["WebApl,5"]',
            'BindAddress="10.0.10.25"',
        ]);
        expect(byId(n1, 'Xpr_Registry_LicSvcAddress'), 'the single-server value naming the node').to.equal(undefined);
    });

    it('should scope the XPR shares to the network name', () => {
        const shares = n1.resources.filter((r) => r.kind === 'SmbShare');
        expect(shares.length).to.equal(6);
        expect(shares.every((r) => r.kind === 'SmbShare' && r.scopeName === 'XPRCLUSTER')).to.equal(true);
    });

    it('should not run setup on a further node: no installation check, no shares, no cluster objects', () => {
        for (const id of ['Xpr_Installed', 'Xpr_HostRequirements', 'Xpr_Cluster_Role', 'Xpr_Cluster_Resource_licsvc', 'Xpr_Share_MrsClnt']) {
            expect(byId(n2, id), id).to.equal(undefined);
        }
    });

    it('should make the further node wait for the install node\'s last resource, then copy its image paths', () => {
        const wait = n2.resources.find((r) => r.kind === 'WaitForAll');
        expect(wait?.kind === 'WaitForAll' && [wait.nodeName, wait.resourceName]).to.deep.equal(['XPRN1', '[xScript]Xpr_Cluster_Resource_WebApl']);
        const replica = script(n2, 'Xpr_Cluster_ReplicaServices');
        expect(replica.dependsOn).to.deep.equal([wait!.id]);
        expect(replica.testScript.join('\n')).to.contain("Get-CimInstance -ClassName Win32_Service -ComputerName $source");
    });

    it('should copy mrsClusRes.dll on every node, in Prepare, and put bin and SDKTools on the Path', () => {
        for (const n of [n1, n2]) {
            const dll = byId(n, 'Xpr_Cluster_ResourceDll');
            expect(dll?.kind === 'File' && [dll.path, dll.phases]).to.deep.equal(['C:\\Windows\\cluster\\mrsClusRes.dll', ['Prepare']]);
            const path = byId(n, 'Xpr_Cluster_Path');
            expect(path?.kind === 'EnvironmentPath' && path.entries).to.deep.equal(['R:\\OpenScape\\XPR\\bin', 'R:\\OpenScape\\XPR\\SDKTools']);
        }
    });

    it('should order the plan as §9 does: the install node\'s setup and integration before the further node takes the role', () => {
        const steps = (ir.plan?.phases ?? []).flatMap((p) => p.steps.map((s) => s.id));
        const at = (id: string): number => {
            expect(steps, id).to.include(id);
            return steps.indexOf(id);
        };
        expect(at('xprn1-xpr-setup-start')).to.be.lessThan(at('apply-xprn1-operate'));
        expect(at('apply-xprn2-prepare')).to.be.lessThan(at('apply-xprn1-operate'));
        expect(at('apply-xprn1-operate')).to.be.lessThan(at('handover-to-xprn2'));
        expect(at('handover-to-xprn2')).to.be.lessThan(at('apply-xprn2-operate'));
        expect(at('apply-xprn2-operate')).to.be.lessThan(at('xprn2-xpr-cluster-failover-test'));
    });

    describe('Part 1 (Windows Server 2008 R2)', () => {
        const part1 = node(build(clusterSite({ windowsServer: '2008R2', systemNetworking: true })), 'XPRN1');

        it('should cite the Part 1 sections', () => {
            expect(script(part1, 'Xpr_Cluster_Resource_infostor').guide).to.equal('XPR Cluster Installation guide §5.7.3');
        });

        it('should make the Information Store depend on the File Server too, as Part 1 does', () => {
            expect(script(part1, 'Xpr_Cluster_Resource_infostor').testScript.join('\n')).to.contain("$_.ResourceType.Name -eq 'File Server'");
        });

        it('should replicate the ISC class keys below classes\\CLSID', () => {
            expect(script(part1, 'Xpr_Cluster_Resource_licsvc').testScript.join('\n')).to.contain('SOFTWARE\\Wow6432Node\\classes\\CLSID\\{C49A8D40-9047-49c4-88DD-637833875D7D}');
        });
    });
});
