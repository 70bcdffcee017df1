/**
 * Manifest variants that must not change the configuration: keys shuffled,
 * whitespace changed, and arrays without order semantics reversed. The
 * reversal remembers what it did, so a test can map a JSON pointer into the
 * variant back to the original item (provenance comments name positions).
 */

/** Lists whose order means nothing: the compiler sorts or keys them. */
const UNORDERED_LISTS = new Set([
    // site
    'nodes',
    // a baseline (named profile or a node's own): every item list except manualSteps, which is the runbook's order
    'windowsFeatures',
    'registry',
    'services',
    'firewallRules',
    'folders',
    'files',
    'packages',
    // inside items and nodes
    'dependsOn',
    'localPorts',
    'remotePorts',
    'remoteAddresses',
    'profiles',
    'roles',
    'firewallProfiles',
]);
/**
 * Lists that keep their order, named so that the choice is visible:
 * runbook steps and their paragraphs, REG_MULTI_SZ data ("value"), the
 * profiles a node applies (layer order), addresses (listed in order).
 */
export const ORDERED_LISTS: readonly string[] = ['manualSteps', 'instructions', 'value', 'baselines', 'addresses'];

export interface Reordered {
    readonly value: unknown;
    /** A pointer into the reordered manifest → the pointer of the same item in the original. */
    readonly originalPointer: (pointer: string) => string;
}

/** Every object's keys in reverse order (credentials and baselines maps included). */
export function shuffleKeys(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(shuffleKeys);
    if (value !== null && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, shuffleKeys(v)]));
    }
    return value;
}

/** Keys shuffled and every unordered list (by property name) reversed. */
export function reorder(manifest: unknown): Reordered {
    const reversed = new WeakSet<unknown[]>();
    const walk = (value: unknown, key: string | undefined): unknown => {
        if (Array.isArray(value)) {
            const items = value.map((item) => walk(item, undefined));
            if (key !== undefined && UNORDERED_LISTS.has(key) && !ORDERED_LISTS.includes(key)) {
                items.reverse();
                reversed.add(items);
            }
            return items;
        }
        if (value !== null && typeof value === 'object') {
            return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, walk(v, k)]));
        }
        return value;
    };
    const result = walk(manifest, undefined);
    const originalPointer = (pointer: string): string => {
        let node: unknown = result;
        const out: string[] = [];
        for (const raw of pointer.split('/').slice(1)) {
            const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
            if (Array.isArray(node)) {
                const index = Number(segment);
                out.push(String(reversed.has(node) ? node.length - 1 - index : index));
                node = node[index];
            } else {
                out.push(raw);
                node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
            }
        }
        return out.map((s) => `/${s}`).join('');
    };
    return { value: result, originalPointer };
}
