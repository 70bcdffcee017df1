/**
 * The semantic rules, in the order they run. Each rule lives in its own file
 * with a passing and a failing test in spec/unit/rules/.
 */

import type { PendingDiagnostic } from '../diagnostics/diagnostic.js';
import type { ResolvedSite } from '../frontend/resolve.js';
import { addresses } from './addresses.js';
import { conflicts } from './conflicts.js';
import { credentialEncryption } from './credential-encryption.js';
import { delivery } from './delivery.js';
import { dependencies } from './dependencies.js';
import { firewallPorts } from './firewall-ports.js';
import { layers } from './layers.js';
import { manualSteps } from './manual-steps.js';
import { nodeNames } from './node-names.js';
import { references } from './references.js';
import { registryKeyCase } from './registry-key-case.js';
import { registryKeys } from './registry-keys.js';
import { registryStrings } from './registry-strings.js';
import { secretNames } from './secret-names.js';
import { siteName } from './site-name.js';
import { urlCredentials } from './url-credentials.js';
import type { Rule } from './rule.js';
import { PRODUCTS } from '../products/index.js';

export const RULES: readonly Rule[] = [
    nodeNames,
    references,
    addresses,
    registryKeys,
    firewallPorts,
    conflicts,
    layers,
    dependencies,
    credentialEncryption,
    manualSteps,
    // Data safety (issue #10): what Windows cannot store, and secrets in names or URLs.
    siteName,
    registryStrings,
    registryKeyCase,
    secretNames,
    urlCredentials,
    delivery,
    ...PRODUCTS.flatMap((product) => product.rules),
];

/** Phase 4, check: run every rule over the resolved site. */
export function check(site: ResolvedSite): PendingDiagnostic[] {
    return RULES.flatMap((rule) => rule.check(site));
}
