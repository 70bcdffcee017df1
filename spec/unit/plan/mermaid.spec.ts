/**
 * PLAN.md's Mermaid flowchart must render on GitHub and in VS Code: parse it
 * with Mermaid itself. mermaid.parse() needs a DOM for its sanitiser
 * (DOMPurify), so the test gives it jsdom's window before loading it; the
 * langium-based @mermaid-js/parser has no flowchart grammar, and its and
 * Mermaid 12's releases need Node 22, hence mermaid 11 and jsdom 25.
 */

import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { compile } from '../../../compiler/compile.js';
import type { SitePlan } from '../../../compiler/ir/plan.js';
import { mermaidLabel, planFlowchart } from '../../../compiler/emit/plan/mermaid.js';

type Mermaid = { parse: (text: string) => Promise<unknown> };

async function loadMermaid(): Promise<Mermaid> {
    const g = globalThis as unknown as Record<string, unknown>;
    if (g['window'] === undefined) {
        const dom = new JSDOM('<!doctype html><html><body></body></html>');
        g['window'] = dom.window;
        g['document'] = dom.window.document;
    }
    return ((await import('mermaid')) as unknown as { default: Mermaid }).default;
}

function planOf(example: string, path = `examples/${example}.json`): SitePlan {
    const result = compile({ fileName: `${example}.json`, bytes: readFileSync(path) }, { emit: false });
    expect(result.ir?.plan, example).to.not.equal(undefined);
    return result.ir!.plan!;
}

/** The ```mermaid block of a PLAN.md. */
function mermaidBlock(markdown: string): string {
    const match = /```mermaid\n([\s\S]*?)\n```/.exec(markdown);
    expect(match, 'a mermaid block').to.not.equal(null);
    return match![1]!;
}

describe('PLAN.md Mermaid flowchart (compiler/emit/plan/mermaid.ts)', function () {
    this.timeout(60_000);
    let mermaid: Mermaid;
    before(async () => {
        mermaid = await loadMermaid();
    });

    const examples = ['xpr-with-satellites', 'xpr-single-server', 'officestatus', 'onex-portal-large', 'onex-portal-small', 'baseline', 'ox-updater'];
    for (const example of examples) {
        it(`should parse as a Mermaid flowchart for examples/${example}.json`, async () => {
            const result = (await mermaid.parse(planFlowchart(planOf(example)))) as { diagramType: string };
            expect(result.diagramType).to.equal('flowchart-v2');
        });
    }

    it('should parse the flowchart PLAN.md holds, as written in the golden output', async () => {
        const text = readFileSync('spec/golden/xpr-with-satellites/expected/PLAN.md', 'utf8');
        const block = mermaidBlock(text);
        expect(block).to.equal(planFlowchart(planOf('site', 'spec/golden/xpr-with-satellites/site.json')));
        await mermaid.parse(block);
    });

    it('should reject a broken flowchart (the parser is real)', async () => {
        let failed = false;
        try {
            await mermaid.parse('flowchart TD\n    s1["unclosed --> s2\n');
        } catch {
            failed = true;
        }
        expect(failed).to.equal(true);
    });

    const hostile = ['a "quoted" title', 'end', 'x --> y', 'a #35; b', '<b>bold</b>', 'semi; colon', 'back`tick', 'line\nbreak', '[box] (round) {hex}'];
    for (const title of hostile) {
        it(`should keep the label ${JSON.stringify(title)} inside its box`, async () => {
            const plan: SitePlan = {
                phases: [
                    {
                        id: 'p',
                        title,
                        steps: [
                            { kind: 'manual', id: 'a', title, system: title, after: [], source: { pointer: '' } },
                            { kind: 'apply', id: 'b', title, node: 'N1', phase: 'Operate', after: ['a'], source: { pointer: '' } },
                        ],
                    },
                ],
            };
            const text = planFlowchart(plan);
            await mermaid.parse(text);
            // Two boxes and one arrow: the label did not open or close anything.
            expect(text.split('\n').filter((line) => /^\s+s\d/.test(line))).to.have.length(3);
            expect(mermaidLabel(title)).to.not.match(/["<>`\n]/);
        });
    }
});
