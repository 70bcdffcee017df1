/**
 * OX Updater lowering: the Updater MSI on named machines, nothing for the OX
 * server but runbook items for its administrator (plug-in preconditions in
 * the guide's order), Group Policy steps, and the PST location note.
 */

import { expect } from 'chai';
import type { CompileResult } from '../../../../compiler/compile.js';
import type { NodeIR } from '../../../../compiler/ir/types.js';
import { run, variant, type Json } from '../officestatus/harness.js';
import { BASE } from './fixtures.js';

type Section = { server: Json; oxtender: Json; updaterPackage?: Json; clientGroups: Json[]; runbookNode: string };

function ox(edit: (section: Section) => void): Json {
    return variant(BASE, (site) => edit(site['oxUpdater'] as Section));
}

function build(manifest: Json): CompileResult {
    const result = run(manifest, true);
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`)).to.deep.equal([]);
    return result;
}

function nodeOf(result: CompileResult, name: string): NodeIR {
    const node = result.ir?.nodes.find((n) => n.name === name);
    if (!node) throw new Error(`no node ${name}`);
    return node;
}

function runbook(result: CompileResult, node: string): string {
    const f = result.files?.find((x) => x.path === `${node}/RUNBOOK.md`);
    if (!f) throw new Error(`no runbook for ${node}`);
    return f.bytes.toString('utf8');
}

const stepIds = (text: string): string[] => [...text.matchAll(/_Step `([a-z0-9-]+)`/g)].map((m) => m[1] ?? '');

describe('OX Updater lowering', () => {
    it('should install the Updater MSI on named machines, idempotent by its upper-cased product code', () => {
        const result = build(
            ox((s) => {
                s.updaterPackage = { name: 'OX Updater 7.2', path: '\\\\FS01\\Software\\OX\\OXUpdater.msi', productCode: '{3f2e1d0c-4b5a-4968-8776-a5b4c3d2e1f0}' };
                s.clientGroups[0]!['targets'] = { nodes: ['WS11'] };
            }),
        );
        const ws11 = nodeOf(result, 'WS11');
        expect(ws11.roles).to.deep.equal(['oxtender-client']);
        expect(ws11.resources).to.have.length(1);
        expect(ws11.resources[0]).to.deep.include({
            kind: 'MsiPackage',
            id: 'Package_OX_Updater_7_2',
            name: 'OX Updater 7.2',
            productId: '{3F2E1D0C-4B5A-4968-8776-A5B4C3D2E1F0}',
            path: '\\\\FS01\\Software\\OX\\OXUpdater.msi',
            ensure: 'Present',
        });
        expect(ws11.resources.some((r) => r.kind === 'MsiPackage' && /oxtender/i.test(r.name))).to.equal(false);
        expect(runbook(result, 'WS11')).to.include("This node's configuration installs the OX Updater (`OX Updater 7.2`)");
        // WS12 is in no group: no OX output at all.
        expect(nodeOf(result, 'WS12').roles).to.deep.equal([]);
    });

    it('should leave user-driven installs to the user: no resource, the web interface path in the runbook', () => {
        const result = build(ox((s) => (s.clientGroups[0] = { name: 'sales', outlook: '2010', targets: { nodes: ['WS11'] } })));
        expect(nodeOf(result, 'WS11').resources).to.deep.equal([]);
        const text = runbook(result, 'WS11');
        expect(text).to.include('The user logs in to `https://ox.contoso.com/`, chooses Configuration → Options → Connector for Microsoft Outlook');
        expect(text).to.include('enters their Open-Xchange credentials');
        expect(result.files?.map((f) => f.path).filter((p) => p.startsWith('WS11/'))).to.deep.equal(['WS11/RUNBOOK.md']);
    });

    it('should put the OX server administrator\'s items on the runbook node: packages, Group Policy, plug-ins in guide order, PST', () => {
        const result = build(
            ox((s) => {
                s.server['passwordChangeBackend'] = 'open-xchange-passwordchange-script';
                s.server['administrator'] = 'Messaging team';
                s.clientGroups[0]!['plugins'] = ['vacationNotice', 'passwordChange'];
                s.clientGroups.push({ name: 'office', outlook: '2007', operatingSystems: ['Windows7'], plugins: ['personalData', 'vacationNotice'], install: 'package', targets: { gpo: { name: 'OX Office' } } });
            }),
        );
        const fs01 = nodeOf(result, 'FS01');
        expect(fs01.resources).to.deep.equal([]);
        expect(fs01.roles).to.deep.equal(['ox-updater-runbook']);
        const text = runbook(result, 'FS01');
        expect(stepIds(text)).to.deep.equal([
            'ox-server-packages',
            'ox-updater-share',
            'ox-gpo-sales',
            'ox-gpo-office',
            'ox-plugin-password-change',
            'ox-plugin-personal-data',
            'ox-plugin-vacation-notice',
            'ox-pst-location',
        ]);
        expect(text).to.include('For the OX server administrator (Messaging team), on the Open-Xchange server `https://ox.contoso.com/`');
        expect(text).to.include('1. Activate `--access-edit-password on` for these users');
        expect(text).to.include('2. Install `open-xchange-passwordchange-servlet`.');
        expect(text).to.include('3. Install the password change backend `open-xchange-passwordchange-script`.');
        expect(text).to.include('Set `ENABLE_INTERNAL_USER_EDIT=TRUE` in `foldercache.properties`');
        expect(text).to.include('client groups `sales`, `office` use the Vacation notice plug-in');
        expect(text).to.include('contain the `vacation` command');
        expect(text).to.include('Do not assign the OXtender MSI as well');
        expect(text).to.include('creates each user\'s PST file in `%APPDATA%\\Open-Xchange`');
    });

    it('should list no plug-in item for a plug-in no group uses', () => {
        const text = runbook(build(ox((s) => (s.clientGroups[0]!['plugins'] = []))), 'FS01');
        expect(stepIds(text)).to.deep.equal(['ox-server-packages', 'ox-updater-share', 'ox-gpo-sales', 'ox-pst-location']);
    });

    it('should say how to stage the MSI on a share when the manifest does not ask xprc to (item 20)', () => {
        const text = runbook(build(BASE), 'FS01');
        expect(text).to.include('share it with **Read** for `Domain Computers`').and.include("`Test-Path -LiteralPath '\\\\FS01\\Software\\OX\\OXUpdater.msi'`");
    });

    it('should create the share, grant the computers read and stage the MSI on the file server (item 20)', () => {
        const result = build(
            ox((s) => {
                (s as Json & { updaterPackage: Json })['updaterPackage']['share'] = { node: 'FS01', folder: 'D:\\Software\\', source: 'D:\\Downloads\\OXUpdater.msi' };
            }),
        );
        const fs01 = nodeOf(result, 'FS01');
        expect(fs01.roles).to.deep.equal(['ox-updater-runbook', 'ox-updater-share']);
        expect(fs01.resources.map((r) => `${r.kind} ${r.id} <- ${r.dependsOn.join(',')}`)).to.deep.equal([
            'Directory Folder_D_Software <- ',
            'Directory Folder_D_Software_OX <- Folder_D_Software',
            'File File_D_Software_OX_OXUpdater_msi <- Folder_D_Software_OX',
            'SmbShare Share_Software <- Folder_D_Software',
        ]);
        expect(fs01.resources[3]).to.deep.include({ name: 'Software', path: 'D:\\Software', readAccess: ['Domain Computers'], fullAccess: [] });
        expect(fs01.resources[2]).to.deep.include({ path: 'D:\\Software\\OX\\OXUpdater.msi', sourcePath: 'D:\\Downloads\\OXUpdater.msi' });
        const text = runbook(result, 'FS01');
        expect(stepIds(text)).to.include('ox-updater-share');
        expect(text).to.include('the computer accounts also need NTFS read on `D:\\Software`');
    });

    it('should warn that a per-user MSI would install into SYSTEM\'s profile, and pass ALLUSERS=1 when the manifest says the MSI supports it (item 20)', () => {
        const named = (edit: (s: Section) => void) =>
            build(
                ox((s) => {
                    s.clientGroups[0] = { name: 'sales', outlook: '2010', install: 'package', targets: { nodes: ['WS11'] } };
                    edit(s);
                }),
            );
        const perUser = named(() => undefined);
        expect(runbook(perUser, 'WS11')).to.include("DSC runs it as SYSTEM: if the MSI installs per user (its `ALLUSERS` property empty), it lands in SYSTEM's profile");
        expect(nodeOf(perUser, 'WS11').resources[0]).to.not.have.property('arguments');
        const perMachine = named((s) => ((s as Json & { updaterPackage: Json })['updaterPackage']['allUsers'] = true));
        expect(nodeOf(perMachine, 'WS11').resources[0]).to.deep.include({ kind: 'MsiPackage', arguments: 'ALLUSERS=1' });
        expect(runbook(perMachine, 'WS11')).to.include('per machine (`ALLUSERS=1`).').and.not.include('SYSTEM\'s profile');
    });

    it('should not claim the PST location for an OXtender before 6.15.1', () => {
        const result = build(
            ox((s) => {
                s.oxtender = { connector: 'connector', version: '6.14.9' };
                s.clientGroups[0] = { name: 'sales', outlook: '2007', install: 'user', targets: { nodes: ['WS11'] } };
            }),
        );
        expect(runbook(result, 'FS01')).to.include('The guide only says where OXtender 6.15.1 and later keep the PST file');
        expect(runbook(result, 'WS11')).to.not.include('%APPDATA%');
    });
});
