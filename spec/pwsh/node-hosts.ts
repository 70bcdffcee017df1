/**
 * The fresh hosts and manual-step fixtures of the verification-test oracle:
 * the same ones the Script behaviour tests use (spec/pwsh/hosts/).
 */

import type { State } from './hosts/base.js';
import type { HostFixtures } from './node-runs.js';
import { manualStepPatch, PRODUCT_FIXTURES } from './hosts/products.js';
import { freshHost } from './script-cases.js';

export const HOST_FIXTURES: HostFixtures = {
    fresh: freshHost,
    installers: (site, node) => Object.assign({}, ...PRODUCT_FIXTURES.map((f) => f.installers?.(site, node) ?? {})) as State,
    manualStep: manualStepPatch,
};
