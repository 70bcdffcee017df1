/**
 * Diagnostics catalog, XPR2xxx: JSON Schema validation of the manifest.
 *
 * One part of CATALOG (../catalog.ts), kept in its own file only so that no
 * file holds the whole table; codes, order and texts are the table's. The
 * `as const satisfies` keeps every template a literal type, which the typed
 * placeholders of DiagnosticArgs need.
 */

import type { CatalogEntry } from '../catalog.js';

export const SCHEMA = {
    // --- XPR2xxx: schema --------------------------------------------------
    WrongType: {
        code: 'XPR2001',
        phase: 'schema',
        severity: 'error',
        title: 'Wrong type',
        message: '{what} must be {expected}, not {actual}.',
        fix: 'Write {expected} here.',
        explanation: 'The value has a JSON type the schema does not allow at this place.',
    },
    MissingProperty: {
        code: 'XPR2002',
        phase: 'schema',
        severity: 'error',
        title: 'Missing required property',
        message: '{what} is missing the required property "{property}".',
        fix: 'Add "{property}": {hint}',
        explanation: 'A required property is absent.',
    },
    UnknownProperty: {
        code: 'XPR2003',
        phase: 'schema',
        severity: 'error',
        title: 'Unknown property',
        message: 'Property "{property}" is not allowed in {what}.{suggestion}',
        fix: 'Remove "{property}" or correct its name; allowed here: {allowed}.',
        explanation:
            'Every object in a manifest has a closed set of properties. An unknown property is usually a typo, and silently ignoring it would deploy something other than what the engineer wrote.',
    },
    NotAllowedValue: {
        code: 'XPR2004',
        phase: 'schema',
        severity: 'error',
        title: 'Value not allowed',
        message: '{what} is {value}, which is not one of {allowed}.{suggestion}',
        fix: 'Use one of {allowed}.',
        explanation: 'The property takes one of a fixed set of values.',
    },
    BadFormat: {
        code: 'XPR2005',
        phase: 'schema',
        severity: 'error',
        title: 'Value has the wrong form',
        message: '{what} is {value}, which does not have the required form.',
        fix: '{description}',
        explanation: 'A string does not match the pattern or format the schema requires (for example an IP address, a GUID or a Windows path).',
    },
    OutOfRange: {
        code: 'XPR2006',
        phase: 'schema',
        severity: 'error',
        title: 'Value out of range',
        message: '{what} {problem}.',
        fix: 'Use a value within the limits: {description}',
        explanation: 'A number, string length or list length is outside the limits the schema sets.',
    },
    PasswordInManifest: {
        code: 'XPR2007',
        phase: 'schema',
        severity: 'error',
        title: 'Secret in manifest',
        message: 'Property "{property}" looks like a secret; manifests never hold passwords.',
        fix: 'Remove it. Declare a credential reference under "credentials" and refer to it as "credential": "<Name>"; the password is asked for when the MOFs are compiled on Windows.',
        explanation:
            'Manifests are reviewed and committed to version control. A credential is a named reference that becomes a [PSCredential] parameter of the generated configuration; the secret is supplied at compile time and encrypted into the MOF with the node certificate.',
    },
    DuplicateItem: {
        code: 'XPR2008',
        phase: 'schema',
        severity: 'error',
        title: 'Duplicate list item',
        message: '{what} lists the same item twice (items {first} and {second}).',
        fix: 'Remove the duplicate.',
        explanation: 'The list must not contain the same value twice.',
    },
    NoMatchingForm: {
        code: 'XPR2009',
        phase: 'schema',
        severity: 'error',
        title: 'Value matches none of the allowed forms',
        message: '{what} ({value}) matches none of the allowed forms.',
        fix: '{description}',
        explanation: 'The value can take one of several shapes (for example a port number or a port range) and matches none of them.',
    },
    ForbiddenCombination: {
        code: 'XPR2010',
        phase: 'schema',
        severity: 'error',
        title: 'Properties that cannot be combined',
        message: '{what} combines properties that exclude each other.',
        fix: '{description}',
        explanation: 'Some properties only make sense without others, e.g. a registry value that is removed (ensure "Absent") cannot have data, and a file has either contents or a source path.',
    },
    CredentialValueWithheld: {
        code: 'XPR2011',
        phase: 'schema',
        severity: 'error',
        title: 'Not a valid credential (value withheld)',
        message: '{what} must be {expected}; what is written there is not shown, because it may be a password.',
        fix: 'Declare the account under "credentials" (e.g. "XprService" with its "userName") and refer to it as "credential": "XprService"; the password itself is asked for when the MOFs are compiled on Windows.',
        explanation:
            'A credential reference is the one place where someone may type a password by mistake. Reporting the value, as other schema errors do, would copy it into terminal scroll-back and CI logs, so neither the message nor the source line shows it; the position still leads to it.',
    },

} as const satisfies Record<string, CatalogEntry>;
