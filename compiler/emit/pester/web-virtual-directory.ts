import type { WebVirtualDirectoryResource } from '../../ir/types.js';
import { psString } from '../ps/quote.js';
import { check, type CheckContext, type PesterCheck } from './check.js';

/** Get-WebVirtualDirectory (WebAdministration): the directory exists under its site and application, with its physical path. */
export function webVirtualDirectoryCheck(r: WebVirtualDirectoryResource, ctx: CheckContext): PesterCheck {
    const application = r.webApplication === '' ? '' : ` -Application ${psString(r.webApplication)}`;
    const get = `Get-WebVirtualDirectory -Site ${psString(r.website)}${application} -Name ${psString(r.name)}`;
    const where = `${r.website}/${r.webApplication === '' ? '' : `${r.webApplication}/`}${r.name}`;
    if (r.ensure === 'Absent') {
        return check(r, ctx, ['Import-Module -Name WebAdministration', `${get} | Should -BeNullOrEmpty -Because ${psString(`the configuration removes ${where}`)}`]);
    }
    return check(r, ctx, [
        'Import-Module -Name WebAdministration',
        `$directory = ${get}`,
        `$directory | Should -Not -BeNullOrEmpty -Because ${psString(`virtual directory ${where} must exist`)}`,
        `$directory.PhysicalPath | Should -Be ${psString(r.physicalPath)}`,
    ]);
}
