/** The product modules, in the order their resources and steps appear for a node. */

import type { Site } from '../manifest/types.generated.js';
import type { CredentialUse, Product } from './product.js';
import { xprProduct } from './xpr/index.js';
import { officeStatus } from './officestatus/index.js';
import { oxUpdater } from './ox-updater/index.js';
import { onexPortal } from './onex-portal/index.js';

export const PRODUCTS: readonly Product[] = [xprProduct, officeStatus, oxUpdater, onexPortal];

/** Credential references made by every product section. */
export function productCredentialUses(site: Site): CredentialUse[] {
    return PRODUCTS.flatMap((product) => [...product.credentialUses(site)]);
}
