/**
 * Manifests for the XPR rule tests: a small valid site (kernel XPR01, a
 * spare node SAT01) and the variations each rule reports. Kept apart from
 * the expectations so that the positions in rules.spec.ts can be read off
 * JSON.stringify(manifest, null, 2) of exactly these objects.
 */

export type Json = Record<string, unknown>;

export const CERT = { file: 'C:\\DscPublicKeys\\XPR.cer', thumbprint: '3C2A6F7B1E0D4C5B8A9F00112233445566778899' };

const REGIONAL = { country: 'Germany', areaCode: '89', internationalPrefix: '00', nationalPrefix: '0' };

/** A valid site; `xpr` and `extra` override (keys keep their position). */
export function site(xpr: Json = {}, extra: Json = {}): Json {
    return {
        name: 'lab',
        credentials: { XprService: { description: 'XPR', userName: 'LAB\\svc-xpr' } },
        nodes: [
            { name: 'XPR01', addresses: [{ address: '10.0.0.11' }], certificate: CERT },
            { name: 'SAT01', addresses: [{ address: '10.0.0.21' }], certificate: CERT },
        ],
        xpr: {
            serverName: 'XPRLAB',
            installPath: 'D:\\XPR',
            languages: ['German'],
            defaultLanguage: 'German',
            authentication: { mode: 'xprAccount' },
            serviceAccount: { credential: 'XprService' },
            licensing: { claAddress: '10.0.0.5' },
            regional: REGIONAL,
            kernel: { node: 'XPR01' },
            ...xpr,
        },
        ...extra,
    };
}

/** The same site with SAT01 as a satellite running `components`. */
export function withSatellite(components: Json, xpr: Json = {}, extra: Json = {}): Json {
    return site({ satellites: [{ node: 'SAT01', components }], ...xpr }, extra);
}

/** The site with the kernel running `components`. */
export function withKernel(components: Json, xpr: Json = {}, extra: Json = {}): Json {
    return site({ kernel: { node: 'XPR01', components }, ...xpr }, extra);
}

/** The site with node XPR01 replaced by `node` (name XPR01 kept first). */
export function withKernelNode(node: Json, xpr: Json = {}): Json {
    const base = site(xpr);
    const nodes = base['nodes'] as Json[];
    return { ...base, nodes: [{ name: 'XPR01', addresses: [{ address: '10.0.0.11' }], certificate: CERT, ...node }, nodes[1]] };
}
