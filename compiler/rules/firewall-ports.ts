import { diag, at, type PendingDiagnostic } from '../diagnostics/diagnostic.js';
import { allBaselines, type Rule } from './rule.js';

export const firewallPorts: Rule = {
    name: 'firewall-ports',
    description: 'Port lists are only used with TCP or UDP, and port ranges are ascending within 1–65535.',
    reports: ['PortsNeedTcpOrUdp', 'InvalidPortRange'],
    check(site) {
        const out: PendingDiagnostic[] = [];
        for (const { baseline, pointer } of allBaselines(site)) {
            (baseline.firewallRules ?? []).forEach((rule, i) => {
                const base = `${pointer}/firewallRules/${i}`;
                const protocol = rule.protocol ?? 'TCP';
                const hasPorts = (rule.localPorts ?? []).length > 0 || (rule.remotePorts ?? []).length > 0;
                if (hasPorts && protocol !== 'TCP' && protocol !== 'UDP') {
                    out.push(diag('PortsNeedTcpOrUdp', { name: rule.name, protocol }, at(`${base}/protocol`)));
                }
                for (const list of ['localPorts', 'remotePorts'] as const) {
                    (rule[list] ?? []).forEach((port, j) => {
                        if (typeof port === 'string' && !parsePortRange(port)) {
                            out.push(diag('InvalidPortRange', { range: port, reason: rangeProblem(port) }, at(`${base}/${list}/${j}`)));
                        }
                    });
                }
            });
        }
        return out;
    },
};

/** A port or `low-high` range as numbers, or undefined when invalid. */
export function parsePortRange(port: number | string): { low: number; high: number } | undefined {
    if (typeof port === 'number') {
        return { low: port, high: port };
    }
    const match = /^([0-9]{1,5})-([0-9]{1,5})$/.exec(port);
    if (!match) {
        return undefined;
    }
    const low = Number(match[1]);
    const high = Number(match[2]);
    return low >= 1 && high <= 65535 && low <= high ? { low, high } : undefined;
}

function rangeProblem(port: string): string {
    const [low, high] = port.split('-').map(Number);
    if (low === undefined || high === undefined) {
        return 'it is not of the form low-high';
    }
    if (low < 1 || high > 65535) {
        return 'ports are between 1 and 65535';
    }
    return 'the first port is greater than the second';
}
