/**
 * The site plan (compiler/plan/): the guides' order across nodes, the
 * configurations of a host with an interactive installer, cross-node waits
 * and their checks, and the cycle diagnostic.
 */

import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { compile, type CompileResult } from '../../../compiler/compile.js';
import { resolve } from '../../../compiler/frontend/resolve.js';
import { configurationViews } from '../../../compiler/emit/ps/configurations.js';
import { phasesOf, type PlanPhase, type PlanStep } from '../../../compiler/ir/plan.js';
import type { NodeIR, SiteIR } from '../../../compiler/ir/types.js';
import { lower } from '../../../compiler/lower/lower.js';
import type { Site } from '../../../compiler/manifest/types.generated.js';
import { buildPlan } from '../../../compiler/plan/build-plan.js';
import type { Product } from '../../../compiler/products/product.js';

type Json = Record<string, unknown>;

const example = (name: string): Json => JSON.parse(readFileSync(`examples/${name}.json`, 'utf8')) as Json;

function build(manifest: Json): CompileResult {
    return compile({ fileName: 'site.json', bytes: Buffer.from(JSON.stringify(manifest, null, 2)) }, { emit: false });
}

function ir(manifest: Json): SiteIR {
    const result = build(manifest);
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`)).to.deep.equal([]);
    return result.ir!;
}

const steps = (site: SiteIR): PlanStep[] => (site.plan?.phases ?? []).flatMap((p) => p.steps);
const position = (site: SiteIR, id: string): number => {
    const index = steps(site).findIndex((s) => s.id === id);
    expect(index, `${id} in ${steps(site).map((s) => s.id).join(', ')}`).to.be.at.least(0);
    return index;
};
const node = (site: SiteIR, name: string): NodeIR => site.nodes.find((n) => n.name === name)!;

describe('site plan (compiler/plan)', () => {
    describe('the guides\' order', () => {
        const orders: { it: string; example: string; before: [string, string][] }[] = [
            {
                it: 'should install the XPR kernel before its satellites and restart it after them (Upgrade guide §2.12.2)',
                example: 'xpr-with-satellites',
                before: [
                    ['xprkern-xpr-loopback-adapter', 'apply-xprkern-prepare'],
                    ['apply-xprkern-prepare', 'xprkern-xpr-setup-start'],
                    ['xprkern-xpr-setup-start', 'apply-xprkern-operate'],
                    ['apply-xprkern-operate', 'wait-xprsat01-xprkern'],
                    ['wait-xprsat01-xprkern', 'xprsat01-xpr-satprep'],
                    ['xprsat01-xpr-satprep', 'xprsat01-xpr-satellite-setup'],
                    ['xprsat01-xpr-satellite-setup', 'apply-xprsat01-operate'],
                    ['apply-xprsat02-operate', 'xprkern-xpr-restart-for-satellites'],
                ],
            },
            {
                it: 'should give OfficeStatus its database, then the server wizard, then the share and the clients (§2.4, §4, §5)',
                example: 'officestatus',
                before: [
                    ['os01-officestatus-database-access', 'os01-officestatus-server-install'],
                    ['apply-os01-prepare', 'os01-officestatus-server-install'],
                    ['os01-officestatus-server-install', 'apply-os01-operate'],
                    ['apply-os01-operate', 'apply-ws01-operate'],
                    ['fs01-officestatus-client-media', 'apply-ws02-operate'],
                ],
            },
            {
                it: 'should order one-X Portal: IP Office and Voicemail Pro, portal, Exchange, desktop clients',
                example: 'onex-portal-large',
                before: [
                    ['onex01-onex-users', 'onex01-onex-install'],
                    ['vmpro01-onex-vmpro-install', 'onex01-onex-install'],
                    ['onex01-onex-install', 'apply-onex01-operate'],
                    ['apply-onex01-operate', 'apply-exch01-operate'],
                    ['onex01-onex-exchange-service', 'apply-rds01-operate'],
                ],
            },
        ];
        for (const order of orders) {
            it(order.it, () => {
                const site = ir(example(order.example));
                for (const [first, second] of order.before) {
                    expect(position(site, first), `${first} before ${second}`).to.be.lessThan(position(site, second));
                }
            });
        }

        it('should cite a guide section in every product step', () => {
            for (const name of ['xpr-with-satellites', 'officestatus', 'onex-portal-large']) {
                const site = ir(example(name));
                for (const step of steps(site).filter((s) => !s.id.startsWith('apply-') || s.guide !== undefined)) {
                    expect(step.guide, `${name}: ${step.id}`).to.match(/§\d/);
                }
            }
        });

        it('should apply the nodes no product orders in a first phase of their own', () => {
            const site = ir(example('baseline'));
            expect(site.plan?.phases.map((p) => [p.id, p.steps.map((s) => s.id)])).to.deep.equal([['nodes', ['apply-fs01-operate', 'apply-web01-operate']]]);
        });
    });

    describe('configurations of a host with an interactive installer', () => {
        it('should give an XPR host Prepare and Operate, with the medium copy in Prepare only', () => {
            const kernel = node(ir(example('xpr-with-satellites')), 'XPRKERN');
            expect(kernel.configurations).to.deep.equal(['Prepare', 'Operate']);
            const [prepare, operate] = configurationViews(kernel);
            expect(prepare?.node.resources.map((r) => r.id)).to.include.members(['Xpr_SetupMedium', 'Xpr_HostRequirements', 'Xpr_Reboot_BeforeSetup']);
            expect(prepare?.node.resources.map((r) => r.id)).to.not.include('Xpr_Installed');
            const steady = operate!.node.resources;
            expect(steady.map((r) => r.id)).to.include('Xpr_Installed');
            // The steady state never touches the setup medium share, not even through a dependency.
            expect(steady.map((r) => r.id)).to.not.include.members(['Xpr_SetupMedium', 'Xpr_HostRequirements', 'Xpr_Reboot_BeforeSetup']);
            expect(steady.flatMap((r) => r.dependsOn)).to.not.include('Xpr_SetupMedium');
            expect(operate!.node.credentials.map((c) => c.name)).to.deep.equal(['XprService']);
            expect(JSON.stringify(operate!.blocks)).to.not.include('fs01');
        });

        it('should keep what setup needs and the steady state keeps in both configurations', () => {
            const kernel = node(ir(example('xpr-with-satellites')), 'XPRKERN');
            for (const id of ['Xpr_Feature_NET_Framework_Core', 'Xpr_Administrators', 'Xpr_LogOnAsService']) {
                expect(phasesOf(kernel.resources.find((r) => r.id === id)!), id).to.deep.equal(['Prepare', 'Operate']);
            }
        });

        it('should make the installation check a gate that names the setup step', () => {
            const kernel = node(ir(example('xpr-with-satellites')), 'XPRKERN');
            const installed = kernel.resources.find((r) => r.id === 'Xpr_Installed');
            expect(installed?.kind === 'Script' ? installed.gate : undefined).to.deep.equal({ step: 'xpr-setup-finish', title: 'Setup: finish and reboot' });
            expect(installed?.kind === 'Script' ? installed.setScript.join('\n') : '').to.include('Waiting for the runbook step "Setup: finish and reboot"');
        });

        it('should give an already installed XPR only its steady state, without waits or setup steps', () => {
            const manifest = example('xpr-with-satellites');
            (manifest['xpr'] as Json)['installed'] = true;
            const site = ir(manifest);
            for (const n of site.nodes) {
                expect(n.configurations, n.name).to.deep.equal(['Operate']);
                expect(n.resources.map((r) => r.id), n.name).to.not.include.members(['Xpr_SetupMedium', 'Xpr_HostRequirements', 'Xpr_Reboot_BeforeSetup']);
                expect(n.resources.filter((r) => r.kind === 'WaitForAll'), n.name).to.deep.equal([]);
            }
            expect(steps(site).map((s) => s.id)).to.deep.equal(['apply-xprkern-operate', 'apply-xprsat01-operate', 'apply-xprsat02-operate']);
            expect(steps(site)[1]?.after).to.deep.equal(['apply-xprkern-operate']);
        });

        it('should give an already installed OfficeStatus server only its steady state, and leave the wizard out of the plan', () => {
            const manifest = example('officestatus');
            ((manifest['officeStatus'] as Json)['server'] as Json)['installed'] = true;
            const site = ir(manifest);
            const server = node(site, 'OS01');
            expect(server.configurations).to.deep.equal(['Operate']);
            expect(server.resources.filter((r) => r.kind === 'PendingReboot')).to.deep.equal([]);
            expect(steps(site).map((s) => s.id)).to.not.include.members(['os01-officestatus-server-install', 'apply-os01-prepare']);
            expect(steps(site).map((s) => s.id)).to.include('apply-os01-operate');
        });

        it('should keep the reboot before the OfficeStatus installer in Prepare only on a fresh server', () => {
            const server = node(ir(example('officestatus')), 'OS01');
            expect(server.configurations).to.deep.equal(['Prepare', 'Operate']);
            expect(phasesOf(server.resources.find((r) => r.kind === 'PendingReboot')!)).to.deep.equal(['Prepare']);
            expect(server.resources.filter((r) => r.kind !== 'PendingReboot').every((r) => phasesOf(r).length === 2)).to.equal(true);
        });

        it('should keep nodes without an installer at one configuration', () => {
            for (const n of ir(example('baseline')).nodes) {
                expect(n.configurations).to.deep.equal(['Operate']);
                expect(configurationViews(n).map((v) => v.name)).to.deep.equal([`${n.name}_Config`]);
            }
        });
    });

    describe('cross-node waits', () => {
        it('should make each satellite\'s Prepare wait for the kernel\'s installation check, which the kernel\'s Operate has', () => {
            const site = ir(example('xpr-with-satellites'));
            const kernel = node(site, 'XPRKERN');
            for (const name of ['XPRSAT01', 'XPRSAT02']) {
                const waits = node(site, name).resources.filter((r) => r.kind === 'WaitForAll');
                expect(waits.map((w) => [w.id, w.resourceName, w.nodeName, w.phases])).to.deep.equal([
                    ['WaitFor_XPRKERN_Xpr_Installed', '[xScript]Xpr_Installed', 'XPRKERN', ['Prepare']],
                ]);
                const target = kernel.resources.find((r) => r.id === waits[0]?.waitsFor);
                expect(target && phasesOf(target)).to.include('Operate');
            }
        });

        const site = (): ReturnType<typeof resolve> => resolve(example('xpr-with-satellites') as unknown as Site);
        const waitProduct = (resource: string): Product => ({
            section: 'xpr',
            title: 'test',
            rules: [],
            credentialUses: () => [],
            lowerNode: () => undefined,
            planSite: (): PlanPhase[] => [
                {
                    id: 'p',
                    title: 'p',
                    steps: [
                        { kind: 'wait', id: 'w', title: 'w', node: 'XPRSAT01', phase: 'Operate', on: { node: 'XPRKERN', resource }, retryIntervalSec: 1, retryCount: 1, after: [], source: { pointer: '' } },
                    ],
                },
            ],
        });
        const table: { it: string; resource: string; error: RegExp }[] = [
            { it: 'should refuse to wait for a resource the other node does not have', resource: 'No_Such_Resource', error: /has no resource No_Such_Resource/ },
            { it: 'should refuse to wait for a resource only the other node\'s Prepare has', resource: 'Xpr_SetupMedium', error: /not in its Operate configuration/ },
        ];
        for (const row of table) {
            it(row.it, () => {
                const resolved = site();
                expect(() => buildPlan(resolved, lower(resolved, 'site.json'), [waitProduct(row.resource)])).to.throw(row.error);
            });
        }
    });

    describe('checks', () => {
        it('should report a cross-node cycle with its full path, at the manifest (XPR3400)', () => {
            // The Voicemail Pro server comes before the portal; a desktop client after it: one computer cannot be both.
            const manifest = example('onex-portal-large');
            const onex = manifest['onexPortal'] as { desktopClients: { managedNodes: string[] } };
            onex.desktopClients.managedNodes.push('VMPRO01');
            (manifest['nodes'] as Json[]).find((n) => n['name'] === 'VMPRO01')!['certificate'] = { file: 'C:\\DscPublicKeys\\VMPRO01.cer', thumbprint: '4'.repeat(40) };
            const result = build(manifest);
            const cycle = result.diagnostics.filter((d) => d.code === 'XPR3400');
            expect(cycle).to.have.length(1);
            expect(cycle[0]?.message).to.match(/^The roll-out order of the site has a cycle: VMPRO01: .* → ONEX01: Install the portal software → .* → VMPRO01: apply Operate → VMPRO01: .*\.$/);
            expect(cycle[0]?.start?.line).to.be.greaterThan(0);
            expect(cycle[0]?.related.length).to.be.greaterThan(3);
            expect(result.ir).to.equal(undefined);
        });

        it('should pass the same site without the contradiction', () => {
            expect(build(example('onex-portal-large')).diagnostics.filter((d) => d.code === 'XPR3400')).to.deep.equal([]);
        });

        it('should refuse a manual step naming a runbook step its node does not have', () => {
            const resolved = resolve(example('baseline') as unknown as Site);
            const product: Product = {
                section: 'xpr',
                title: 'test',
                rules: [],
                credentialUses: () => [],
                lowerNode: () => undefined,
                planSite: () => [{ id: 'p', title: 'p', steps: [{ kind: 'manual', id: 'm', title: 'm', node: 'FS01', runbookStep: 'nope', after: [], source: { pointer: '' } }] }],
            };
            expect(() => buildPlan(resolved, lower(resolved, 'site.json'), [product])).to.throw(/has no step nope/);
        });
    });
});
