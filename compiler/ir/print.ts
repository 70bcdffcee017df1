/**
 * A deterministic text dump of the IR, for golden tests and `xprc build
 * --emit-ir`. It pins what the front end decided independently of how the
 * back ends render it, so a golden diff shows which phase changed.
 */

import type { NodeIR, Resource, SiteIR } from './types.js';

export function printIR(site: SiteIR): string {
    const lines: string[] = [];
    lines.push(`site ${q(site.name)}${site.domain ? ` domain=${q(site.domain)}` : ''} manifest=${q(site.manifestName)}`);
    if (site.allowPlainTextCredentials) {
        lines.push('  allowPlainTextCredentials');
    }
    // Push from PSGallery is the default and prints nothing, so sites without a delivery section keep their dump.
    const delivery = site.delivery;
    if (delivery.mode !== 'push' || delivery.moduleRepository !== 'PSGallery' || delivery.pullServer) {
        const server = delivery.pullServer;
        lines.push(
            `  delivery ${delivery.mode} modules=${q(delivery.moduleRepository)}` +
                (server
                    ? ` server=${q(server.url)} kind=${server.kind} key=${q(server.registrationKeyReference)} mode=${server.configurationMode} refresh=${server.refreshFrequencyMins}`
                    : '') +
                ` @${delivery.source.pointer}`,
        );
    }
    for (const node of site.nodes) {
        printNode(node, lines);
    }
    return lines.join('\n') + '\n';
}

function printNode(node: NodeIR, lines: string[]): void {
    lines.push('');
    lines.push(`node ${q(node.name)} os=${node.os} roles=${value(node.roles)} @${node.source.pointer}`);
    for (const a of node.addresses) {
        lines.push(`  address ${a.address}${a.prefixLength === undefined ? '' : `/${a.prefixLength}`} ${a.role}`);
    }
    if (node.certificate) {
        lines.push(`  certificate file=${q(node.certificate.file)} thumbprint=${node.certificate.thumbprint}`);
    }
    for (const c of node.credentials) {
        lines.push(`  credential ${c.name} -> $${c.parameter} @${c.source.pointer}`);
    }
    for (const r of node.resources) {
        printResource(r, lines);
    }
    for (const step of node.manualSteps) {
        lines.push(`  manual-step ${step.id} ${q(step.title)} @${step.source.pointer}`);
        step.instructions.forEach((text) => lines.push(`    - ${q(text)}`));
        if (step.verify) {
            lines.push(`    verify: ${q(step.verify)}`);
        }
    }
}

function printResource(r: Resource, lines: string[]): void {
    lines.push(`  ${r.kind} ${r.id} @${r.source.pointer}`);
    if (r.dependsOn.length > 0) {
        lines.push(`    dependsOn: ${r.dependsOn.join(', ')}`);
    }
    const fields = Object.entries(r).filter(([key]) => !['kind', 'id', 'source', 'dependsOn'].includes(key));
    for (const [key, field] of fields.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        lines.push(`    ${key}: ${value(field)}`);
    }
}

/** JSON-like, with sorted keys, bigint as `123n`, and nothing that depends on insertion order. */
function value(v: unknown): string {
    if (typeof v === 'bigint') {
        return `${v}n`;
    }
    if (Array.isArray(v)) {
        return `[${v.map(value).join(', ')}]`;
    }
    if (v !== null && typeof v === 'object') {
        const entries = Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{ ${entries.map(([k, x]) => `${k}: ${value(x)}`).join(', ')} }`;
    }
    return JSON.stringify(v) ?? 'undefined';
}

const q = (text: string): string => JSON.stringify(text);
