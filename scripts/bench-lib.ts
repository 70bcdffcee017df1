/**
 * Helpers of `npm run bench` (scripts/bench.ts), kept free of side effects so
 * that they can be reused and tested on their own:
 *
 *   - syntheticSite(n): a deterministic, schema-valid site manifest of n nodes
 *     with a realistic mix of baseline resources;
 *   - the bare "floor" writer script, the statistics, the Markdown table and
 *     the reading of a V8 .cpuprofile.
 *
 * Nothing here imports compiler code at run time (only its manifest types), so
 * the benchmark measures dist/ exactly as `bin/xprc.js` runs it.
 */

import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Baseline, Credential, Node, RegistryValueItem, Site } from '../compiler/manifest/types.generated.js';

// ---------------------------------------------------------------------------
// Synthetic sites
// ---------------------------------------------------------------------------

/**
 * Deterministic 32-bit values from a seeded counter (the splitmix32 finaliser
 * applied to seed + k·golden ratio). No Math.random: the same `nodes` always
 * gives byte-identical manifests, so runs on different machines compare.
 */
export function seededCounter(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x9e3779b9) >>> 0;
        let z = state;
        z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
        z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
        return (z ^ (z >>> 16)) >>> 0;
    };
}

function hex(next: () => number, digits: number): string {
    let out = '';
    while (out.length < digits) {
        out += next().toString(16).toUpperCase().padStart(8, '0');
    }
    return out.slice(0, digits);
}

/** The product a node role runs: one named profile and one vendor key per role. */
interface Role {
    readonly label: string;
    readonly profile: string;
    readonly product: string;
    readonly version: string;
    readonly credential: string;
    readonly port: number;
    readonly features: readonly string[];
}

const ROLES: readonly Role[] = [
    { label: 'web-server', profile: 'web-servers', product: 'Portal', version: '5.1', credential: 'PortalService', port: 8443, features: ['Web-Server', 'Web-Asp-Net45'] },
    { label: 'file-server', profile: 'file-servers', product: 'Archive', version: '3.0', credential: 'ArchiveService', port: 8090, features: ['FS-FileServer', 'FS-Resource-Manager'] },
    { label: 'report-server', profile: 'report-servers', product: 'Report', version: '4.2', credential: 'ReportService', port: 8080, features: ['NET-Framework-45-Core'] },
    { label: 'gateway', profile: 'gateways', product: 'Gateway', version: '2.7', credential: 'GatewayService', port: 5061, features: ['NET-Framework-45-Core', 'Web-WebSockets'] },
];

/** NetBIOS names: SRV0001 … SRV9999, then SRV10000 … (at most 15 characters in all). */
export function nodeName(index: number): string {
    return `SRV${String(index + 1).padStart(4, '0')}`;
}

/** 10.<b>.<c>.<d>: 250 hosts per /24 (.1 – .250), unique up to 16 million nodes. */
export function nodeAddress(index: number): string {
    const host = (index % 250) + 1;
    const subnet = Math.floor(index / 250);
    return `10.${(Math.floor(subnet / 256) % 256) + 1}.${subnet % 256}.${host}`;
}

/** The hardening every node applies (profile `common`). */
function commonHardening(): Baseline {
    return {
        windowsFeatures: [{ name: 'Telnet-Client', ensure: 'Absent' }, { name: 'FS-SMB1', ensure: 'Absent' }],
        registry: [
            { key: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa', name: 'RestrictAnonymous', type: 'REG_DWORD', value: 1 },
            {
                key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System',
                name: 'LegalNoticeCaption',
                type: 'REG_SZ',
                value: 'Authorised use only',
            },
            {
                key: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurePipeServers\\Winreg\\AllowedExactPaths',
                name: 'Machine',
                type: 'REG_MULTI_SZ',
                value: ['System\\CurrentControlSet\\Control\\ProductOptions', 'Software\\Microsoft\\Windows NT\\CurrentVersion'],
            },
            { key: 'HKLM\\SOFTWARE\\Contoso\\Baseline', name: 'AuditRetentionBytes', type: 'REG_QWORD', value: '0x280000000' },
        ],
        services: [
            { name: 'Spooler', startupType: 'Disabled', state: 'Stopped' },
            { name: 'RemoteRegistry', startupType: 'Disabled', state: 'Stopped' },
            { name: 'W32Time', startupType: 'Automatic', state: 'Running', account: 'LocalService' },
        ],
        firewallRules: [
            {
                name: 'Contoso-WinRM-In',
                displayName: 'Windows Remote Management (HTTP-In) from the admin network',
                localPorts: [5985],
                remoteAddresses: ['10.0.99.0/24'],
            },
            {
                name: 'Contoso-RDP-In',
                displayName: 'Remote Desktop (TCP-In) from the admin network',
                localPorts: [3389],
                remoteAddresses: ['10.0.99.0/24'],
            },
        ],
        manualSteps: [
            {
                id: 'backup-agent',
                title: 'Register the node with the backup service',
                instructions: [
                    'In the backup console, add the node to the *Windows Servers* protection group.',
                    'Run a first full backup.',
                ],
                verify: 'The protection group lists the node with status **Protected**.',
            },
        ],
    };
}

/** What every node of a role shares (profile `<role>s`). */
function roleProfile(role: Role): Baseline {
    return {
        windowsFeatures: role.features.map((name) => ({ name })),
        services: [{ name: 'WinRM', startupType: 'Automatic', state: 'Running' }],
    };
}

/** The node's own items: its product installed, configured and opened. */
function nodeBaseline(role: Role, name: string, address: string, next: () => number): Baseline {
    const dir = `D:\\Contoso\\${role.product}`;
    const packageName = `Contoso ${role.product} ${role.version}`;
    const key = `HKLM\\SOFTWARE\\Contoso\\${role.product}`;
    const afterPackage = [`package:${packageName}`];
    const registry: RegistryValueItem[] = [
        { key, name: 'InstallPath', type: 'REG_SZ', value: `${dir}\\bin`, view: '32', dependsOn: afterPackage },
        { key, name: 'LogDir', type: 'REG_EXPAND_SZ', value: `%ProgramData%\\Contoso\\${role.product}\\Logs`, view: '32', dependsOn: afterPackage },
        {
            key,
            name: 'Servers',
            type: 'REG_MULTI_SZ',
            value: [`sql${(next() % 4) + 1}.contoso.local`, `sql${(next() % 4) + 5}.contoso.local`],
            view: '32',
            dependsOn: afterPackage,
        },
        { key, name: 'Port', type: 'REG_DWORD', value: role.port, view: '32', dependsOn: afterPackage },
        { key, name: 'NodeKey', type: 'REG_BINARY', value: hex(next, 16).replace(/(..)(?!$)/g, '$1,').toLowerCase(), view: '32', dependsOn: afterPackage },
    ];
    return {
        folders: [{ path: dir }],
        files: [
            {
                path: `${dir}\\node.ini`,
                contents: `[Node]\r\nName=${name}\r\nAddress=${address}\r\nRole=${role.label}\r\n`,
                dependsOn: [`folder:${dir}`],
            },
        ],
        packages: [
            {
                name: packageName,
                productId: productCode(role),
                path: `\\\\fs01\\media\\Contoso${role.product}-${role.version}.msi`,
                arguments: `INSTALLDIR="${dir}\\bin" NODENAME="${name}"`,
                logPath: `C:\\Windows\\Temp\\Contoso${role.product}-install.log`,
                dependsOn: [`folder:${dir}`],
            },
        ],
        registry,
        services: [
            {
                name: `Contoso${role.product}`,
                startupType: 'Automatic',
                state: 'Running',
                account: { credential: role.credential },
                dependsOn: [...afterPackage, `registry:${key}\\Port`],
            },
        ],
        firewallRules: [
            {
                name: `Contoso-${role.product}-In`,
                displayName: `Contoso ${role.product} (TCP-In)`,
                localPorts: [role.port],
                remoteAddresses: ['10.0.20.0/24'],
                program: `${dir}\\bin\\${role.product}Svc.exe`,
                dependsOn: afterPackage,
            },
        ],
    };
}

/** A fixed product code per role (the same MSI on every node of the role). */
function productCode(role: Role): string {
    const h = hex(seededCounter(role.port), 32);
    return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}}`;
}

/**
 * A site of `nodes` nodes. Every node applies the `common` hardening profile
 * and its role's profile, and adds its own product: a folder, a file, an MSI
 * package, five registry values under the role's vendor key, a service
 * running under the role's credential and a firewall rule. Because they take
 * a credential, nodes carry a MOF encryption certificate. Only the roles the
 * nodes use are declared, so the manifest compiles without any diagnostic.
 */
export function syntheticSite(nodes: number): object {
    if (!Number.isInteger(nodes) || nodes < 1) {
        throw new RangeError(`syntheticSite: nodes must be a positive integer, not ${nodes}`);
    }
    const next = seededCounter(0x78707263); // 'xprc'
    const used = ROLES.slice(0, Math.min(nodes, ROLES.length));
    const credentials: Record<string, Credential> = {};
    const baselines: Record<string, Baseline> = { common: commonHardening() };
    for (const role of used) {
        credentials[role.credential] = {
            description: `Service account of the Contoso ${role.product} service`,
            userName: `CONTOSO\\svc-${role.product.toLowerCase()}`,
        };
        baselines[role.profile] = roleProfile(role);
    }

    const nodeList: Node[] = [];
    for (let i = 0; i < nodes; i++) {
        const role = ROLES[i % ROLES.length] as Role;
        const name = nodeName(i);
        const address = nodeAddress(i);
        nodeList.push({
            name,
            description: `Contoso ${role.product} host ${i + 1}`,
            ...(i % 5 === 4 ? { os: 'WindowsServer2019' as const } : {}),
            roles: [role.label],
            addresses: [{ address, prefixLength: 16, role: 'management' }],
            certificate: { file: `C:\\DscPublicKeys\\${name}.cer`, thumbprint: hex(next, 40) },
            baselines: ['common', role.profile],
            baseline: nodeBaseline(role, name, address, next),
        });
    }

    const site: Site = {
        name: `bench-${nodes}`,
        description: `Synthetic benchmark site of ${nodes} node(s), generated by scripts/bench-lib.ts.`,
        domain: 'contoso.local',
        credentials,
        defaults: { os: 'WindowsServer2022', firewallProfiles: ['Domain'] },
        baselines,
        nodes: nodeList,
    };
    return site;
}

// ---------------------------------------------------------------------------
// The floor: a bare Node.js script that writes the same bytes
// ---------------------------------------------------------------------------

/** One output file in a floor blob's index; its bytes follow the previous file's in the data file. */
export interface BlobEntry {
    readonly path: string;
    readonly size: number;
}

/**
 * The floor writer, a plain ES module with no dependencies:
 *   node floor.mjs <index.json> <data.bin> <outDir>
 * It reads the index and the concatenated bytes and writes each file with
 * mkdirSync + writeFileSync. Nothing else: this is the least any Node.js
 * program that writes these files must do, start-up included.
 */
export const FLOOR_SCRIPT = `import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
const [indexPath, dataPath, outDir] = process.argv.slice(2);
const index = JSON.parse(readFileSync(indexPath, 'utf8'));
const data = readFileSync(dataPath);
const made = new Set();
let offset = 0;
for (const { path, size } of index) {
    const target = join(outDir, ...path.split('/'));
    const dir = dirname(target);
    if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
    }
    writeFileSync(target, data.subarray(offset, offset + size));
    offset += size;
}
`;

/** Every file under `root`, as `/`-separated relative paths, sorted. */
export function listFiles(root: string): string[] {
    const out: string[] = [];
    const walk = (dir: string): void => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
            const full = join(dir, entry.name);
            if (entry.isDirectory()) {
                walk(full);
            } else if (entry.isFile()) {
                out.push(relative(root, full).split(sep).join('/'));
            }
        }
    };
    walk(root);
    return out.sort();
}

/** Total size in bytes of the files under `root`. */
export function treeBytes(root: string): number {
    return listFiles(root).reduce((sum, path) => sum + statSync(join(root, ...path.split('/'))).size, 0);
}

// ---------------------------------------------------------------------------
// Statistics and reporting
// ---------------------------------------------------------------------------

export function median(values: readonly number[]): number {
    if (values.length === 0) {
        throw new RangeError('median of no values');
    }
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A Markdown table with right-aligned numeric-looking columns. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => /^[-+]?[0-9][0-9,.]*( ?[a-zA-Z%×]*)?$|^—$/.test(r[i] ?? '')));
    const cell = (text: string, i: number) => (numeric[i] ? text.padStart(widths[i] ?? 0) : text.padEnd(widths[i] ?? 0));
    const line = (cells: readonly string[]) => `| ${cells.map((c, i) => cell(c, i)).join(' | ')} |`;
    const rule = `|${widths.map((w, i) => (numeric[i] ? `${'-'.repeat(w + 1)}:` : `${'-'.repeat(w + 2)}`)).join('|')}|`;
    return [line(header), rule, ...rows.map(line)].join('\n');
}

/** 1234567 → "1,234,567". */
export function thousands(value: number, digits = 0): string {
    return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

// ---------------------------------------------------------------------------
// CPU profiles
// ---------------------------------------------------------------------------

/** The parts of a V8 .cpuprofile (written by `node --cpu-prof`) that self time needs. */
export interface CpuProfile {
    readonly nodes: readonly {
        readonly id: number;
        readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number; readonly columnNumber: number };
        readonly children?: readonly number[];
    }[];
    readonly samples: readonly number[];
    readonly timeDeltas: readonly number[];
    readonly startTime: number;
    readonly endTime: number;
}

export interface SelfTime {
    /** `functionName (file:line)`; anonymous functions are shown as `(anonymous)`. */
    readonly name: string;
    readonly selfMs: number;
    /** Share of all sampled time, 0–100. */
    readonly percent: number;
}

/**
 * Self time per function (all call sites of one function summed), highest first.
 * `root` is the package root: file URLs under it are shown relative to it.
 */
export function selfTimes(profile: CpuProfile, root: string): SelfTime[] {
    const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
    const totals = new Map<string, number>();
    let all = 0;
    profile.samples.forEach((id, i) => {
        // timeDeltas[i] is the time since the previous sample; it is charged to sample i.
        const micros = profile.timeDeltas[i] ?? 0;
        const node = byNode.get(id);
        if (!node || micros <= 0) {
            return;
        }
        all += micros;
        const key = describeFrame(node.callFrame, root);
        totals.set(key, (totals.get(key) ?? 0) + micros);
    });
    return [...totals.entries()]
        .map(([name, micros]) => ({ name, selfMs: micros / 1000, percent: all > 0 ? (100 * micros) / all : 0 }))
        .sort((a, b) => b.selfMs - a.selfMs);
}

function describeFrame(frame: CpuProfile['nodes'][number]['callFrame'], root: string): string {
    const name = frame.functionName || '(anonymous)';
    if (!frame.url) {
        return name; // (program), (garbage collector), (idle), native builtins
    }
    let where = frame.url;
    const rootUrl = pathToFileURL(root).href.replace(/\/?$/, '/');
    if (where.startsWith(rootUrl)) {
        where = where.slice(rootUrl.length);
    } else if (where.startsWith('file://')) {
        where = where.replace(/^file:\/\/.*\/node_modules\//, 'node_modules/');
    }
    return `${name} (${where}:${frame.lineNumber + 1})`;
}

export interface ModuleTime {
    /** `npm:<package>`, a file of the package (`dist/…`), or `(Node.js)` for time with neither on the stack. */
    readonly module: string;
    readonly ms: number;
    readonly percent: number;
}

/**
 * Where start-up goes: each sample is charged to the innermost npm package or
 * package file on its stack, so the time Node.js spends loading and compiling
 * a dependency's modules is charged to that dependency. Time with no such
 * frame (Node.js bootstrap, the ES module loader linking dist/) is
 * `(Node.js)`.
 */
export function timeByModule(profile: CpuProfile, root: string): ModuleTime[] {
    const parent = new Map<number, number>();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    for (const node of profile.nodes) {
        for (const child of node.children ?? []) {
            parent.set(child, node.id);
        }
    }
    const rootUrl = pathToFileURL(root).href.replace(/\/?$/, '/');
    const moduleOf = (url: string): string | undefined => {
        const npm = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
        if (npm) {
            return `npm:${npm[1]}`;
        }
        return url.startsWith(rootUrl) ? url.slice(rootUrl.length) : undefined;
    };
    const totals = new Map<string, number>();
    let all = 0;
    profile.samples.forEach((id, i) => {
        const micros = profile.timeDeltas[i] ?? 0;
        if (micros <= 0) {
            return;
        }
        all += micros;
        let module: string | undefined;
        for (let cur: number | undefined = id; cur !== undefined && module === undefined; cur = parent.get(cur)) {
            module = moduleOf(byId.get(cur)?.callFrame.url ?? '');
        }
        const key = module ?? '(Node.js)';
        totals.set(key, (totals.get(key) ?? 0) + micros);
    });
    return [...totals.entries()]
        .map(([module, micros]) => ({ module, ms: micros / 1000, percent: all > 0 ? (100 * micros) / all : 0 }))
        .sort((a, b) => b.ms - a.ms);
}

/** A function of the profile: its name and its file relative to the package root (`dist/compile.js`). */
export interface FunctionRef {
    readonly name: string;
    readonly file: string;
}

export interface CalleeTime {
    /** `functionName (file:line)` as selfTimes() names it, or `(self)` for the function's own time. */
    readonly name: string;
    readonly ms: number;
    /** Share of all sampled time, 0–100. */
    readonly percent: number;
}

/**
 * Inclusive time of each direct callee of `fn` (recursion: the outermost
 * call counts), highest first: where the time under one function goes, e.g.
 * the phases under compile(). Garbage collection is a separate root in V8
 * profiles, so it is never under `fn`.
 */
export function calleeTimes(profile: CpuProfile, root: string, fn: FunctionRef): CalleeTime[] {
    const parent = new Map<number, number>();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    for (const node of profile.nodes) {
        for (const child of node.children ?? []) {
            parent.set(child, node.id);
        }
    }
    const targetUrl = pathToFileURL(join(root, ...fn.file.split('/'))).href;
    const isTarget = (id: number) => {
        const frame = byId.get(id)?.callFrame;
        return frame !== undefined && frame.functionName === fn.name && frame.url === targetUrl;
    };
    const totals = new Map<string, number>();
    let all = 0;
    profile.samples.forEach((id, i) => {
        const micros = profile.timeDeltas[i] ?? 0;
        if (micros <= 0) {
            return;
        }
        all += micros;
        // The outermost call of fn on the stack, and the frame it called.
        let callee: number | undefined;
        let found: number | undefined;
        let below: number | undefined;
        for (let cur: number | undefined = id; cur !== undefined; below = cur, cur = parent.get(cur)) {
            if (isTarget(cur)) {
                found = cur;
                callee = below;
            }
        }
        if (found === undefined) {
            return;
        }
        const frame = callee === undefined ? undefined : byId.get(callee)?.callFrame;
        const key = frame ? describeFrame(frame, root) : '(self)';
        totals.set(key, (totals.get(key) ?? 0) + micros);
    });
    return [...totals.entries()]
        .map(([name, micros]) => ({ name, ms: micros / 1000, percent: all > 0 ? (100 * micros) / all : 0 }))
        .sort((a, b) => b.ms - a.ms);
}
