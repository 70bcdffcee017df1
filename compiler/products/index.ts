/** The product modules, in the order their resources and steps appear for a node. */

import type { Site } from '../manifest/types.generated.js';
import type { CredentialUse, Product } from './product.js';

export const PRODUCTS: readonly Product[] = [];

/** Credential references made by every product section. */
export function productCredentialUses(site: Site): CredentialUse[] {
    return PRODUCTS.flatMap((product) => [...product.credentialUses(site)]);
}
