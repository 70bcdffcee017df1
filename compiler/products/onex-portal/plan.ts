/**
 * one-X Portal across its nodes (PLAN.md), in the Installation guide's
 * order: the IP Offices and Voicemail Pro first (§2: licences, users,
 * security settings, Voicemail Pro with Web Voicemail), then the portal
 * (Prepare, the installer, Operate, the initial configuration, §2.6–§3),
 * then Exchange (Exchange Integration guide), then the desktop clients
 * (Desktop Clients guide, after the portal and Exchange they connect to).
 *
 * Phases on the portal: the reboot before the installer (§2.6) is one-off
 * preparation, in Prepare only, so a pending Windows reboot never restarts
 * the running portal at a consistency check. UAC off and the firewall rules
 * the installer and the portal both need are in both configurations.
 */

import type { NodePhase } from '../../ir/plan.js';
import type { NodeIR, Resource } from '../../ir/types.js';
import type { ResolvedSite } from '../../frontend/resolve.js';
import { PlanSteps } from '../plan-steps.js';
import type { ProductNodeOutput } from '../product.js';
import { guide } from './data.js';
import { at, settings } from './model.js';

const BOTH: readonly NodePhase[] = ['Prepare', 'Operate'];

/** The portal node's resources with their configurations; a portal the manifest says is installed keeps Operate only. */
export function withPortalPhases(output: ProductNodeOutput, installed: boolean): ProductNodeOutput {
    if (installed) {
        return output;
    }
    const phases = (r: Resource): readonly NodePhase[] => (r.kind === 'PendingReboot' ? ['Prepare'] : BOTH);
    return { ...output, resources: output.resources.map((r) => ({ ...r, phases: phases(r) }) as Resource) };
}

const PREREQUISITES = ['onex-ip-office-manager', 'onex-ip-office-security', 'onex-licences', 'onex-users', 'onex-voicemail-by-name', 'onex-ports-free'];
const AFTER_INSTALL = ['onex-initial-configuration', 'onex-admin-password', 'onex-certificate', 'onex-jvm-tuning', 'onex-test-user'];
const EXCHANGE = ['onex-exchange-mailbox', 'onex-exchange-account', 'onex-exchange-impersonation', 'onex-exchange-service'];
const CLIENTS = ['onex-clients-distribution', 'onex-clients-gpo', 'onex-clients-assign'];

/** The system a runbook step is done on, when it is not the node whose runbook holds it. */
const SYSTEM: Readonly<Record<string, string>> = {
    'onex-ip-office-security': 'IP Office',
    'onex-licences': 'IP Office',
    'onex-users': 'IP Office',
    'onex-clients-gpo': 'Active Directory',
    'onex-clients-assign': 'Active Directory',
};

export function planOnexPortal(resolved: ResolvedSite, nodes: readonly NodeIR[]): ReturnType<PlanSteps['list']> {
    const section = resolved.site.onexPortal;
    if (!section) {
        return [];
    }
    const s = settings(section);
    const portal = section.node;
    const plan = new PlanSteps(nodes);
    /** Runbook steps in a row, each after the one before (the runbook's order), starting after `first`. */
    const chain = (node: string, ids: readonly string[], first: readonly (string | undefined)[]): (string | undefined)[] => {
        let last = first;
        const out: (string | undefined)[] = [];
        for (const id of ids) {
            const step = plan.manual(node, id, last, SYSTEM[id] ? { system: SYSTEM[id] } : {});
            if (step) {
                out.push(step);
                last = [step];
            }
        }
        return out.length > 0 ? out : [...first];
    };

    plan.phase('onex-prerequisites', 'one-X Portal prerequisites: IP Office and Voicemail Pro', guide('§2.1–§2.5'));
    const prerequisites = chain(portal, PREREQUISITES, []);
    const vm = s.voicemailPro?.node;
    const voicemail = vm ? chain(vm, ['onex-vmpro-install'], [plan.apply(vm, 'Operate', [], `Apply the Voicemail Pro server's configuration on ${vm}`, at('voicemail', 'node'), guide('§2.1'))]) : [];

    plan.phase('onex-portal', 'one-X Portal server', guide('§2.6, §2.7'));
    const prepare = plan.apply(portal, 'Prepare', [], `Prepare ${portal} for the one-X Portal installer`, at('node'), guide('§2.6'));
    const install = plan.manual(portal, 'onex-install', [prepare, prerequisites.at(-1), voicemail.at(-1)]);
    const operate = plan.apply(portal, 'Operate', [install ?? prepare, prerequisites.at(-1), voicemail.at(-1)], `Apply the one-X Portal server's steady state on ${portal}`, at('node'), guide('§2.6'));
    const configured = chain(portal, AFTER_INSTALL, [operate]).at(-1);

    plan.phase('onex-exchange', 'Exchange', guide('§3'));
    const exchangeNode = s.exchange?.node;
    const exchangeApplied = exchangeNode
        ? plan.apply(exchangeNode, 'Operate', [configured], `Apply the Exchange settings on ${exchangeNode}`, at('exchange', 'node'), guide('§3.1'))
        : undefined;
    const mailbox = exchangeNode ? chain(exchangeNode, EXCHANGE, [exchangeApplied]).at(-1) : undefined;
    const exchanged = chain(portal, EXCHANGE, [mailbox ?? configured]).at(-1);

    plan.phase('onex-clients', 'one-X Portal desktop clients', guide('§4'));
    const distributed = chain(portal, CLIENTS, [exchanged ?? configured]).at(-1);
    (s.clients?.managed ?? []).forEach((node, i) => {
        const applied = plan.apply(node, 'Operate', [distributed ?? configured], `Install the desktop clients on ${node}`, at('desktopClients', 'managedNodes', i), guide('§4'));
        plan.manual(node, 'onex-clients-check', [applied]);
    });
    return plan.list();
}
