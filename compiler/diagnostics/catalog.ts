/**
 * Every diagnostic xprc can report, in one table.
 *
 * Codes are stable and never reused: XPR1xxx loading and JSON syntax,
 * XPR2xxx schema validation, XPR3xxx semantic (cross-field, cross-node)
 * rules, XPR4xxx emit limitations, XPR5xxx command line. `{name}`
 * placeholders in `message` and `fix` are typed: a call site must pass
 * exactly the arguments its entry's templates name (see `DiagnosticArgs`).
 *
 * docs/diagnostics.md is generated from this table (scripts/gen-docs.ts) and
 * a test fails when it is out of date.
 */

export type Severity = 'error' | 'warning';
export type Phase = 'load' | 'schema' | 'semantic' | 'emit' | 'cli';

export interface CatalogEntry {
    readonly code: `XPR${number}`;
    readonly phase: Phase;
    readonly severity: Severity;
    /** Short name, used as the docs heading. */
    readonly title: string;
    /** Full sentence(s); `{placeholder}` filled at the call site. */
    readonly message: string;
    /** What the user should do; may use the same placeholders. */
    readonly fix: string;
    /** Longer explanation for `xprc explain` and the docs. */
    readonly explanation: string;
    /** Vendor guide section (or reference) the rule enforces. */
    readonly guide?: string;
}

export const CATALOG = {
    // --- XPR1xxx: loading -------------------------------------------------
    FileUnreadable: {
        code: 'XPR1001',
        phase: 'load',
        severity: 'error',
        title: 'Manifest cannot be read',
        message: 'Cannot read the manifest: {reason}.',
        fix: 'Check the path and that the file is readable.',
        explanation: 'The manifest file does not exist, is a folder, or cannot be opened.',
    },
    JsonSyntax: {
        code: 'XPR1002',
        phase: 'load',
        severity: 'error',
        title: 'Invalid JSON',
        message: 'Invalid JSON: {problem}.',
        fix: 'Correct the JSON syntax at this position; manifests are strict JSON (no comments, no trailing commas).',
        explanation:
            'The manifest is not well-formed JSON. xprc reads strict JSON (RFC 8259): comments and trailing commas are rejected because other tools in the pipeline (VS Code schema validation, jq, CI linters) would read the file differently.',
    },
    DuplicateKey: {
        code: 'XPR1003',
        phase: 'load',
        severity: 'error',
        title: 'Duplicate property',
        message: 'Property "{property}" appears more than once in this object.',
        fix: 'Keep one "{property}"; JSON readers disagree about which duplicate wins.',
        explanation:
            'RFC 8259 leaves the meaning of duplicate names open; most parsers keep the last one silently. A duplicate in a deployment manifest is almost always a merge mistake, so it is an error.',
    },
    InvalidEncoding: {
        code: 'XPR1004',
        phase: 'load',
        severity: 'error',
        title: 'Manifest is not UTF-8',
        message: 'The manifest is not valid UTF-8 text ({reason}).',
        fix: 'Save the manifest as UTF-8 (with or without BOM).',
        explanation: 'Manifests are read as UTF-8. UTF-16 files and files with invalid byte sequences are rejected rather than guessed.',
    },

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

    // --- XPR3xxx: semantic rules -------------------------------------------
    DuplicateNodeName: {
        code: 'XPR3001',
        phase: 'semantic',
        severity: 'error',
        title: 'Duplicate node name',
        message: 'Node name "{name}" is already used by nodes[{other}] (computer names are case-insensitive).',
        fix: 'Give every node a unique computer name.',
        explanation: 'Windows computer names are case-insensitive; two nodes with names differing only in case are the same computer and would also write the same output folder.',
    },
    NodeNameTooLong: {
        code: 'XPR3002',
        phase: 'semantic',
        severity: 'error',
        title: 'Node name longer than 15 characters',
        message: 'Node name "{name}" has {length} characters; a NetBIOS computer name has at most 15.',
        fix: 'Shorten the name to 15 characters or fewer.',
        explanation: 'Windows truncates longer computer names to 15 characters for NetBIOS, so the DSC node name and the machine name would no longer match.',
    },
    InvalidNodeName: {
        code: 'XPR3003',
        phase: 'semantic',
        severity: 'error',
        title: 'Invalid node name',
        message: 'Node name "{name}" is not a valid computer name: {reason}.',
        fix: 'Use letters A-Z, digits and hyphens only, not starting or ending with a hyphen, and not only digits.',
        explanation:
            'Node names become computer names, DSC node names and output folder names. Allowing only letters, digits and hyphens keeps them valid NetBIOS and DNS names and makes it impossible for a name to write outside the output folder (no dots, slashes or drive letters).',
    },
    UnknownCredential: {
        code: 'XPR3004',
        phase: 'semantic',
        severity: 'error',
        title: 'Unknown credential reference',
        message: 'Credential "{name}" is not declared in "credentials".{suggestion}',
        fix: 'Declare "{name}" under "credentials" (description and optional userName, never a password) or correct the reference.',
        explanation: 'Every {"credential": "<Name>"} must name an entry of the site\'s credentials map.',
    },
    UnknownBaseline: {
        code: 'XPR3005',
        phase: 'semantic',
        severity: 'error',
        title: 'Unknown baseline profile',
        message: 'Baseline profile "{name}" is not declared in "baselines".{suggestion}',
        fix: 'Declare it under "baselines" or correct the name.',
        explanation: 'nodes[].baselines lists names of entries of the site\'s baselines map.',
    },
    UnusedCredential: {
        code: 'XPR3006',
        phase: 'semantic',
        severity: 'warning',
        title: 'Unused credential reference',
        message: 'Credential "{name}" is declared but no node uses it.',
        fix: 'Remove it, or reference it where it is needed.',
        explanation: 'An unused credential is harmless but usually means a reference was forgotten.',
    },
    UnusedBaseline: {
        code: 'XPR3007',
        phase: 'semantic',
        severity: 'warning',
        title: 'Unused baseline profile',
        message: 'Baseline profile "{name}" is declared but no node applies it.',
        fix: 'Add it to the "baselines" of the nodes it is for, or remove it.',
        explanation: 'A profile no node applies has no effect.',
    },
    ConflictingSetting: {
        code: 'XPR3010',
        phase: 'semantic',
        severity: 'error',
        title: 'Conflicting settings for the same item',
        message: 'Node "{node}" gets {item} twice with different settings ({difference}).',
        fix: 'Make both definitions agree, or remove one of them.',
        explanation:
            'A node collects items from several baseline profiles and its own baseline. The same registry value, service, feature, folder, file, package or firewall rule may appear more than once only with identical settings; otherwise the configuration would fight itself on every run.',
    },
    ConflictingPort: {
        code: 'XPR3011',
        phase: 'semantic',
        severity: 'error',
        title: 'Port claimed by conflicting firewall rules',
        message: 'Node "{node}": {direction} {protocol} traffic on {port} is allowed by rule "{allow}" and blocked by rule "{block}".',
        fix: 'Remove one of the rules or narrow their port lists so that they do not overlap.',
        explanation: 'Windows Firewall applies block rules before allow rules, so the allow rule would silently have no effect for the overlapping ports.',
    },
    UnknownDependency: {
        code: 'XPR3020',
        phase: 'semantic',
        severity: 'error',
        title: 'Unknown dependency',
        message: 'Node "{node}" has no item "{target}" to depend on.',
        fix: 'Refer to an item the node has, as <kind>:<identity> (e.g. "service:W3SVC", "folder:D:\\Data").',
        explanation: 'dependsOn entries must name an item of the same node.',
    },
    DependencyCycle: {
        code: 'XPR3021',
        phase: 'semantic',
        severity: 'error',
        title: 'Dependency cycle',
        message: 'Node "{node}" has a dependency cycle: {cycle}.',
        fix: 'Remove one of the dependsOn entries on the cycle.',
        explanation: 'DSC cannot order resources that depend on each other in a cycle; the configuration would fail to compile.',
    },
    CurrentUserHive: {
        code: 'XPR3030',
        phase: 'semantic',
        severity: 'error',
        title: 'HKEY_CURRENT_USER in a machine configuration',
        message: 'Registry key "{key}" is under HKEY_CURRENT_USER, which DSC cannot reach: the configuration runs as SYSTEM.',
        fix: 'Use HKEY_LOCAL_MACHINE (or a policy key), or deploy per-user settings with Group Policy Preferences.',
        explanation: 'The Local Configuration Manager runs as LocalSystem, so HKCU would be SYSTEM\'s own hive, not the users\'.',
        guide: 'reg-format.md §8.1 (HKCU)',
    },
    View32NotRedirected: {
        code: 'XPR3031',
        phase: 'semantic',
        severity: 'warning',
        title: '32-bit view on a key that is not redirected',
        message: 'Registry key "{key}" is not under HKEY_LOCAL_MACHINE\\SOFTWARE, so "view": "32" changes nothing.',
        fix: 'Remove "view", or move the value under HKEY_LOCAL_MACHINE\\SOFTWARE.',
        explanation: 'Only HKLM\\SOFTWARE (and parts of Classes) is redirected to WOW6432Node for 32-bit programs; HKLM\\SYSTEM and the other hives are shared.',
        guide: 'reg-format.md §7',
    },
    InvalidRegistryKey: {
        code: 'XPR3032',
        phase: 'semantic',
        severity: 'error',
        title: 'Invalid registry key path',
        message: 'Registry key "{key}" is invalid: {reason}.',
        fix: 'Write the key as HIVE\\Component\\Component, without empty components, surrounding spaces or a trailing backslash; each component has at most 255 characters.',
        explanation: 'regedit keeps trailing spaces in key names and silently drops components it cannot read, so such keys are rejected up front.',
        guide: 'reg-format.md §3',
    },
    DoubleWow6432Node: {
        code: 'XPR3033',
        phase: 'semantic',
        severity: 'error',
        title: 'WOW6432Node given twice',
        message: 'Registry key "{key}" already contains WOW6432Node and also sets "view": "32".',
        fix: 'Either write the key without WOW6432Node and keep "view": "32", or drop "view".',
        explanation: 'xprc inserts WOW6432Node itself for 32-bit views; doing both would write to SOFTWARE\\WOW6432Node\\WOW6432Node.',
        guide: 'reg-format.md §7',
    },
    QwordOutOfRange: {
        code: 'XPR3034',
        phase: 'semantic',
        severity: 'error',
        title: 'REG_QWORD value out of range',
        message: 'REG_QWORD value {value} is larger than 18446744073709551615 (2^64-1).',
        fix: 'Use a value between 0 and 18446744073709551615 (or 0x0 to 0xffffffffffffffff).',
        explanation: 'A REG_QWORD holds an unsigned 64-bit number.',
        guide: 'reg-format.md §5',
    },
    CredentialWithoutCertificate: {
        code: 'XPR3040',
        phase: 'semantic',
        severity: 'error',
        title: 'Credential without MOF encryption',
        message: 'Node "{node}" takes credential "{name}" but has no MOF encryption certificate, so the password would be stored in clear text in its MOF.',
        fix: 'Give the node a "certificate" (file and thumbprint of its DSC encryption certificate), or (lab only) set "defaults.allowPlainTextCredentials" to true.',
        explanation: 'DSC encrypts credentials in MOF files with the target node\'s public key. Without a certificate it refuses to compile unless PSDscAllowPlainTextPassword is set, which leaves the password readable on disk.',
    },
    PlainTextCredentials: {
        code: 'XPR3041',
        phase: 'semantic',
        severity: 'warning',
        title: 'Credentials stored in clear text',
        message: 'Node "{node}" takes credential "{name}" without a certificate; its MOF will hold the password in clear text (allowPlainTextCredentials).',
        fix: 'Give the node a MOF encryption certificate before using it outside a lab.',
        explanation: 'allowPlainTextCredentials is meant for labs only.',
    },
    DuplicateAddress: {
        code: 'XPR3050',
        phase: 'semantic',
        severity: 'error',
        title: 'Duplicate IP address',
        message: 'Address {address} is already assigned to node "{other}".',
        fix: 'Give each node its own addresses.',
        explanation: 'Two nodes with the same address is an addressing mistake that product rules (cluster networks, firewall scopes) would build on.',
    },
    PortsNeedTcpOrUdp: {
        code: 'XPR3060',
        phase: 'semantic',
        severity: 'error',
        title: 'Ports on a protocol without ports',
        message: 'Firewall rule "{name}" lists ports but its protocol is {protocol}.',
        fix: 'Set "protocol" to "TCP" or "UDP", or remove the port lists.',
        explanation: 'Only TCP and UDP have ports; Windows rejects the rule otherwise.',
    },
    InvalidPortRange: {
        code: 'XPR3061',
        phase: 'semantic',
        severity: 'error',
        title: 'Invalid port range',
        message: 'Port range "{range}" is invalid: {reason}.',
        fix: 'Write ranges as low-high with 1 <= low <= high <= 65535.',
        explanation: 'A port range must be ascending and within 1–65535.',
    },
    DuplicateManualStep: {
        code: 'XPR3070',
        phase: 'semantic',
        severity: 'error',
        title: 'Duplicate manual step id',
        message: 'Node "{node}" has two different manual steps with id "{id}".',
        fix: 'Give each manual step its own id.',
        explanation: 'Step ids anchor runbook entries and change reviews; they must be unique per node.',
    },
    // --- XPR5xxx: command line ----------------------------------------------
    OutputUnwritable: {
        code: 'XPR5001',
        phase: 'cli',
        severity: 'error',
        title: 'Output folder cannot be written',
        message: 'Cannot write the output to "{path}": {reason}. Existing output was left unchanged.',
        fix: 'Check the --out folder and its permissions.',
        explanation: 'The output is written to a temporary folder next to the target and swapped in at the end; if that fails nothing is changed.',
    },
    UnknownCode: {
        code: 'XPR5002',
        phase: 'cli',
        severity: 'error',
        title: 'Unknown diagnostic code',
        message: 'There is no diagnostic "{code}".',
        fix: 'Run `xprc explain` without a code to list them all.',
        explanation: 'xprc explain takes a code such as XPR3001.',
    },
    RevisionUnreadable: {
        code: 'XPR5003',
        phase: 'cli',
        severity: 'error',
        title: 'Manifest cannot be read at the git revision',
        message: 'Cannot read the manifest at git revision "{ref}": {reason}.',
        fix: 'Check the revision (`git log --oneline`) and that {path} existed there under the same path; run xprc diff on a manifest inside a git working tree.',
        explanation:
            'xprc diff <manifest> --base <ref> compares the manifest with its own earlier version, read with `git show <ref>:<path>` where <path> is the manifest\'s path relative to the repository root. That needs git on PATH, a manifest inside a working tree, a revision git knows, and the file at that path in it (a renamed manifest is not followed).',
    },
    OutputUnreadable: {
        code: 'XPR5004',
        phase: 'cli',
        severity: 'error',
        title: 'Output folder cannot be read',
        message: 'Cannot read the existing output in "{path}": {reason}.',
        fix: 'Check the --out folder and its permissions.',
        explanation: 'xprc build --check compares what a build would write with the files in the output folder, so it has to read every file there. Nothing is written.',
    },
    UnknownNode: {
        code: 'XPR5005',
        phase: 'cli',
        severity: 'error',
        title: 'Unknown node',
        message: 'The manifest has no node "{node}".{suggestion}',
        fix: 'Name a node of the manifest (node names compare case-insensitively).',
        explanation: 'xprc explain <NODE> <resource-id> --manifest <file> looks the node up by name in that manifest.',
    },
    UnknownResource: {
        code: 'XPR5006',
        phase: 'cli',
        severity: 'error',
        title: 'Unknown resource or step',
        message: 'Node "{node}" has no resource or manual step "{id}".{suggestion}',
        fix: 'Use a resource id as the node\'s .ps1 names it (the quoted name after the resource type, e.g. Registry_HKLM_SOFTWARE_Vendor_Port, optionally as [xRegistry]Registry_…) or a manual step id from its RUNBOOK.md.',
        explanation: 'Resource ids are derived from what the resource configures, so they stay the same when the manifest is reordered; `xprc build --emit-ir` lists them all in ir.txt.',
    },
} as const satisfies Record<string, CatalogEntry>;

export type DiagnosticKind = keyof typeof CATALOG;

/** The placeholder names of a template string, as a union type. */
type Placeholders<T extends string> = T extends `${string}{${infer Name}}${infer Rest}`
    ? Name | Placeholders<Rest>
    : never;

/** The arguments a diagnostic of kind K needs: exactly its placeholders. */
export type DiagnosticArgs<K extends DiagnosticKind> = {
    readonly [P in
        | Placeholders<(typeof CATALOG)[K]['message']>
        | Placeholders<(typeof CATALOG)[K]['fix']>]: string | number;
};

/** All entries, sorted by code. */
export function catalogEntries(): readonly (CatalogEntry & { readonly kind: DiagnosticKind })[] {
    return (Object.keys(CATALOG) as DiagnosticKind[])
        .map((kind) => ({ kind, ...(CATALOG[kind] as CatalogEntry) }))
        .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export function findByCode(code: string): (CatalogEntry & { readonly kind: DiagnosticKind }) | undefined {
    const wanted = code.trim().toUpperCase();
    return catalogEntries().find((entry) => entry.code === wanted);
}

/** Fill `{name}` placeholders. Unknown placeholders are an internal bug. */
export function fillTemplate(template: string, args: Readonly<Record<string, string | number>>): string {
    return template.replace(/\{([A-Za-z]+)\}/g, (_match, name: string) => {
        const value = args[name];
        if (value === undefined) {
            throw new Error(`Internal error: diagnostic template placeholder {${name}} has no argument`);
        }
        return String(value);
    });
}
