/**
 * The `xpr` section read as hosts: the kernel and each satellite, with the
 * site node each one is, the pointer of its manifest object and its
 * effective settings. Rules, lowering and runbooks all go through here so
 * that "which node runs what" is decided in one place.
 *
 * A later cluster module places the kernel on a virtual server; the
 * functions that name the kernel's host (kernelHostName, kernelAddress) are
 * where that will change.
 */

import type { Node, Site, Xpr, XprComponents } from '../../manifest/types.generated.js';
import { COMPONENT_ORDER, COMPONENTS, type ComponentId } from './data.js';

export type HostRole = 'kernel' | 'satellite';

export interface XprHost {
    readonly role: HostRole;
    /** Satellite index in `xpr.satellites`; undefined for the kernel. */
    readonly index?: number;
    /** Pointer of the host object: `/xpr/kernel` or `/xpr/satellites/<i>`. */
    readonly pointer: string;
    /** Node name as written in the section. */
    readonly nodeName: string;
    readonly components: XprComponents;
    readonly optionalComponents: readonly string[];
    /** XPR installation folder on this host (satellites: the SatPrep destination folder). */
    readonly installPath: string;
    /** Pointer of the value installPath came from. */
    readonly installPathPointer: string;
}

export function xprHosts(xpr: Xpr): XprHost[] {
    const kernel: XprHost = {
        role: 'kernel',
        pointer: '/xpr/kernel',
        nodeName: xpr.kernel.node,
        components: xpr.kernel.components ?? {},
        optionalComponents: xpr.kernel.optionalComponents ?? [],
        installPath: xpr.installPath,
        installPathPointer: '/xpr/installPath',
    };
    const satellites = (xpr.satellites ?? []).map(
        (satellite, index): XprHost => ({
            role: 'satellite',
            index,
            pointer: `/xpr/satellites/${index}`,
            nodeName: satellite.node,
            components: satellite.components,
            optionalComponents: satellite.optionalComponents ?? [],
            installPath: satellite.installPath ?? xpr.installPath,
            installPathPointer: satellite.installPath === undefined ? '/xpr/installPath' : `/xpr/satellites/${index}/installPath`,
        }),
    );
    return [kernel, ...satellites];
}

/** The XPR host a node is (node names compare case-insensitively, like computer names); the first when listed twice. */
export function hostOfNode(xpr: Xpr, nodeName: string): XprHost | undefined {
    return xprHosts(xpr).find((host) => sameName(host.nodeName, nodeName));
}

export function sameName(a: string, b: string): boolean {
    return a.toUpperCase() === b.toUpperCase();
}

/** The site node a host runs on, with its index. */
export function siteNode(site: Site, nodeName: string): { readonly node: Node; readonly index: number } | undefined {
    const index = site.nodes.findIndex((node) => sameName(node.name, nodeName));
    const node = site.nodes[index];
    return node ? { node, index } : undefined;
}

/** Components a host runs, in the order of the setup's feature tree. The kernel always runs the TCP/IP support. */
export function hostComponents(host: XprHost): ComponentId[] {
    const listed = new Set(Object.keys(host.components));
    if (host.role === 'kernel') {
        listed.add('tcpApl');
    }
    return COMPONENT_ORDER.filter((id) => listed.has(id));
}

export function hasComponent(host: XprHost, id: ComponentId): boolean {
    return hostComponents(host).includes(id);
}

/** The node's IPv4 address for XPR: its management address, else its first IPv4 address. */
export function nodeIpv4(node: Node): string | undefined {
    const ipv4 = (node.addresses ?? []).filter((a) => /^[0-9.]+$/.test(a.address));
    return (ipv4.find((a) => (a.role ?? 'management') === 'management') ?? ipv4[0])?.address;
}

/** Every IPv4 address of a node. */
export function nodeIpv4s(node: Node): string[] {
    return (node.addresses ?? []).map((a) => a.address).filter((address) => /^[0-9.]+$/.test(address));
}

/** Name other hosts use for the kernel (SatPrep's "Server", certificates): the kernel node's computer name. */
export function kernelHostName(xpr: Xpr): string {
    return xpr.kernel.node;
}

/** The kernel's address, when the manifest gives one. */
export function kernelAddress(site: Site, xpr: Xpr): string | undefined {
    const kernel = siteNode(site, xpr.kernel.node);
    return kernel ? nodeIpv4(kernel.node) : undefined;
}

/** Where the CLA runs, as the license service setup asks for it (§4.3.4.1). */
export function claAddress(site: Site, xpr: Xpr): string | undefined {
    const scenario = xpr.licensing.scenario ?? 'external';
    return xpr.licensing.claAddress ?? (scenario === 'external' ? undefined : kernelAddress(site, xpr));
}

/** Root of the setup medium as the runbook uses it: the staged copy when there is one. */
export function mediaRoot(xpr: Xpr): string | undefined {
    return xpr.media?.stagingPath ?? xpr.media?.source;
}

/** `<root>\XpressionsInstall\<rest>`, or the guide's placeholder when the manifest names no medium. */
export function mediaPath(xpr: Xpr, rest: string): string {
    const root = mediaRoot(xpr);
    return root === undefined ? `x:\\XpressionsInstall\\${rest}` : `${root.replace(/\\+$/, '')}\\XpressionsInstall\\${rest}`;
}

/** Every component of every host, with its pointer. */
export function* allComponents(xpr: Xpr): Generator<{ readonly host: XprHost; readonly id: ComponentId; readonly pointer: string }> {
    for (const host of xprHosts(xpr)) {
        for (const id of Object.keys(host.components) as ComponentId[]) {
            if (id in COMPONENTS) {
                yield { host, id, pointer: `${host.pointer}/components/${id}` };
            }
        }
    }
}

/** `D:` of `D:\OpenScape\XPR`, or undefined for a UNC path. */
export function driveOf(path: string): string | undefined {
    const match = /^([A-Za-z]):\\/.exec(path);
    return match ? `${match[1]!.toUpperCase()}:` : undefined;
}
