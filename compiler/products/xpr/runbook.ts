/**
 * The XPR runbook steps of one host, in the guides' order, every dialog
 * value filled in from the manifest. The XPR setup (the "Wrapper") has no
 * unattended form for a new installation, so it is written out dialog by
 * dialog as the Cluster Installation guide's chapter 4 describes it (the
 * same dialogs as on a single server; where the guide makes a cluster
 * choice, the manifest's choice is used). Satellites follow the Upgrade
 * guide §2.12 (SatPrep, then setup with the satellite's components only).
 *
 * This file holds the entry point and the step order; the steps are built
 * chapter by chapter in runbook-prepare.ts, runbook-setup-components.ts,
 * runbook-setup-settings.ts, runbook-after-setup.ts and runbook-satellite.ts.
 * Manifest values reach Markdown only through mdCode/mdText.
 */

import type { ManualStep } from '../../ir/types.js';
import type { Site, Xpr } from '../../manifest/types.generated.js';
import { SECTION } from './data.js';
import type { XprHost } from './model.js';
import {
    applyAgain,
    timeZoneSupport,
    hotfixes,
    configureApls,
    faxG3PostDial,
    reportApl,
    passwordPolicy,
    smartBackup,
    passwordChange,
    restartForSatellites,
} from './runbook-after-setup.js';
import type { Context, Step } from './runbook-context.js';
import { prerequisites, loopbackAdapter, hostRequirements, licensing, setupStart } from './runbook-prepare.js';
import { kernelReady, satPrep, satelliteSetup } from './runbook-satellite.js';
import {
    licenseServiceDialog,
    serverNameDialog,
    languagesDialog,
    releaseNotesDialog,
    componentsDialogs,
    dotNetDialog,
    targetFolderDialog,
    featuresDialog,
} from './runbook-setup-components.js';
import {
    foldersDialog,
    serviceAccountDialog,
    voiceFormatDialog,
    programFolderDialog,
    authenticationDialog,
    summaryDialog,
    regionalDialog,
    smtpAplDialog,
    ctiAplDialog,
    sslDialogs,
    finishSetup,
} from './runbook-setup-settings.js';

/** Re-exported so the gates (lower.ts) and the plans keep importing the steps they wait for from here. */
export { HOST_REQUIREMENTS_STEP, SETUP_DONE_STEP } from './runbook-context.js';

export function xprRunbook(site: Site, xpr: Xpr, host: XprHost): ManualStep[] {
    const ctx: Context = {
        site,
        xpr,
        host,
        serviceUser: site.credentials?.[xpr.serviceAccount.credential]?.userName ?? '',
        credentialName: xpr.serviceAccount.credential,
    };
    const steps: (Step | undefined)[] =
        host.role === 'kernel'
            ? [
                  prerequisites(ctx),
                  loopbackAdapter(ctx),
                  hostRequirements(ctx),
                  ...licensing(ctx),
                  setupStart(ctx),
                  licenseServiceDialog(ctx),
                  serverNameDialog(ctx),
                  languagesDialog(ctx),
                  releaseNotesDialog(ctx),
                  componentsDialogs(ctx),
                  dotNetDialog(ctx),
                  targetFolderDialog(ctx),
                  featuresDialog(ctx),
                  foldersDialog(ctx),
                  serviceAccountDialog(ctx),
                  voiceFormatDialog(ctx),
                  programFolderDialog(ctx),
                  authenticationDialog(ctx),
                  summaryDialog(ctx),
                  regionalDialog(ctx),
                  smtpAplDialog(ctx),
                  ctiAplDialog(ctx),
                  sslDialogs(ctx),
                  finishSetup(ctx),
                  applyAgain(ctx),
                  timeZoneSupport(ctx),
                  hotfixes(ctx),
                  configureApls(ctx),
                  faxG3PostDial(ctx),
                  ...reportApl(ctx),
                  passwordPolicy(ctx),
                  smartBackup(ctx),
                  restartForSatellites(ctx),
                  passwordChange(ctx),
              ]
            : [
                  prerequisites(ctx),
                  loopbackAdapter(ctx),
                  hostRequirements(ctx),
                  kernelReady(ctx),
                  satPrep(ctx),
                  setupStart(ctx),
                  satelliteSetup(ctx),
                  applyAgain(ctx),
                  hotfixes(ctx),
                  configureApls(ctx),
                  faxG3PostDial(ctx),
                  ...reportApl(ctx),
                  passwordChange(ctx),
              ];
    return steps
        .filter((step): step is Step => step !== undefined)
        .map(({ pointer, ...step }) => ({ ...step, section: SECTION, source: { pointer } }));
}
