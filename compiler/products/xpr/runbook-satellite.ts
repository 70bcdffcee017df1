/**
 * XPR runbook, the satellite-only steps (Upgrade guide §2.12): waiting for
 * the kernel, SatPrep and the setup with the satellite's components only.
 * Separate because a satellite answers the kernel's dialogs in one step, built
 * from the same lines as runbook-setup-components.ts and
 * runbook-setup-settings.ts.
 */

import { COMPONENTS, SATELLITE_SERVICES, install, upgrade } from './data.js';
import { hostComponents, kernelHostName, mediaRoot } from './model.js';
import { c, type Context, type Step, SETUP_DONE_STEP } from './runbook-context.js';
import { licenseServiceLines, languageLines, componentLines, featureLines } from './runbook-setup-components.js';
import { serviceAccountLines } from './runbook-setup-settings.js';

export function kernelReady({ xpr, host }: Context): Step {
    return {
        id: 'xpr-kernel-ready',
        title: 'Check that the kernel is ready',
        instructions: [
            `The XPR server on the kernel ${c(kernelHostName(xpr))} is installed and running, with every language packet this satellite will use (${xpr.languages.map((l) => c(l)).join(', ')}) already installed there.`,
        ],
        verify: `The XPR Monitor on ${c(kernelHostName(xpr))} shows the kernel services started.`,
        guide: upgrade('§2.12, §2.12.2 step 1'),
        pointer: host.pointer,
    };
}

export function satPrep({ xpr, host, serviceUser, credentialName }: Context): Step {
    const root = mediaRoot(xpr);
    return {
        id: 'xpr-satprep',
        title: 'Prepare the satellite with SatPrep',
        instructions: [
            `Start ${c('SatPrep.exe')} from the Satellite folder of the setup medium${root === undefined ? '' : ` (${c(root)})`}.`,
            `**Server**: ${c(kernelHostName(xpr))}. **Destination folder**: ${c(host.installPath)}.`,
            `**Account**: ${c(serviceUser)}; **Password** and **Confirm Password**: the password of credential ${c(credentialName)}.`,
            '**Prepare Satellite System**; confirm the success message with **OK**. An error report names what is missing.',
        ],
        verify: `The kernel's registry (\`HKLM\\SOFTWARE\\WOW6432Node\\PP-COM\\MRS\\Services\\Kernel\`) lists NameLoc and CfgSvc entries for ${c(host.nodeName)}.`,
        guide: upgrade('§2.12.2 steps 2–8'),
        pointer: host.pointer,
    };
}

export function satelliteSetup(ctx: Context): Step {
    const { xpr, host } = ctx;
    return {
        ...SETUP_DONE_STEP.satellite,
        instructions: [
            'The guides describe setup on a satellite only for an upgrade ("select exclusively the components of this satellite"); the dialogs are the kernel\'s. Answer those that appear with these values:',
            [
                `- License service: ${licenseServiceLines(ctx).slice(0, 4).join(' ')}`,
                `- Languages: ${languageLines(xpr).join(' ')}`,
                `- Components: ${componentLines(ctx).join(' ')}`,
                `- Target folder: ${c(host.installPath)}.`,
                `- Features, exclusively: ${featureLines(ctx)
                    .map((line) => line.replace(/^- /, ''))
                    .join('; ')}.`,
                `- Service account: ${serviceAccountLines(ctx).join(' ')}`,
            ].join('\n'),
            'Finish setup and reboot when the Component Installer asks; activate the antivirus software again.',
        ],
        verify: `\`Get-Service\` lists ${[...SATELLITE_SERVICES, ...hostComponents(host).flatMap((id) => COMPONENTS[id].services)]
            .map((s) => c(s.name))
            .join(', ')}.`,
        guide: `${upgrade('§2.12, §2.12.2 step 10')}; ${install('§4.3–§4.4')}`,
        pointer: `${host.pointer}/components`,
    };
}
