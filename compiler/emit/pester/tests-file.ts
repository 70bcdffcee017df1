/**
 * <NODE>.Tests.ps1: a Pester 5 file the engineer runs on the node after
 * deployment (Windows PowerShell 5.1). It checks, resource by resource, that
 * the state the configuration promises is in force; each test is named
 * after the DSC resource and the manifest line it comes from.
 */

import type { DscBlock } from '../../dsc/block.js';
import { InternalError } from '../../diagnostics/internal-error.js';
import type { NodeIR, SiteIR } from '../../ir/types.js';
import { VERSION } from '../../version.js';
import { render, toCrlf } from '../templates.js';
import type { HelperName } from './helpers.js';
import { helperLines } from './helpers.js';
import { pesterName } from './check.js';
import { pesterContexts } from './index.js';

export function testsFileName(node: NodeIR): string {
    return `${node.fileStem}.Tests.ps1`;
}

export function emitTestsFile(site: SiteIR, node: NodeIR, blocks: readonly DscBlock[]): string {
    const types = new Map(blocks.map((b) => [b.name, b.resourceType]));
    const contexts = pesterContexts(site, node, (id) => {
        const type = types.get(id);
        if (type === undefined) {
            throw new InternalError(`Node ${node.name}: no DSC block for resource ${id}`);
        }
        return type;
    });
    const helpers = new Set<HelperName>(contexts.flatMap((c) => c.checks.flatMap((check) => check.helpers)));
    return toCrlf(
        render('tests.ps1.hbs', {
            nodeName: node.name,
            siteName: site.name,
            version: VERSION,
            manifest: site.manifestName,
            configurationFile: `${node.fileStem}.ps1`,
            runCommand: runCommand(node),
            describe: pesterName(`Node ${node.name} (site ${site.name})`),
            helpers: helperLines(helpers),
            contexts: contexts.map((c) => ({ title: pesterName(c.title), tag: c.tag, checks: c.checks.map((check) => ({ ...check, title: pesterName(check.title) })) })),
        }),
    );
}

/** The command the file header and RUNBOOK.md give the engineer. */
export function runCommand(node: NodeIR): string {
    return `Invoke-Pester -Path .\\${testsFileName(node)} -Output Detailed`;
}
