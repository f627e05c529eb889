import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSolution,
  carriedParts,
  childElements,
  environmentVariablesIn,
  extractConnectors,
  firstChild,
  packSolution,
  parseXml,
  readSolution,
  unpackSolution,
  type BuildSolutionOptions,
} from '../src/index.js';
import { describeWith, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { readZip } from './helpers/trees.js';
import { temporaryFolders, variantOf } from './helpers/zips.js';

const temp = temporaryFolders('build-env-');
afterAll(() => temp.cleanup());

const HIL = 'customHIL/customHIL_1_0_0_3.zip';
const HOST_URL = 'environmentvariabledefinitions/cat_HitlHostUrl/environmentvariabledefinition.xml';
const OPTIONS = {
  uniqueName: 'customHIL',
  version: '1.0.0.4',
  publisher: { uniqueName: 'CAT', prefix: 'cat' },
};

/** The connector of customHIL, extracted as extract-connectors writes it: its host is `@environmentVariables("cat_HitlHostUrl")`. */
async function extractedHil(source = fixturePath(HIL)): Promise<string> {
  const root = temp.make();
  const [extracted] = await extractConnectors(source, root);
  return path.join(root, extracted!.folder);
}

/** build-solution's options with `source` as --existing, read as the CLI reads it. */
async function existing(source: string): Promise<BuildSolutionOptions> {
  const solution = await readSolution(source, { environmentVariables: true });
  return {
    ...OPTIONS,
    existing: {
      connectors: solution.connectors,
      source,
      environmentVariables: solution.environmentVariables,
    },
  };
}

/** The `<RootComponent>`s of a built zip, as [type, schemaName]. */
function rootComponents(entries: Map<string, Buffer>): Array<[string, string]> {
  const manifest = firstChild(
    parseXml(entries.get('solution.xml')!.toString(), 'solution.xml'),
    'SolutionManifest',
  )!;
  return childElements(firstChild(manifest, 'RootComponents')!).map((root) => {
    const attribute = (name: string): string => root.attributes.find(([key]) => key === name)![1];
    return [attribute('type'), attribute('schemaName')];
  });
}

/** The attributes of the `<RootComponent>` of `schemaName` in a built zip's manifest. */
function rootComponentOf(
  entries: Map<string, Buffer>,
  schemaName: string,
): ReadonlyArray<readonly [string, string]> {
  const manifest = firstChild(
    parseXml(entries.get('solution.xml')!.toString(), 'solution.xml'),
    'SolutionManifest',
  )!;
  return childElements(firstChild(manifest, 'RootComponents')!).find((root) =>
    root.attributes.some(([key, value]) => key === 'schemaName' && value === schemaName),
  )!.attributes;
}

// A new user built the connector extracted from customHIL with --existing customHIL_1_0_0_3.zip: the
// connector's host is @environmentVariables("cat_HitlHostUrl"), the zip had no definition of it and
// the run said nothing. Imported into a fresh environment, the connector points at nothing.
describeWith(SOLUTION_FIXTURES, 'real solution export')('build-solution and environment variables', () => {
  it('carries the definition of a variable the connector refers to, as the existing solution ships it', async () => {
    const exported = fixturePath(HIL);
    const zip = path.join(temp.make(), 'built.zip');
    const [built] = await buildSolution([await extractedHil()], zip, await existing(exported));
    expect(built).toMatchObject({
      keptIdentity: true,
      warnings: [],
      environmentVariables: [{ schemaName: 'cat_HitlHostUrl', carried: true }],
    });
    const entries = await readZip(zip);
    // Byte for byte, CRLF line endings as Dataverse wrote them included.
    expect(entries.get(HOST_URL)).toEqual((await readZip(exported)).get(HOST_URL));
    // Listed in the manifest: a definition it does not list is imported, but not into the solution.
    expect(rootComponents(entries)).toEqual([
      ['372', 'cat_human-2din-2dthe-2dloop'],
      ['380', 'cat_HitlHostUrl'],
    ]);
    // Listed as the connector is: the whole component (behavior 0, as exports list what was added whole).
    expect(rootComponentOf(entries, 'cat_HitlHostUrl')).toEqual([
      ['type', '380'],
      ['schemaName', 'cat_HitlHostUrl'],
      ['behavior', '0'],
    ]);
    // Read back as a solution that holds it, as --existing of the next build.
    expect(
      (await readSolution(zip, { environmentVariables: true })).environmentVariables!.map(
        (variable) => variable.schemaName,
      ),
    ).toEqual(['cat_HitlHostUrl']);
  });

  it('carries the same bytes from the folder unpack wrote, whose files git may have checked out with LF', async () => {
    const exported = fixturePath(HIL);
    const src = path.join(temp.make(), 'src');
    await unpackSolution(exported, src);
    const definition = path.join(src, HOST_URL);
    // As git with core.autocrlf leaves it; unpack recorded the CRLF of the export in Other/LineEndings.xml.
    writeFileSync(definition, readFileSync(definition, 'latin1').replaceAll('\r\n', '\n'), 'latin1');
    const zip = path.join(temp.make(), 'built.zip');
    await buildSolution([await extractedHil()], zip, await existing(src));
    expect((await readZip(zip)).get(HOST_URL)).toEqual((await readZip(exported)).get(HOST_URL));
  });

  it('carries the variable from the SolutionPackager twin of the export too', async () => {
    const zip = path.join(temp.make(), 'built.zip');
    const [built] = await buildSolution(
      [await extractedHil()],
      zip,
      await existing(fixturePath('customHIL/unpacked')),
    );
    expect(built!.warnings).toEqual([]);
    expect((await readZip(zip)).get(HOST_URL)?.toString()).toContain('<type>100000000</type>');
  });

  it('warns, naming the variable and how to ship it, when no solution at hand defines it', async () => {
    const zip = path.join(temp.make(), 'built.zip');
    const [built] = await buildSolution([await extractedHil()], zip, OPTIONS);
    expect(built!.environmentVariables).toEqual([{ schemaName: 'cat_HitlHostUrl', carried: false }]);
    expect(built!.warnings).toEqual([
      'The connector refers to the environment variable cat_HitlHostUrl, which the built solution does not define: imported into an environment that lacks it, the connector points at a variable that does not exist. Give --existing the solution the connector came from, if it holds the variable (the definition is carried into the build); else add the variable to that solution in the maker portal (Add existing > More > Environment variable) and export it again, or import a solution that holds it first.',
    ]);
    const entries = await readZip(zip);
    expect([...entries.keys()].filter((name) => name.startsWith('environmentvariabledefinitions/'))).toEqual(
      [],
    );
    expect(rootComponents(entries)).toEqual([['372', expect.any(String)]]);
  });

  it('warns when the existing solution lacks the definition too, naming it', async () => {
    const lacking = await variantOf(fixturePath(HIL), path.join(temp.make(), 'lacking.zip'), {
      [HOST_URL]: null,
    });
    const [built] = await buildSolution(
      [await extractedHil()],
      path.join(temp.make(), 'built.zip'),
      await existing(lacking),
    );
    expect(built!.warnings).toEqual([
      `The connector refers to the environment variable cat_HitlHostUrl, which neither the built solution nor ${lacking} defines: imported into an environment that lacks it, the connector points at a variable that does not exist. Add the variable to that solution in the maker portal (Add existing > More > Environment variable), export it again and give that export to --existing, or import a solution that holds it first.`,
    ]);
  });

  it("never carries a current value, nor a secret's default; says so where the import must give one", async () => {
    const keyVault =
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/hitl/providers/Microsoft.KeyVault/vaults/hitl-vault/secrets/client-secret';
    const definition = (schema: string, type: string, value?: string): string =>
      `<environmentvariabledefinition schemaname="${schema}">\r\n  <displayname default="${schema}">\r\n    <label description="${schema}" languagecode="1033" />\r\n  </displayname>\r\n` +
      `${value === undefined ? '' : `  <defaultvalue>${value}</defaultvalue>\r\n`}  <introducedversion>1.0.0.3</introducedversion>\r\n  <iscustomizable>1</iscustomizable>\r\n  <isrequired>0</isrequired>\r\n  <secretstore>0</secretstore>\r\n  <type>${type}</type>\r\n</environmentvariabledefinition>`;
    const values = (value: string): string =>
      `{"environmentvariablevalues":{"environmentvariablevalue":{"iscustomizable":"1","value":"${value}"}}}`;
    const folder = (schema: string): string => `environmentvariabledefinitions/${schema}`;
    const withVariables = await variantOf(fixturePath(HIL), path.join(temp.make(), 'variables.zip'), {
      [`${folder('cat_HitlClientSecret')}/environmentvariabledefinition.xml`]: definition(
        'cat_HitlClientSecret',
        '100000005',
        keyVault,
      ),
      [`${folder('cat_HitlClientSecret')}/environmentvariablevalues.json`]: values(keyVault),
      [`${folder('cat_HitlTenant')}/environmentvariabledefinition.xml`]: definition(
        'cat_HitlTenant',
        '100000000',
      ),
      [`${folder('cat_HitlTenant')}/environmentvariablevalues.json`]: values('contoso.onmicrosoft.com'),
      // Its default travels, as the definition has it; its current value is the source environment's.
      [`${folder('cat_HitlRegion')}/environmentvariabledefinition.xml`]: definition(
        'cat_HitlRegion',
        '100000000',
        'westeurope',
      ),
      [`${folder('cat_HitlRegion')}/environmentvariablevalues.json`]: values('dev-northeurope'),
      [`${folder('cat_Unused')}/environmentvariabledefinition.xml`]: definition(
        'cat_Unused',
        '100000000',
        'x',
      ),
    });
    const connector = await extractedHil(withVariables);
    // The OAuth settings and a policy template refer to the other two, as makers write them.
    const properties = path.join(connector, 'apiProperties.json');
    const json = JSON.parse(readFileSync(properties, 'utf8')) as { properties: Record<string, unknown> };
    json.properties.connectionParameters = {
      token: {
        type: 'oauthSetting',
        oAuthSettings: {
          identityProvider: 'oauth2',
          clientId: 'hitl-app',
          clientSecret: '@environmentVariables("cat_HitlClientSecret")',
          scopes: [],
          redirectMode: 'GlobalPerConnector',
          properties: { IsFirstParty: 'False' },
          customParameters: {
            authorizationUrl: { value: 'https://login.microsoftonline.com/common/oauth2/authorize' },
          },
        },
      },
    };
    json.properties.policyTemplateInstances = [
      {
        templateId: 'setheader',
        title: 'Tenant',
        parameters: {
          'x-ms-apimTemplateParameter.name': 'X-Tenant',
          'x-ms-apimTemplateParameter.value': "@environmentVariables('cat_HitlTenant')",
          'x-ms-apimTemplateParameter.existsAction': 'override',
          'x-ms-apimTemplate-policySection': 'Request',
        },
      },
      {
        templateId: 'setheader',
        title: 'Region',
        parameters: {
          'x-ms-apimTemplateParameter.name': 'X-Region',
          'x-ms-apimTemplateParameter.value': '@environmentVariables("cat_HitlRegion")',
          'x-ms-apimTemplateParameter.existsAction': 'override',
          'x-ms-apimTemplate-policySection': 'Request',
        },
      },
    ];
    writeFileSync(properties, JSON.stringify(json, null, 2));

    const zip = path.join(temp.make(), 'built.zip');
    const [built] = await buildSolution([connector], zip, await existing(withVariables));
    expect(built!.environmentVariables).toEqual([
      { schemaName: 'cat_HitlHostUrl', carried: true },
      { schemaName: 'cat_HitlClientSecret', carried: true },
      { schemaName: 'cat_HitlTenant', carried: true },
      { schemaName: 'cat_HitlRegion', carried: true },
    ]);
    expect(built!.warnings).toEqual([
      `The environment variable cat_HitlClientSecret is a secret: the built solution carries its definition but not the value ${withVariables} gives it (the location of an Azure Key Vault secret, which is the environment's to give). Give the value when importing: import --settings, under EnvironmentVariables.`,
      `The environment variable cat_HitlTenant has a current value in ${withVariables} and no default value: the built solution carries its definition but not that value, which is the source environment's (an environment gets its own at import), so an environment without a value of its own leaves the connector without one. Give the value when importing: import --settings, under EnvironmentVariables; or give the variable a default value in the maker portal and export the solution again.`,
    ]);
    const entries = await readZip(zip);
    expect(
      [...entries.keys()].filter((name) => name.startsWith('environmentvariabledefinitions/')).sort(),
    ).toEqual([
      `${folder('cat_HitlClientSecret')}/environmentvariabledefinition.xml`,
      HOST_URL,
      `${folder('cat_HitlRegion')}/environmentvariabledefinition.xml`,
      `${folder('cat_HitlTenant')}/environmentvariabledefinition.xml`,
    ]);
    for (const [name, bytes] of entries) {
      expect(`${name}: ${bytes.toString('latin1')}`).not.toContain('hitl-vault');
      expect(`${name}: ${bytes.toString('latin1')}`).not.toContain('contoso.onmicrosoft.com');
      expect(`${name}: ${bytes.toString('latin1')}`).not.toContain('dev-northeurope');
    }
    const secret = entries
      .get(`${folder('cat_HitlClientSecret')}/environmentvariabledefinition.xml`)!
      .toString();
    expect(secret).toContain('<type>100000005</type>');
    expect(secret).not.toContain('defaultvalue');
    // The definitions as shipped, the default value included.
    expect(entries.get(`${folder('cat_HitlRegion')}/environmentvariabledefinition.xml`)!.toString()).toBe(
      definition('cat_HitlRegion', '100000000', 'westeurope'),
    );
    expect(entries.get(`${folder('cat_HitlTenant')}/environmentvariabledefinition.xml`)!.toString()).toBe(
      definition('cat_HitlTenant', '100000000'),
    );
    expect(rootComponents(entries).map(([, schema]) => schema)).toEqual([
      'cat_human-2din-2dthe-2dloop',
      'cat_HitlHostUrl',
      'cat_HitlClientSecret',
      'cat_HitlTenant',
      'cat_HitlRegion',
    ]);
  });

  // extract-connectors reads a solution through readSolution too, and needs none of its variables: a
  // LineEndings.xml it has no use for failed it ("has a <Foo> root; expected <LineEndings>").
  it('are read only when asked: extract-connectors is not failed by the files they need', async () => {
    const src = path.join(temp.make(), 'src');
    await unpackSolution(fixturePath(HIL), src);
    writeFileSync(path.join(src, 'Other', 'LineEndings.xml'), '<Foo/>\n');
    const [extracted] = await extractConnectors(src, temp.make());
    expect(extracted!.folder).toBe('Human-in-the-Loop');
    const read = await readSolution(src);
    expect(read.connectors.map((connector) => connector.name)).toEqual(['cat_human-2din-2dthe-2dloop']);
    expect(read.environmentVariables).toBeUndefined();
    // Asked, the same folder is the located error it was.
    await expect(readSolution(src, { environmentVariables: true })).rejects.toMatchObject({
      message: 'has a <Foo> root; expected <LineEndings>.',
      location: { file: expect.stringMatching(/LineEndings\.xml$/) },
    });
  });

  // A variable with one value of either kind has a value; a secret's is left out whichever it is.
  it('tells a variable with a default value alone, or a current value alone, from one without either', async () => {
    const definition = (schema: string, type: string, value?: string): string =>
      `<environmentvariabledefinition schemaname="${schema}">\r\n` +
      `${value === undefined ? '' : `  <defaultvalue>${value}</defaultvalue>\r\n`}  <type>${type}</type>\r\n</environmentvariabledefinition>`;
    const folder = (schema: string): string => `environmentvariabledefinitions/${schema}`;
    const exported = await variantOf(fixturePath(HIL), path.join(temp.make(), 'values.zip'), {
      [`${folder('cat_A')}/environmentvariabledefinition.xml`]: definition('cat_A', '100000005', 'vault'),
      // Notes kept beside a definition, and a copy in a subfolder, are no part of the variable.
      [`${folder('cat_A')}/notes.txt`]: 'kept by hand\n',
      [`${folder('cat_A')}/old/environmentvariabledefinition.xml`]: definition('cat_Old', '100000000'),
      [`${folder('cat_B')}/environmentvariabledefinition.xml`]: definition('cat_B', '100000000'),
      [`${folder('cat_B')}/environmentvariablevalues.json`]:
        '{"environmentvariablevalues":{"environmentvariablevalue":{"value":"b"}}}',
    });
    const read = await readSolution(exported, { environmentVariables: true });
    expect(
      read.environmentVariables!.map(({ schemaName, parts }) => [schemaName, parts.map((p) => p.path)]),
    ).toEqual([
      ['cat_A', [`${folder('cat_A')}/environmentvariabledefinition.xml`]],
      [
        'cat_B',
        [
          `${folder('cat_B')}/environmentvariabledefinition.xml`,
          `${folder('cat_B')}/environmentvariablevalues.json`,
        ],
      ],
      ['cat_HitlHostUrl', [HOST_URL]],
    ]);
    // The secret's default value alone is still a value the import must give.
    expect(read.environmentVariables!.map((variable) => carriedParts(variable).valueLeftOut)).toEqual([
      'secret',
      'current value',
      undefined,
    ]);
    const src = path.join(temp.make(), 'src');
    await unpackSolution(exported, src);
    const packed = await packSolution(src, path.join(temp.make(), 'out.zip'));
    expect(packed.variablesWithoutValue).toEqual(['cat_HitlHostUrl']);
  });
});

describe('the environment variables a connector refers to', () => {
  it('are read in either quotes, without quotes, and with the quotes escaped as in JSON text, each once', () => {
    expect(
      environmentVariablesIn(
        '@environmentVariables("cat_A") @environmentVariables(\'cat_B\') @environmentVariables( cat_C ) @environmentVariables(\\"cat_D\\") @environmentVariables("CAT_A")',
      ),
    ).toEqual(['cat_A', 'cat_B', 'cat_C', 'cat_D']);
    expect(environmentVariablesIn("https://@connectionParameters('storeurl')")).toEqual([]);
  });
});
