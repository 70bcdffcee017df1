/**
 * The per-block checks of the DSC catalog: every emitted DscBlock must name
 * a pinned module and resource, only real properties with values of their
 * MOF types and value maps, and well-formed DependsOn and credential
 * parameters. Separate from catalog.ts because it is the largest part and
 * the only one with rules; a failing block is a compiler bug (assertBlock).
 */

import { InternalError } from '../diagnostics/internal-error.js';
import type { DscBlock, PsValue } from './block.js';
import { MODULES, pinnedList } from './catalog-lookup.js';
import type { MofType, DscPropertySchema, DscResourceSchema } from './catalog.js';

// ---------------------------------------------------------------------------
// Block checks
// ---------------------------------------------------------------------------

/** Engine meta-properties, not declared in any schema (see INDEX.md "Conventions"). */
const DEPENDS_ON = 'DependsOn';
const RUN_AS = 'PsDscRunAsCredential';

/** `[ResourceType]InstanceName`; the type is a PowerShell keyword, the name anything non-empty. */
const DEPENDS_ON_ENTRY = /^\[[A-Za-z_][A-Za-z0-9_]*\].+$/;
/** A configuration parameter referenced as `$Name`. */
const PARAMETER_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const INTEGER_RANGES: Readonly<Partial<Record<MofType, readonly [bigint, bigint]>>> = {
    uint8: [0n, 2n ** 8n - 1n],
    uint16: [0n, 2n ** 16n - 1n],
    uint32: [0n, 2n ** 32n - 1n],
    uint64: [0n, 2n ** 64n - 1n],
    sint8: [-(2n ** 7n), 2n ** 7n - 1n],
    sint16: [-(2n ** 15n), 2n ** 15n - 1n],
    sint32: [-(2n ** 31n), 2n ** 31n - 1n],
    sint64: [-(2n ** 63n), 2n ** 63n - 1n],
};

/**
 * Every way `block` fails to conform to its resource schema; empty when it
 * conforms. Messages name the property and the offending value; they do not
 * repeat the block's identity (assertBlock adds it).
 *
 * Name lookups are case-insensitive, as in PowerShell, but a case-only
 * difference is still reported: the emitted configuration must use the
 * canonical spelling so the output is stable and diffs stay meaningful.
 */
export function checkBlock(block: DscBlock): string[] {
    const violations: string[] = [];

    const mod = MODULES.get(block.module.name.toLowerCase());
    if (mod === undefined) {
        return [`module '${block.module.name}' is not pinned in the DSC catalog (pinned: ${pinnedList()})`];
    }
    if (mod.schema.name !== block.module.name) {
        violations.push(`module '${block.module.name}' must be spelled '${mod.schema.name}'`);
    }
    if (mod.schema.version !== block.module.version) {
        // Only the pinned version's schema is known; checking against it would be guesswork.
        violations.push(`module ${mod.schema.name} is pinned at version ${mod.schema.version}, not '${block.module.version}'`);
        return violations;
    }

    const res = mod.resources.get(block.resourceType.toLowerCase());
    if (res === undefined) {
        violations.push(`module ${mod.schema.name} ${mod.schema.version} has no resource '${block.resourceType}'`);
        return violations;
    }
    const schema = res.schema;
    if (schema.friendlyName !== block.resourceType) {
        violations.push(`resource '${block.resourceType}' must be spelled '${schema.friendlyName}'`);
    }

    const seen = new Set<string>();
    for (const prop of block.properties) {
        const lower = prop.name.toLowerCase();
        if (seen.has(lower)) {
            violations.push(`property '${prop.name}' is set more than once`);
            continue;
        }
        seen.add(lower);

        if (lower === DEPENDS_ON.toLowerCase()) {
            checkSpelling(prop.name, DEPENDS_ON, violations);
            checkDependsOn(prop.value, violations);
            continue;
        }
        if (lower === RUN_AS.toLowerCase()) {
            checkSpelling(prop.name, RUN_AS, violations);
            if (!schema.runAsCredentialSupported) {
                violations.push(
                    `${RUN_AS} is not supported by ${schema.friendlyName} (class-based, RunAsCredential = 'NotSupported')`,
                );
            } else if (prop.value.kind !== 'credential') {
                violations.push(`property '${RUN_AS}' expects PSCredential but got a value of kind '${prop.value.kind}'`);
            } else {
                checkCredentialParameter(RUN_AS, prop.value.parameter, violations);
            }
            continue;
        }

        const p = res.properties.get(lower);
        if (p === undefined) {
            violations.push(`${schema.friendlyName} has no property '${prop.name}'`);
            continue;
        }
        checkSpelling(prop.name, p.name, violations);
        if (p.qualifier === 'Read') {
            violations.push(`property '${p.name}' is Read-only (a Get output) and must not be set`);
            continue;
        }
        checkValue(p, prop.value, violations, schema);
    }

    for (const p of schema.properties) {
        if ((p.qualifier === 'Key' || p.qualifier === 'Required') && !seen.has(p.name.toLowerCase())) {
            violations.push(`missing ${p.qualifier} property '${p.name}'`);
        }
    }
    return violations;
}

/** Throws an InternalError listing every violation of `block`; a non-conforming block is a compiler bug. */
export function assertBlock(block: DscBlock): void {
    const violations = checkBlock(block);
    if (violations.length === 0) return;
    throw new InternalError(
        `DSC block [${block.resourceType}]${block.name} (${block.module.name} ${block.module.version}, from ${block.source || '/'}) ` +
            `does not match its resource schema:\n${violations.map((v) => `  - ${v}`).join('\n')}`,
    );
}

function checkSpelling(given: string, canonical: string, violations: string[]): void {
    if (given !== canonical) violations.push(`property '${given}' must be spelled '${canonical}'`);
}

function checkDependsOn(value: PsValue, violations: string[]): void {
    if (value.kind !== 'dependsOn') {
        violations.push(`property '${DEPENDS_ON}' expects a dependsOn list but got a value of kind '${value.kind}'`);
        return;
    }
    for (const entry of value.value) {
        if (!DEPENDS_ON_ENTRY.test(entry)) {
            violations.push(`${DEPENDS_ON} entry '${entry}' is not of the form [ResourceType]InstanceName`);
        }
    }
}

function checkCredentialParameter(property: string, parameter: string, violations: string[]): void {
    if (!PARAMETER_NAME.test(parameter)) {
        violations.push(`property '${property}' refers to credential parameter '${parameter}', which is not a valid parameter name`);
    }
}

/** How a schema type reads in messages: the MOF type, or what the EmbeddedInstance means in a configuration. */
function typeLabel(p: DscPropertySchema): string {
    let base: string;
    if (p.embeddedInstance === 'MSFT_Credential') base = 'PSCredential';
    else if (p.embeddedInstance === 'MSFT_KeyValuePair') base = 'hashtable';
    else if (p.embeddedInstance !== undefined) base = p.embeddedInstance;
    else base = p.type;
    return p.isArray ? `${base}[]` : base;
}

function checkValue(p: DscPropertySchema, value: PsValue, violations: string[], resource: DscResourceSchema): void {
    const mismatch = (): void => {
        violations.push(`property '${p.name}' expects ${typeLabel(p)} but got a value of kind '${value.kind}'`);
    };

    // Credentials and arrays of nested CIM instances have PsValue forms; hashtables
    // (MSFT_KeyValuePair) and single nested instances do not, so those are mismatches.
    if (p.embeddedInstance !== undefined) {
        if (p.embeddedInstance === 'MSFT_Credential' && !p.isArray && value.kind === 'credential') {
            checkCredentialParameter(p.name, value.parameter, violations);
        } else if (value.kind === 'cimInstances' && p.isArray && value.className === p.embeddedInstance) {
            checkCimInstances(p, value, violations, resource);
        } else if (value.kind === 'cimInstances' && p.isArray) {
            violations.push(`property '${p.name}' expects instances of ${p.embeddedInstance} but got instances of '${value.className}'`);
        } else {
            mismatch();
        }
        return;
    }

    switch (value.kind) {
        case 'string':
            if (p.type !== 'string' || p.isArray) return mismatch();
            checkValueMap(p, [value.value], violations);
            return;
        case 'stringArray':
            if (p.type !== 'string' || !p.isArray) return mismatch();
            checkValueMap(p, value.value, violations);
            return;
        case 'bool':
            if (p.type !== 'boolean' || p.isArray) return mismatch();
            return;
        case 'int': {
            const range = INTEGER_RANGES[p.type];
            if (range === undefined || p.isArray) return mismatch();
            // Beyond 2^53 a JS number no longer holds the integer that will be written out.
            if (!Number.isSafeInteger(value.value)) {
                violations.push(`property '${p.name}' expects ${p.type} but ${value.value} is not an exact integer`);
                return;
            }
            const [min, max] = range;
            const n = BigInt(value.value);
            if (n < min || n > max) {
                violations.push(`property '${p.name}' value ${value.value} is out of range for ${p.type} (${min} to ${max})`);
                return;
            }
            checkValueMap(p, [String(value.value)], violations);
            return;
        }
        case 'scriptBlock':
            // Script resources declare their script blocks as strings in the MOF.
            if (p.type !== 'string' || p.isArray || !SCRIPT_BLOCK_PROPERTIES.has(p.name)) return mismatch();
            return;
        case 'credential':
        case 'dependsOn':
        case 'cimInstances':
            return mismatch();
    }
}

/**
 * Each nested instance against its class, the way checkBlock checks a block:
 * known properties in their canonical spelling, no Read properties, types and
 * ValueMaps, every Key and Required property present. A class the catalog does
 * not have is a violation: an unchecked instance is exactly what the catalog
 * exists to prevent.
 */
function checkCimInstances(
    p: DscPropertySchema,
    value: Extract<PsValue, { kind: 'cimInstances' }>,
    violations: string[],
    resource: DscResourceSchema,
): void {
    const cls = resource.embeddedClasses?.find((c) => c.className === value.className);
    if (cls === undefined) {
        violations.push(`property '${p.name}': the catalog has no schema for class ${value.className}`);
        return;
    }
    const byName = new Map(cls.properties.map((cp) => [cp.name.toLowerCase(), cp]));
    value.items.forEach((item, i) => {
        const where = `${p.name}[${i}] (${cls.className})`;
        const nested: string[] = [];
        const seen = new Set<string>();
        for (const prop of item) {
            const lower = prop.name.toLowerCase();
            if (seen.has(lower)) {
                nested.push(`property '${prop.name}' is set more than once`);
                continue;
            }
            seen.add(lower);
            const cp = byName.get(lower);
            if (cp === undefined) {
                nested.push(`${cls.className} has no property '${prop.name}'`);
                continue;
            }
            checkSpelling(prop.name, cp.name, nested);
            if (cp.qualifier === 'Read') {
                nested.push(`property '${cp.name}' is Read-only and must not be set`);
                continue;
            }
            checkValue(cp, prop.value, nested, resource);
        }
        for (const cp of cls.properties) {
            if ((cp.qualifier === 'Key' || cp.qualifier === 'Required') && !seen.has(cp.name.toLowerCase())) {
                nested.push(`missing ${cp.qualifier} property '${cp.name}'`);
            }
        }
        if (item.length === 0) nested.push('an instance needs at least one property');
        violations.push(...nested.map((v) => `${where}: ${v}`));
    });
}

const SCRIPT_BLOCK_PROPERTIES: ReadonlySet<string> = new Set(['GetScript', 'SetScript', 'TestScript']);

/**
 * PowerShell checks ValueMaps case-insensitively when it compiles the
 * configuration, but xprc emits the schema's spelling, so a case-only
 * difference is reported with the canonical value.
 */
function checkValueMap(p: DscPropertySchema, values: readonly string[], violations: string[]): void {
    if (p.valueMap === undefined) return;
    for (const v of values) {
        if (p.valueMap.includes(v)) continue;
        const folded = p.valueMap.find((allowed) => allowed.toLowerCase() === v.toLowerCase());
        if (folded !== undefined) {
            violations.push(`property '${p.name}' value '${v}' must be spelled '${folded}'`);
        } else {
            violations.push(`property '${p.name}' value '${v}' is not in its ValueMap: ${p.valueMap.join(', ')}`);
        }
    }
}
