import type { MsiPackageResource } from '../../ir/types.js';
import { psString } from '../ps/quote.js';
import { check, type CheckContext, type PesterCheck } from './check.js';

/**
 * The product code's Uninstall key (64- and 32-bit view), as xMsiPackage
 * itself looks a product up. Never Win32_Product: enumerating it makes
 * Windows Installer check, and repair, every installed product.
 */
export function msiPackageCheck(r: MsiPackageResource, ctx: CheckContext): PesterCheck {
    const keys = [
        `Registry::HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\${r.productId}`,
        `Registry::HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\${r.productId}`,
    ];
    const present = r.ensure === 'Present';
    return check(r, ctx, [
        '$installed = @(',
        ...keys.map((key) => `    ${psString(key)}`),
        ') | Where-Object -FilterScript { Test-Path -LiteralPath $_ }',
        `$installed | Should ${present ? '-Not ' : ''}-BeNullOrEmpty -Because ${psString(`${r.name} (${r.productId}) must ${present ? '' : 'not '}be installed`)}`,
    ]);
}
