/**
 * The DSC resource catalog: the schemas of the resource modules xprc pins,
 * and the checks every emitted DscBlock must pass.
 *
 * The data lives in catalog.generated.ts, produced by
 * scripts/import-dsc-catalog.ts from the real MOF schemas (and transcriptions
 * of class-based and composite resources). It is checked in so that neither
 * the compiler nor its tests depend on the schema collection at run time.
 *
 * A block that fails checkBlock() would make PowerShell reject the whole
 * configuration when it is compiled on the target (or, worse, silently do
 * something else), so emitters call assertBlock() on everything they emit.
 *
 * This file holds the schema types (the shape of catalog.generated.ts) and
 * re-exports the lookup (catalog-lookup.ts) and the checks (catalog-check.ts,
 * catalog-unique-keys.ts), so callers import the catalog from here.
 */

import { DSC_MODULES } from './catalog.generated.js';

export { DSC_MODULES };
export { findResource, moduleVersion } from './catalog-lookup.js';
export { assertBlock, checkBlock } from './catalog-check.js';
export { checkUniqueKeys } from './catalog-unique-keys.js';

// ---------------------------------------------------------------------------
// Schema types (the shape of catalog.generated.ts)
// ---------------------------------------------------------------------------

/** `mof` = script/binary resource with a .schema.mof; `class` = `[DscResource()]` PowerShell class; `composite` = Configuration. */
export type DscResourceKind = 'mof' | 'class' | 'composite';

/** MOF qualifiers. Key and Required are mandatory; Read properties are Get outputs and must not be set. */
export type DscQualifier = 'Key' | 'Required' | 'Write' | 'Read';

/** MOF (CIM) data types, lower-cased: the schemas spell them inconsistently ('String', 'string', 'Uint32', 'UInt32', ...). */
export type MofType =
    | 'string'
    | 'boolean'
    | 'char16'
    | 'uint8'
    | 'uint16'
    | 'uint32'
    | 'uint64'
    | 'sint8'
    | 'sint16'
    | 'sint32'
    | 'sint64'
    | 'real32'
    | 'real64'
    | 'datetime';

export interface DscPropertySchema {
    readonly name: string;
    readonly qualifier: DscQualifier;
    readonly type: MofType;
    readonly isArray: boolean;
    /** Allowed values, in the schema's spelling (for integer types, decimal strings). */
    readonly valueMap?: readonly string[];
    /** `MSFT_Credential` = PSCredential, `MSFT_KeyValuePair` = hashtable, anything else = a nested CIM class. */
    readonly embeddedInstance?: string;
}

export interface DscResourceSchema {
    /** The keyword configurations use, e.g. 'xRegistry'. */
    readonly friendlyName: string;
    /** CIM class name, e.g. 'DSC_xRegistryResource'. */
    readonly className: string;
    readonly kind: DscResourceKind;
    /**
     * False for class-based resources declared `[DscResource(RunAsCredential = 'NotSupported')]`
     * (e.g. SqlPermission): PowerShell rejects PsDscRunAsCredential on them.
     */
    readonly runAsCredentialSupported: boolean;
    /**
     * Properties in schema order. The engine-wide meta-properties DependsOn and
     * PsDscRunAsCredential are not listed; checkBlock allows them on every resource.
     */
    readonly properties: readonly DscPropertySchema[];
    /**
     * The nested CIM classes the resource's schema file defines for its
     * EmbeddedInstance properties (e.g. DSC_WebBindingInformation for WebSite's
     * BindingInfo). Absent when the file defines none.
     */
    readonly embeddedClasses?: readonly DscEmbeddedClassSchema[];
}

/** A nested CIM class (no friendly name: configurations write its class name as the keyword). */
export interface DscEmbeddedClassSchema {
    readonly className: string;
    readonly properties: readonly DscPropertySchema[];
}

export interface DscModuleSchema {
    readonly name: string;
    /** The pinned version, exactly as `Import-DscResource -ModuleVersion` takes it. */
    readonly version: string;
    /** GitHub owner/name the schemas were read from, and the commit (release tag). */
    readonly repo: string;
    readonly commit: string;
    readonly resources: readonly DscResourceSchema[];
}
