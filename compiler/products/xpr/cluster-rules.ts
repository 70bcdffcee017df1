/** The rules of an XPR kernel on a Windows failover cluster (`xpr.cluster`), in report order. */

import type { Rule } from '../../rules/rule.js';
import { xprClusterAddresses } from './rules/xpr-cluster-addresses.js';
import { xprClusterAuthentication } from './rules/xpr-cluster-authentication.js';
import { xprClusterComponents } from './rules/xpr-cluster-components.js';
import { xprClusterLicensing } from './rules/xpr-cluster-licensing.js';
import { xprClusterNetworkName } from './rules/xpr-cluster-network-name.js';
import { xprClusterNodes } from './rules/xpr-cluster-nodes.js';
import { xprClusterReporting } from './rules/xpr-cluster-reporting.js';
import { xprClusterResources } from './rules/xpr-cluster-resources.js';
import { xprClusterRole } from './rules/xpr-cluster-role.js';

export const CLUSTER_RULES: readonly Rule[] = [
    xprClusterNodes,
    xprClusterAddresses,
    xprClusterNetworkName,
    xprClusterAuthentication,
    xprClusterComponents,
    xprClusterReporting,
    xprClusterLicensing,
    xprClusterResources,
    xprClusterRole,
];
