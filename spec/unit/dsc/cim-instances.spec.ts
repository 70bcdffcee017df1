/**
 * Nested CIM instances (PsValue kind `cimInstances`): how they render, that
 * the parse oracle reads them, and that checkBlock holds every instance to
 * its embedded class's schema (WebSite BindingInfo = DSC_WebBindingInformation).
 */

import { expect } from 'chai';
import { ps, type DscBlock, type DscProperty, type PsValue } from '../../../compiler/dsc/block.js';
import { checkBlock, findResource } from '../../../compiler/dsc/catalog.js';
import { WEB_ADMINISTRATION_DSC } from '../../../compiler/dsc/modules.js';
import { psValue } from '../../../compiler/emit/ps/quote.js';
import { parsePowerShell } from '../../helpers/ps-parse.js';

const prop = (name: string, value: PsValue): DscProperty => ({ name, value });

const HTTP_80: DscProperty[] = [prop('Protocol', ps.str('http')), prop('Port', ps.int(80)), prop('HostName', ps.str('status.contoso.local'))];

function webSite(bindingInfo: PsValue): DscBlock {
    return {
        resourceType: 'WebSite',
        module: WEB_ADMINISTRATION_DSC,
        name: 'Site',
        source: '/x',
        properties: [prop('Name', ps.str('OfficeStatus')), prop('PhysicalPath', ps.str('C:\\inetpub\\OfficeStatus')), prop('BindingInfo', bindingInfo)],
    };
}

describe('nested CIM instances (PsValue cimInstances)', () => {
    describe('psValue', () => {
        it('should render an array of instances as the DSC community writes it, with aligned = per instance', () => {
            const value = ps.cims('DSC_WebBindingInformation', [HTTP_80, [prop('Protocol', ps.str('http')), prop('Port', ps.int(8080))]]);
            expect(psValue(value, 12)).to.equal(
                [
                    '@(',
                    '                DSC_WebBindingInformation',
                    '                {',
                    "                    Protocol = 'http'",
                    '                    Port     = 80',
                    "                    HostName = 'status.contoso.local'",
                    '                }',
                    '                DSC_WebBindingInformation',
                    '                {',
                    "                    Protocol = 'http'",
                    '                    Port     = 8080',
                    '                }',
                    '            )',
                ].join('\n'),
            );
        });

        it('should quote nested strings with psString, so a hostile value stays one literal', () => {
            const text = psValue(ps.cims('DSC_WebBindingInformation', [[prop('HostName', ps.str("x'\n}) ; Remove-Item C:\\"))]]), 0);
            expect(text).to.include('HostName = "x\'`n}) ; Remove-Item C:\\"');
        });

        it('should render no instances as @()', () => {
            expect(psValue(ps.cims('DSC_WebBindingInformation', []), 0)).to.equal('@(\n)');
        });

        it('should refuse an instance without properties and names that are not identifiers', () => {
            expect(() => psValue(ps.cims('DSC_WebBindingInformation', [[]]), 0)).to.throw(/without properties/);
            expect(() => psValue(ps.cims('DSC_Web Binding', [HTTP_80]), 0)).to.throw(/not a plain identifier/);
            expect(() => psValue(ps.cims('DSC_WebBindingInformation', [[prop('Port;', ps.int(1))]]), 0)).to.throw(/not a plain identifier/);
        });

        it('should parse with tree-sitter-powershell inside a resource block', async () => {
            const value = ps.cims('DSC_WebBindingInformation', [HTTP_80, HTTP_80]);
            const text = [
                'Configuration C',
                '{',
                "    Import-DscResource -ModuleName 'WebAdministrationDsc' -ModuleVersion '4.2.1'",
                '    Node $AllNodes.NodeName',
                '    {',
                "        WebSite 'Site'",
                '        {',
                "            Name        = 'OfficeStatus'",
                `            BindingInfo = ${psValue(value, 12)}`,
                '        }',
                '    }',
                '}',
            ].join('\r\n');
            const parsed = await parsePowerShell(text);
            expect(parsed.errors).to.deep.equal([]);
            parsed.dispose();
        });
    });

    describe('checkBlock', () => {
        it('should know the embedded classes of WebSite from the catalog', () => {
            const site = findResource('WebAdministrationDsc', '4.2.1', 'WebSite');
            expect(site?.embeddedClasses?.map((c) => c.className)).to.deep.equal([
                'DSC_WebBindingInformation',
                'DSC_WebAuthenticationInformation',
                'DSC_LogCustomFieldInformation',
            ]);
        });

        it('should accept conforming bindings', () => {
            expect(checkBlock(webSite(ps.cims('DSC_WebBindingInformation', [HTTP_80])))).to.deep.equal([]);
        });

        const violations: readonly (readonly [string, PsValue, string])[] = [
            ['instances of another class', ps.cims('DSC_WebAuthenticationInformation', [[prop('Anonymous', ps.bool(true))]]), "expects instances of DSC_WebBindingInformation but got instances of 'DSC_WebAuthenticationInformation'"],
            ['a missing Required property', ps.cims('DSC_WebBindingInformation', [[prop('Port', ps.int(80))]]), "BindingInfo[0] (DSC_WebBindingInformation): missing Required property 'Protocol'"],
            ['an unknown nested property', ps.cims('DSC_WebBindingInformation', [[...HTTP_80, prop('Certificate', ps.str('x'))]]), "BindingInfo[0] (DSC_WebBindingInformation): DSC_WebBindingInformation has no property 'Certificate'"],
            ['a value outside the ValueMap', ps.cims('DSC_WebBindingInformation', [[prop('Protocol', ps.str('ftp'))]]), "BindingInfo[0] (DSC_WebBindingInformation): property 'Protocol' value 'ftp' is not in its ValueMap"],
            ['a wrong spelling', ps.cims('DSC_WebBindingInformation', [[prop('protocol', ps.str('http'))]]), "BindingInfo[0] (DSC_WebBindingInformation): property 'protocol' must be spelled 'Protocol'"],
            ['a port beyond uint16', ps.cims('DSC_WebBindingInformation', [[prop('Protocol', ps.str('http')), prop('Port', ps.int(70000))]]), "property 'Port' value 70000 is out of range for uint16"],
            ['a wrong nested type', ps.cims('DSC_WebBindingInformation', [[prop('Protocol', ps.str('http')), prop('Port', ps.str('80'))]]), "property 'Port' expects uint16 but got a value of kind 'string'"],
            ['the second instance, by index', ps.cims('DSC_WebBindingInformation', [HTTP_80, [prop('Port', ps.int(80))]]), "BindingInfo[1] (DSC_WebBindingInformation): missing Required property 'Protocol'"],
            ['a plain string for an embedded property', ps.str('http/*:80:'), "property 'BindingInfo' expects DSC_WebBindingInformation[] but got a value of kind 'string'"],
        ];
        for (const [label, value, message] of violations) {
            it(`should report ${label}`, () => {
                const found = checkBlock(webSite(value));
                expect(found.some((v) => v.includes(message)), JSON.stringify(found)).to.equal(true);
            });
        }

        it('should report instances on a property that is not an embedded-instance array', () => {
            const block: DscBlock = { ...webSite(ps.cims('DSC_WebBindingInformation', [HTTP_80])) };
            const withAuth = { ...block, properties: [...block.properties.slice(0, 2), prop('AuthenticationInfo', ps.cims('DSC_WebAuthenticationInformation', [[prop('Anonymous', ps.bool(true))]]))] };
            expect(checkBlock(withAuth)).to.deep.equal(["property 'AuthenticationInfo' expects DSC_WebAuthenticationInformation but got a value of kind 'cimInstances'"]);
            const onState = { ...block, properties: [prop('Name', ps.str('x')), prop('State', ps.cims('DSC_WebBindingInformation', [HTTP_80]))] };
            expect(checkBlock(onState)).to.deep.equal(["property 'State' expects string but got a value of kind 'cimInstances'"]);
        });
    });
});
