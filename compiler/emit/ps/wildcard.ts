/**
 * Names passed to a -Name parameter that takes wildcards (Get-Service,
 * Get-NetFirewallRule, Get-SmbShare, Get-WindowsFeature): `*`, `?`, `[`, `]`
 * and the escape character itself get a backtick, as
 * [WildcardPattern]::Escape does, so the pattern matches the one name. The
 * result is then quoted with psString.
 */

export function wildcardLiteral(name: string): string {
    return name.replace(/[`*?[\]]/g, (c) => `\`${c}`);
}
