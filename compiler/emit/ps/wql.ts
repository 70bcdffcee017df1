/**
 * WQL string literals, for `Get-CimInstance -Filter` (the filter text is then
 * quoted for PowerShell with psString). WQL escapes `\` and `'` with a
 * backslash inside a single-quoted string; control characters have no
 * escape and never occur in the names it quotes (service names), so they
 * are an internal error rather than something to encode.
 */

export function wqlString(s: string): string {
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(s)) {
        throw new Error(`internal error: ${JSON.stringify(s)} cannot be a WQL string`);
    }
    return `'${s.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}
