/**
 * Manifest defaults and name comparisons shared by the core and the product
 * modules. This module imports nothing from the pipeline on purpose:
 * resolve.ts reads the product registry, so products cannot import values
 * from resolve.ts without an import cycle; they import them from here.
 */

import type { Node, Site } from '../manifest/types.generated.js';

export const DEFAULT_OS = 'WindowsServer2022';
export const DEFAULT_FIREWALL_PROFILES = ['Domain', 'Private'] as const;

/** Desktop Windows versions a node's `os` can name (client machines of the products' guides and later). */
export const DESKTOP_OS: readonly string[] = ['WindowsXP', 'WindowsVista', 'Windows7', 'Windows10', 'Windows11'];

/**
 * Versions that cannot apply a DSC configuration: DSC needs Windows
 * Management Framework 4.0 or later, shipped for Windows 7 SP1 and Windows
 * Server 2008 R2 SP1 onwards, and none exists for XP or Vista.
 */
export const NO_DSC_OS: readonly string[] = ['WindowsXP', 'WindowsVista'];

/** Computer names compare case-insensitively. */
export function sameNodeName(a: string, b: string): boolean {
    return a.toUpperCase() === b.toUpperCase();
}

/** The node of that name, with its index in `nodes`, or undefined. */
export function findSiteNode(site: Site, name: string): { node: Node; index: number } | undefined {
    const index = site.nodes.findIndex((n) => sameNodeName(n.name, name));
    const node = site.nodes[index];
    return node ? { node, index } : undefined;
}

/** A product code as `{XXXXXXXX-…}` in upper case, whether written with braces or not. */
export function normaliseGuid(id: string): string {
    return `{${id.replace(/[{}]/g, '').toUpperCase()}}`;
}
