/** Dotted version numbers (`8.11.0.16072`, `7.2`) as the vendors' guides write them. */

/** Compares dotted versions part by part as numbers, a missing part as 0: negative, 0 or positive. */
export function compareVersions(a: string, b: string): number {
    const pa = a.split('.').map(Number);
    const pb = b.split('.').map(Number);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const d = (pa[i] ?? 0) - (pb[i] ?? 0);
        if (d !== 0) {
            return d;
        }
    }
    return 0;
}
