/**
 * OX Updater and the OXtender (Connector) for Microsoft Outlook on Windows
 * desktops, served by an Open-Xchange server that is not a Windows machine.
 * Source: "OX Updater for Administrators" (OX Software GmbH, v.7.8.4).
 */

import type { Product } from '../product.js';
import { TITLE } from './data.js';
import { lowerOxUpdater } from './lower.js';
import { oxUpdaterNames } from './rules/names.js';
import { oxUpdaterOutlook } from './rules/outlook.js';
import { oxUpdaterPackage } from './rules/package.js';
import { oxUpdaterPlatform } from './rules/platform.js';
import { oxUpdaterPlugins } from './rules/plugins.js';

export const oxUpdater: Product = {
    section: 'oxUpdater',
    title: TITLE,
    rules: [oxUpdaterNames, oxUpdaterOutlook, oxUpdaterPlatform, oxUpdaterPlugins, oxUpdaterPackage],
    // Users enter their own OX credentials when the OXtender installs (§1.5); the section references none.
    credentialUses: () => [],
    lowerNode: lowerOxUpdater,
};
