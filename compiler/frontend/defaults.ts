/**
 * Manifest defaults and name comparisons shared by the core and the product
 * modules. This module imports nothing from the pipeline on purpose:
 * resolve.ts reads the product registry, so products cannot import values
 * from resolve.ts without an import cycle; they import them from here.
 */

import type { Node, Site } from '../manifest/types.generated.js';

export const DEFAULT_OS = 'WindowsServer2022';
export const DEFAULT_FIREWALL_PROFILES = ['Domain', 'Private'] as const;

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
