/**
 * Issue 11 item 8 on the fake host: License Logging, which only Windows
 * Server 2008 R2 has (Cluster Installation guide §3.1.3), is a Script
 * rather than an xService (xService fails on a service that does not exist
 * unless it may create it). No golden runs XPR on 2008 R2, so this spec
 * builds the case from a manifest and runs it through the same harness as
 * spec/pwsh/scripts.spec.ts: converge, idempotence, Get, drift.
 */

import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import { compile } from '../../compiler/compile.js';
import { dscBlocks } from '../../compiler/dsc/resources/index.js';
import { requirePwsh, runPwshJson } from '../helpers/pwsh.js';
import { baseHost, merge } from './hosts/base.js';
import type { ScriptCase } from './script-cases.js';

const HARNESS = fileURLToPath(new URL('./Invoke-ScriptCases.ps1', import.meta.url));

const MANIFEST = {
    name: 'lab',
    credentials: { XprService: { description: 'XPR', userName: 'LAB\\svc-xpr' } },
    nodes: [{ name: 'XPR01', os: 'WindowsServer2008R2', addresses: [{ address: '10.0.0.11' }], certificate: { file: 'C:\\k.cer', thumbprint: 'ab'.repeat(20) } }],
    xpr: {
        serverName: 'XPRLAB',
        installPath: 'D:\\XPR',
        languages: ['German'],
        defaultLanguage: 'German',
        authentication: { mode: 'xprAccount' },
        serviceAccount: { credential: 'XprService' },
        licensing: { claAddress: '10.0.0.5' },
        regional: { country: 'Germany', areaCode: '89', internationalPrefix: '00', nationalPrefix: '0' },
        kernel: { node: 'XPR01' },
    },
};

describe('XPR License Logging script (pwsh, fake host)', function () {
    it('should stop and disable License Logging, then leave it alone', function () {
        const pwsh = requirePwsh(this);
        const result = compile({ fileName: 'site.json', bytes: Buffer.from(JSON.stringify(MANIFEST)) });
        const node = result.ir?.nodes[0];
        expect(node, JSON.stringify(result.diagnostics.map((d) => d.message))).to.not.equal(undefined);
        const block = dscBlocks(node!).find((b) => b.name === 'Xpr_Windows_LicenseLogging');
        const text = (name: string): string => {
            const value = block?.properties.find((p) => p.name === name)?.value;
            return value?.kind === 'scriptBlock' ? value.lines.join('\n') : '';
        };
        const running = { Services: { LicenseService: { DisplayName: 'License Logging', StartMode: 'Auto', State: 'Running', StartName: 'NT AUTHORITY\\NetworkService', PathName: 'C:\\Windows\\System32\\llssrv.exe', Dependencies: [] } } };
        const c: ScriptCase = {
            id: 'xpr/XPR01 [xScript]Xpr_Windows_LicenseLogging',
            getScript: text('GetScript'),
            testScript: text('TestScript'),
            setScript: text('SetScript'),
            credential: false,
            gate: null,
            fresh: merge(baseHost(node!), running),
            installers: {},
            manualStep: null,
            using: {},
        };
        const run = runPwshJson<Record<string, { ok: boolean; steps: readonly { step: string; ok: boolean; detail: string }[] }>>(pwsh, HARNESS, { cases: [c] });
        const failed = (run.result[c.id]?.steps ?? []).filter((s) => !s.ok);
        expect(run.result[c.id], 'no result from the harness').to.not.equal(undefined);
        expect(failed.map((s) => `${s.step}: ${s.detail}`)).to.deep.equal([]);
    });
});
