/**
 * A DSC resource block as it will be written into a configuration: the
 * resource type, its module, the instance name and an ordered property list.
 *
 * Values are typed (PsValue) rather than pre-rendered text so that the
 * catalog check can verify types and ValueMaps, and so that all quoting
 * happens in one place (emit/ps/quote.ts).
 */

import type { Pointer } from '../ir/types.js';

export type PsValue =
    | { readonly kind: 'string'; readonly value: string }
    | { readonly kind: 'bool'; readonly value: boolean }
    /** Integers only (uint32/sint32/uint64 properties). */
    | { readonly kind: 'int'; readonly value: number }
    | { readonly kind: 'stringArray'; readonly value: readonly string[] }
    /** A `[PSCredential]` parameter of the configuration, by parameter name (without `$`). */
    | { readonly kind: 'credential'; readonly parameter: string }
    /** DependsOn references: `[Type]Name`. */
    | { readonly kind: 'dependsOn'; readonly value: readonly string[] }
    /**
     * A script block (Script resources' GetScript/SetScript/TestScript).
     * The lines are PowerShell code written by xprc's own product modules;
     * any manifest value inside them must already be quoted with psString.
     */
    | { readonly kind: 'scriptBlock'; readonly lines: readonly string[] }
    /**
     * An array of nested CIM instances of one class, for properties declared
     * `EmbeddedInstance("<className>") String Name[]` (e.g. WebSite's
     * BindingInfo = DSC_WebBindingInformation). Each item is the instance's
     * own property list, checked against the class's schema like a block's.
     */
    | { readonly kind: 'cimInstances'; readonly className: string; readonly items: readonly (readonly DscProperty[])[] };

export interface DscProperty {
    readonly name: string;
    readonly value: PsValue;
}

export interface DscModuleRef {
    readonly name: string;
    readonly version: string;
}

export interface DscBlock {
    /** Friendly name used as the keyword, e.g. 'xRegistry'. */
    readonly resourceType: string;
    readonly module: DscModuleRef;
    /** Instance name (IR resource id). */
    readonly name: string;
    readonly properties: readonly DscProperty[];
    /** Where the resource came from, for the provenance comment. */
    readonly source: Pointer;
    /** Guide section behind the resource, shown next to the provenance. */
    readonly guide?: string;
}

export const ps = {
    str: (value: string): PsValue => ({ kind: 'string', value }),
    bool: (value: boolean): PsValue => ({ kind: 'bool', value }),
    int: (value: number): PsValue => ({ kind: 'int', value }),
    strs: (value: readonly string[]): PsValue => ({ kind: 'stringArray', value }),
    cred: (parameter: string): PsValue => ({ kind: 'credential', parameter }),
    script: (lines: readonly string[]): PsValue => ({ kind: 'scriptBlock', lines }),
    cims: (className: string, items: readonly (readonly DscProperty[])[]): PsValue => ({ kind: 'cimInstances', className, items }),
} as const;
