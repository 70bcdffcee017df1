import { at as where, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { REQUIRED_RELEASE, SUPPORTED_PLATFORM } from '../data.js';
import { at, compareRelease, parseRelease } from '../model.js';

export const onexIpOffices: Rule = {
    name: 'onex-portal-ip-offices',
    description:
        'The portal\'s IP Offices are IP500 V2 systems of one Small Community Network, each listed once, all on IP Office Release 9.1.',
    reports: ['OnexScnMismatch', 'OnexReleaseMismatch', 'OnexReleaseTooOld', 'OnexReleaseNotCovered', 'OnexPlatformNotSupported', 'OnexDuplicateIpOffice'],
    check({ site }) {
        const section = site.onexPortal;
        if (!section) {
            return [];
        }
        const out: PendingDiagnostic[] = [];
        const offices = section.ipOffices;
        const firstScn = offices.findIndex((o) => o.scn !== undefined);
        const required: readonly [number, number] = [REQUIRED_RELEASE.major, REQUIRED_RELEASE.minor];

        offices.forEach((office, i) => {
            const base = at('ipOffices', i);
            const earlier = offices.slice(0, i).findIndex((o) => o.address === office.address);
            const twin = offices[earlier];
            if (twin) {
                out.push(
                    diag('OnexDuplicateIpOffice', { address: office.address, other: twin.name }, where(`${base}/address`), [
                        { message: `"${twin.name}" has this address.`, pointer: at('ipOffices', earlier, 'address') },
                    ]),
                );
            }
            // §1.3: one portal, one Small Community Network.
            const first = offices[firstScn];
            if (first?.scn !== undefined && office.scn !== undefined && i !== firstScn && office.scn !== first.scn) {
                out.push(
                    diag('OnexScnMismatch', { name: office.name, scn: office.scn, other: first.name, otherScn: first.scn }, where(`${base}/scn`), [
                        { message: `"${first.name}" is in SCN "${first.scn}".`, pointer: at('ipOffices', firstScn, 'scn') },
                    ]),
                );
            }
            // §1 and document history 10g: the Windows portal works with IP500 V2 only.
            const platform = office.platform ?? SUPPORTED_PLATFORM;
            if (platform !== SUPPORTED_PLATFORM) {
                out.push(diag('OnexPlatformNotSupported', { name: office.name, platform }, where(`${base}/platform`)));
            }
            // §2.1: Release 9.1 (older ones are upgraded first); §1.3: the same release everywhere.
            const release = parseRelease(office.release);
            if (release && compareRelease(release, required) < 0) {
                out.push(diag('OnexReleaseTooOld', { name: office.name, release: office.release }, where(`${base}/release`)));
            } else if (release && compareRelease(release, required) > 0) {
                out.push(diag('OnexReleaseNotCovered', { name: office.name, release: office.release }, where(`${base}/release`)));
            }
            const reference = offices[0];
            const referenceRelease = reference ? parseRelease(reference.release) : undefined;
            const differs = release && referenceRelease ? compareRelease(release, referenceRelease) !== 0 : office.release !== reference?.release;
            if (i > 0 && reference && differs) {
                out.push(
                    diag(
                        'OnexReleaseMismatch',
                        { name: office.name, release: office.release, other: reference.name, otherRelease: reference.release },
                        where(`${base}/release`),
                        [{ message: `"${reference.name}" runs ${reference.release}.`, pointer: at('ipOffices', 0, 'release') }],
                    ),
                );
            }
        });
        return out;
    },
};
