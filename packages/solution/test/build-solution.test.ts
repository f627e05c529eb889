import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSolution,
  connectorIdFor,
  connectorNameFor,
  extractConnectors,
  parseXml,
  childElements,
  firstChild,
  textOf,
  unpackSolution,
} from '../src/index.js';
import { readZip } from './helpers/trees.js';
import { temporaryFolders } from './helpers/zips.js';
import { locatedMessage } from '@connector-alm/testing';
import { UsageError, type UserError } from '@connector-alm/core';

const temp = temporaryFolders('build-');
afterAll(() => temp.cleanup());

const OPTIONS = {
  uniqueName: 'ContosoConnectors',
  version: '1.2.0.0',
  publisher: { uniqueName: 'Contoso', prefix: 'contoso', displayName: 'Contoso Ltd' },
};

/**
 * A small connector folder written here, so these tests need nothing from ../shared. Named `title`,
 * as is its API; `info` sets other info fields (a title no folder could be named).
 */
function connectorFolder(
  title: string,
  extra: { script?: string; properties?: Record<string, unknown>; info?: Record<string, string> } = {},
): string {
  const folder = path.join(temp.make(), title);
  mkdirSync(folder);
  const swagger = {
    swagger: '2.0',
    info: { title, description: `${title} API`, version: '1.0', ...extra.info },
    host: 'api.contoso.com',
    basePath: '/',
    schemes: ['https'],
    paths: {
      '/items': {
        get: { operationId: 'ListItems', summary: 'List items', responses: { '200': { description: 'OK' } } },
      },
    },
  };
  writeFileSync(path.join(folder, 'apiDefinition.swagger.json'), JSON.stringify(swagger, null, 2));
  const properties = {
    connectionParameters: { api_key: { type: 'securestring', uiDefinition: { displayName: 'API key' } } },
    iconBrandColor: '#da3b01',
    capabilities: [],
    publisher: 'Contoso',
    stackOwner: 'Contoso',
    ...extra.properties,
  };
  writeFileSync(path.join(folder, 'apiProperties.json'), JSON.stringify({ properties }, null, 2));
  if (extra.script) writeFileSync(path.join(folder, 'script.csx'), extra.script);
  return folder;
}

describe('build-solution', () => {
  it('writes a connector-only unmanaged solution with the publisher, unique name and version given', async () => {
    const zip = path.join(temp.make(), 'out.zip');
    const built = await buildSolution([connectorFolder('Contoso Tasks')], zip, OPTIONS);
    expect(built).toEqual([
      {
        folder: expect.any(String),
        name: 'contoso_contoso-20tasks',
        displayName: 'Contoso Tasks',
        connectorId: connectorIdFor('contoso_contoso-20tasks'),
        keptIdentity: false,
        warnings: [],
      },
    ]);
    const entries = await readZip(zip);
    expect([...entries.keys()]).toEqual([
      'customizations.xml',
      'solution.xml',
      'Connector/contoso_contoso-20tasks_connectionparameters.json',
      'Connector/contoso_contoso-20tasks_openapidefinition.json',
      'Connector/contoso_contoso-20tasks_policytemplateinstances.json',
      '[Content_Types].xml',
    ]);
    const manifest = firstChild(
      parseXml(entries.get('solution.xml')!.toString(), 'solution.xml'),
      'SolutionManifest',
    )!;
    expect(textOf(firstChild(manifest, 'UniqueName')!)).toBe('ContosoConnectors');
    expect(textOf(firstChild(manifest, 'Version')!)).toBe('1.2.0.0');
    expect(textOf(firstChild(manifest, 'Managed')!)).toBe('0');
    expect(textOf(firstChild(firstChild(manifest, 'Publisher')!, 'CustomizationPrefix')!)).toBe('contoso');
    expect(childElements(firstChild(manifest, 'RootComponents')!)[0]!.attributes).toEqual([
      ['type', '372'],
      ['id', `{${connectorIdFor('contoso_contoso-20tasks')}}`],
      ['schemaName', 'contoso_contoso-20tasks'],
      ['behavior', '0'],
    ]);
    expect(entries.get('Connector/contoso_contoso-20tasks_policytemplateinstances.json')!.toString()).toBe(
      'null',
    );
  });

  // Dataverse reads these two files, not the zip's other parts, to learn what the solution is and who
  // publishes it: every element a connector-only solution needs, the publisher's derived option value
  // prefix (the same for every build, as the zip bytes are), the xsi namespace its nil elements use.
  it('writes solution.xml and customizations.xml as exports have them, every element and value included', async () => {
    const zip = path.join(temp.make(), 'out.zip');
    // No display names given: the unique names stand for them.
    await buildSolution([connectorFolder('Tasks')], zip, {
      ...OPTIONS,
      publisher: { uniqueName: 'Contoso', prefix: 'contoso' },
    });
    const entries = await readZip(zip);
    const address = (number: string): string[] => [
      '        <Address>',
      `          <AddressNumber>${number}</AddressNumber>`,
      '          <AddressTypeCode>1</AddressTypeCode>',
      '          <City xsi:nil="true"></City>',
      '          <Country xsi:nil="true"></Country>',
      '          <Line1 xsi:nil="true"></Line1>',
      '          <Name xsi:nil="true"></Name>',
      '          <PostalCode xsi:nil="true"></PostalCode>',
      '          <ShippingMethodCode>1</ShippingMethodCode>',
      '        </Address>',
    ];
    expect(entries.get('solution.xml')!.toString('utf8').split('\r\n')).toEqual([
      '<ImportExportXml version="9.2.0.0" SolutionPackageVersion="9.2" languagecode="1033" generatedBy="CrmLive" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
      '  <SolutionManifest>',
      '    <UniqueName>ContosoConnectors</UniqueName>',
      '    <LocalizedNames>',
      '      <LocalizedName description="ContosoConnectors" languagecode="1033" />',
      '    </LocalizedNames>',
      '    <Descriptions />',
      '    <Version>1.2.0.0</Version>',
      '    <Managed>0</Managed>',
      '    <Publisher>',
      '      <UniqueName>Contoso</UniqueName>',
      '      <LocalizedNames>',
      '        <LocalizedName description="Contoso" languagecode="1033" />',
      '      </LocalizedNames>',
      '      <Descriptions />',
      '      <EMailAddress xsi:nil="true"></EMailAddress>',
      '      <SupportingWebsiteUrl xsi:nil="true"></SupportingWebsiteUrl>',
      '      <CustomizationPrefix>contoso</CustomizationPrefix>',
      '      <CustomizationOptionValuePrefix>73593</CustomizationOptionValuePrefix>',
      '      <Addresses>',
      ...address('1'),
      ...address('2'),
      '      </Addresses>',
      '    </Publisher>',
      '    <RootComponents>',
      `      <RootComponent type="372" id="{${connectorIdFor('contoso_tasks')}}" schemaName="contoso_tasks" behavior="0" />`,
      '    </RootComponents>',
      '    <MissingDependencies />',
      '  </SolutionManifest>',
      '</ImportExportXml>',
    ]);
    expect(entries.get('customizations.xml')!.toString('utf8').split('\r\n')).toEqual([
      '<ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
      '  <Entities />',
      '  <Roles />',
      '  <Workflows />',
      '  <FieldSecurityProfiles />',
      '  <Templates />',
      '  <EntityMaps />',
      '  <EntityRelationships />',
      '  <OrganizationSettings />',
      '  <optionsets />',
      '  <CustomControls />',
      '  <EntityDataProviders />',
      '  <Connectors>',
      '    <Connector>',
      `      <connectorid>${connectorIdFor('contoso_tasks')}</connectorid>`,
      '      <description>Tasks API</description>',
      '      <displayname>Tasks</displayname>',
      '      <iconbrandcolor>#da3b01</iconbrandcolor>',
      '      <name>contoso_tasks</name>',
      '      <connectortype>1</connectortype>',
      '      <openapidefinition>/Connector/contoso_tasks_openapidefinition.json</openapidefinition>',
      '      <connectionparameters>/Connector/contoso_tasks_connectionparameters.json</connectionparameters>',
      '      <policytemplateinstances>/Connector/contoso_tasks_policytemplateinstances.json</policytemplateinstances>',
      '    </Connector>',
      '  </Connectors>',
      '  <Languages>',
      '    <Language>1033</Language>',
      '  </Languages>',
      '</ImportExportXml>',
    ]);
  });

  it.each([
    ['contoso', 73593],
    ['cat', 18262],
    ['zz', 13904],
  ])(
    "derives the publisher's option value prefix from the customization prefix %s, the same in every build",
    async (prefix, expected) => {
      const zip = path.join(temp.make(), 'out.zip');
      await buildSolution([connectorFolder('Tasks')], zip, {
        ...OPTIONS,
        publisher: { ...OPTIONS.publisher, prefix },
      });
      const manifest = firstChild(
        parseXml((await readZip(zip)).get('solution.xml')!.toString(), 'solution.xml'),
        'SolutionManifest',
      )!;
      expect(textOf(firstChild(firstChild(manifest, 'Publisher')!, 'CustomizationOptionValuePrefix')!)).toBe(
        String(expected),
      );
    },
  );

  it('writes the connector element in the child order of real exports', async () => {
    const zip = path.join(temp.make(), 'out.zip');
    await buildSolution(
      [
        connectorFolder('Scripted', {
          script: 'public class Script : ScriptBase {}',
          properties: { scriptOperations: ['ListItems'] },
        }),
      ],
      zip,
      OPTIONS,
    );
    const customizations = parseXml(
      (await readZip(zip)).get('customizations.xml')!.toString(),
      'customizations.xml',
    );
    const connector = childElements(firstChild(customizations, 'Connectors')!)[0]!;
    expect(childElements(connector).map((child) => child.name)).toEqual([
      'connectorid',
      'description',
      'displayname',
      'iconbrandcolor',
      'name',
      'connectortype',
      'scriptoperations',
      'openapidefinition',
      'connectionparameters',
      'policytemplateinstances',
      'customcodeblobcontent',
    ]);
    expect(textOf(firstChild(connector, 'scriptoperations')!)).toBe('["ListItems"]');
  });

  it('gives the same zip bytes and the same connector ids when built twice', async () => {
    const folder = connectorFolder('Stable');
    const dir = temp.make();
    await buildSolution([folder], path.join(dir, 'a.zip'), OPTIONS);
    await buildSolution([folder], path.join(dir, 'b.zip'), OPTIONS);
    expect(readFileSync(path.join(dir, 'a.zip')).equals(readFileSync(path.join(dir, 'b.zip')))).toBe(true);
  });

  const LF_SCRIPT = 'public class Script : ScriptBase\n{\n}\n';
  it.each([
    ['CRLF', 'public class Script : ScriptBase\r\n{\r\n}\r\n'],
    ['LF', LF_SCRIPT],
    ['mixed', 'public class Script : ScriptBase\r\n{\n}\r\n'],
  ])(
    'builds a script.csx written with %s line endings with LF ones, and extraction leaves the file as it is',
    async (_, script) => {
      const folder = connectorFolder('Scripted', { script, properties: { scriptOperations: ['ListItems'] } });
      const dir = temp.make();
      const zip = path.join(dir, 'out.zip');
      await buildSolution([folder], zip, OPTIONS);
      const entries = await readZip(zip);
      // As git commits it where the checkout converts line endings: one zip for every checkout.
      expect(entries.get('Connector/contoso_scripted_customcodeblobcontent.csx')?.toString('latin1')).toBe(
        LF_SCRIPT,
      );
      // Nothing of the build's own bookkeeping reaches the solution.
      expect([...entries.keys()].filter((name) => /LineEndings/i.test(name))).toEqual([]);
      const root = path.join(dir, 'repository');
      mkdirSync(root);
      const [extracted] = await extractConnectors(zip, root);
      expect(readFileSync(path.join(root, extracted!.folder, 'script.csx'), 'latin1')).toBe(LF_SCRIPT);
      // Back into the folder it was built from: a script that differs only in line endings is kept.
      const [again] = await extractConnectors(zip, path.dirname(folder));
      expect(path.join(path.dirname(folder), again!.folder)).toBe(folder);
      expect(readFileSync(path.join(folder, 'script.csx'), 'latin1')).toBe(script);
    },
  );

  it('builds the same zip from a CRLF checkout of a script as from an LF one', async () => {
    const dir = temp.make();
    const crlf = connectorFolder('Scripted', {
      script: 'public class Script : ScriptBase\r\n{\r\n}\r\n',
      properties: { scriptOperations: ['ListItems'] },
    });
    const lf = connectorFolder('Scripted', {
      script: LF_SCRIPT,
      properties: { scriptOperations: ['ListItems'] },
    });
    await buildSolution([crlf], path.join(dir, 'crlf.zip'), OPTIONS);
    await buildSolution([lf], path.join(dir, 'lf.zip'), OPTIONS);
    expect(readFileSync(path.join(dir, 'crlf.zip')).equals(readFileSync(path.join(dir, 'lf.zip')))).toBe(
      true,
    );
  });

  it.each([
    [
      'a byte-order mark',
      Buffer.from('\uFEFFpublic class Script : ScriptBase\r\n{\r\n}\r\n'),
      '\uFEFF' + LF_SCRIPT,
    ],
    // Not UTF-8 (Windows-1252 é): CR LF left alone, as validation reports the encoding.
    [
      'bytes that are not UTF-8',
      Buffer.from('// caf\xe9\r\npublic class Script : ScriptBase {}\r\n', 'latin1'),
      '// caf\xe9\r\npublic class Script : ScriptBase {}\r\n',
    ],
  ])('keeps %s in a built script', async (_, bytes, built) => {
    const folder = connectorFolder('Scripted', { properties: { scriptOperations: ['ListItems'] } });
    writeFileSync(path.join(folder, 'script.csx'), bytes);
    const zip = path.join(temp.make(), 'out.zip');
    await buildSolution([folder], zip, OPTIONS);
    const entry = (await readZip(zip)).get('Connector/contoso_scripted_customcodeblobcontent.csx');
    expect(entry?.equals(Buffer.from(built, built.startsWith('\uFEFF') ? 'utf8' : 'latin1'))).toBe(true);
  });

  it('is a solution that unpack reads back, connectors included', async () => {
    const zip = path.join(temp.make(), 'out.zip');
    await buildSolution([connectorFolder('One'), connectorFolder('Two')], zip, OPTIONS);
    const result = await unpackSolution(zip, path.join(temp.make(), 'src'));
    expect(result).toMatchObject({
      uniqueName: 'ContosoConnectors',
      version: '1.2.0.0',
      managed: '0',
      connectors: ['contoso_one', 'contoso_two'],
    });
  });

  it.each([
    [{ ...OPTIONS, uniqueName: 'has space' }, "'has space' is not a solution unique name."],
    [{ ...OPTIONS, version: '1' }, "'1' is not a solution version."],
    [{ ...OPTIONS, publisher: { ...OPTIONS.publisher, prefix: 'x' } }, "'x' is not a customization prefix."],
  ])('refuses bad options before writing anything', async (options, message) => {
    const dir = temp.make();
    await expect(buildSolution([connectorFolder('Any')], path.join(dir, 'out.zip'), options)).rejects.toThrow(
      message,
    );
  });

  // The title names the connector in Dataverse and its name is derived from it: spaces around it are
  // no part of either. The description is what the connector list shows under that name.
  it("takes the display name and description from the API definition's info, the title trimmed", async () => {
    const folder = connectorFolder('Spaced', {
      info: { title: '  Contoso Tasks\n', description: 'Plan, assign and track work items.' },
    });
    const zip = path.join(temp.make(), 'out.zip');
    const built = await buildSolution([folder], zip, OPTIONS);
    expect(built.map(({ name, displayName }) => ({ name, displayName }))).toEqual([
      { name: 'contoso_contoso-20tasks', displayName: 'Contoso Tasks' },
    ]);
    const customizations = parseXml(
      (await readZip(zip)).get('customizations.xml')!.toString(),
      'customizations.xml',
    );
    const connector = childElements(firstChild(customizations, 'Connectors')!)[0]!;
    expect(textOf(firstChild(connector, 'displayname')!)).toBe('Contoso Tasks');
    expect(textOf(firstChild(connector, 'description')!)).toBe('Plan, assign and track work items.');
  });

  it('refuses a connector whose info.title is blank, at its API definition', async () => {
    const folder = connectorFolder('Blank', { info: { title: ' \t ' } });
    const swaggerFile = path.join(folder, 'apiDefinition.swagger.json');
    const out = temp.make();
    const error = await buildSolution([folder], path.join(out, 'out.zip'), OPTIONS).catch((e: unknown) => e);
    expect(locatedMessage(error)).toBe(
      `${swaggerFile}: has no info.title; the connector needs a display name.`,
    );
    expect(readdirSync(out)).toEqual([]);
  });

  it('names the file when a connector folder has malformed JSON', async () => {
    const folder = connectorFolder('Broken');
    writeFileSync(path.join(folder, 'apiProperties.json'), '{"properties": {');
    const error = await buildSolution([folder], path.join(temp.make(), 'out.zip'), OPTIONS).catch(
      (e: unknown) => e,
    );
    expect(locatedMessage(error)).toMatch(/Broken\/apiProperties.json:1:17: invalid JSON/);
  });

  it('names every folder it cannot build, in the order given, and writes nothing', async () => {
    // It stopped at the first bad folder, so a maker fixed one folder per run.
    const broken = connectorFolder('Broken');
    writeFileSync(path.join(broken, 'apiDefinition.swagger.json'), '{"swagger": "2.0",\n  "info": }');
    const notConnector = path.join(temp.make(), 'Notes');
    mkdirSync(notConnector);
    writeFileSync(path.join(notConnector, 'readme.md'), '# Notes\n');
    const zip = path.join(temp.make(), 'out.zip');
    const folders = [connectorFolder('Good One'), broken, connectorFolder('Good Two'), notConnector];
    const error = await buildSolution(folders, zip, OPTIONS).catch((e: unknown) => e);
    // A folder that is no connector folder is a usage error (exit code 2), the worse of the two.
    expect(error).toBeInstanceOf(UsageError);
    const each = [error as UserError, ...((error as UserError).also ?? [])];
    expect(each.map(locatedMessage)).toEqual([
      expect.stringMatching(/^\S*Broken\/apiDefinition\.swagger\.json:2:11: invalid JSON/),
      `${notConnector}: has no apiDefinition.swagger.json; it is not a connector folder.`,
    ]);
    expect(existsSync(zip)).toBe(false);
    expect(readdirSync(path.dirname(zip))).toEqual([]);
  });

  it('gives a single bad folder among good ones as it is, exit code 1 when it is one of content', async () => {
    const broken = connectorFolder('Broken');
    writeFileSync(path.join(broken, 'apiProperties.json'), '{"properties": {');
    const folders = [connectorFolder('Good'), broken];
    const error = await buildSolution(folders, path.join(temp.make(), 'out.zip'), OPTIONS).catch(
      (e: unknown) => e,
    );
    expect(error).not.toBeInstanceOf(UsageError);
    expect((error as UserError).also).toBeUndefined();
    expect(locatedMessage(error)).toMatch(/Broken\/apiProperties.json:1:17: invalid JSON/);
  });

  /** The error building `folder` gives, with the folder shown as the location, and its hint. */
  async function refusalOf(folder: string): Promise<{ error: UserError; text: string }> {
    const error = (await buildSolution([folder], path.join(temp.make(), 'out.zip'), OPTIONS).catch(
      (e: unknown) => e,
    )) as UserError;
    return { error, text: `${locatedMessage(error)} ${error.hint}` };
  }

  it('names the misnamed swagger a folder has instead of apiDefinition.swagger.json, exit code 1', async () => {
    // It said the folder had no swagger and was "not a connector folder" (exit code 2), of
    // upstream's Influenza and Covid-19 (apiDefination.swagger.json) and nBold (openapidefinition.json).
    for (const misnamed of [
      'apiDefination.swagger.json',
      'openapidefinition.json',
      'CQC-Connector.swagger.json',
    ]) {
      const folder = connectorFolder('Misnamed');
      renameSync(path.join(folder, 'apiDefinition.swagger.json'), path.join(folder, misnamed));
      const { error, text } = await refusalOf(folder);
      expect(error).not.toBeInstanceOf(UsageError);
      expect(text).toBe(
        `${folder}: has no apiDefinition.swagger.json, but has '${misnamed}'. Rename it to apiDefinition.swagger.json.`,
      );
    }
  });

  it('names every misnamed copy of apiProperties.json, and a folder by that name is none', async () => {
    const folder = connectorFolder('Properties');
    renameSync(path.join(folder, 'apiProperties.json'), path.join(folder, 'apiProperty.json'));
    writeFileSync(path.join(folder, 'api-properties.json'), '{}');
    mkdirSync(path.join(folder, 'apiproperties.json.d'));
    const { error, text } = await refusalOf(folder);
    expect(error).not.toBeInstanceOf(UsageError);
    expect(text).toBe(
      `${folder}: has no apiProperties.json, but has 'api-properties.json' and 'apiProperty.json'. Rename the one that is the connector's to apiProperties.json.`,
    );
  });

  it('locates a byte that is not UTF-8 by line and column, with the Windows-1252 character it is', async () => {
    // It gave the byte offset (577), which no editor goes to, and not what the byte was.
    const folder = connectorFolder('Ansi');
    const file = path.join(folder, 'apiProperties.json');
    // Saved as "ANSI": é is the one byte 0xE9, the rest is ASCII.
    const text = readFileSync(file, 'utf8').replace('"Contoso"', '"Contoso Café"');
    writeFileSync(file, Buffer.from(text, 'latin1'));
    expect(text.split('\n')[12]).toBe('    "publisher": "Contoso Café",');
    const { error, text: said } = await refusalOf(folder);
    expect(error.location).toEqual({ file, line: 13, column: 30 });
    expect(said).toBe(
      `${file}:13:30: is not valid UTF-8 (byte 0xE9, 'é' in Windows-1252). Save the file as UTF-8.`,
    );
  });

  it('refuses two folders that define the same connector, located at the second, naming the first from cwd', async () => {
    const [first, second] = [connectorFolder('Twin'), connectorFolder('Twin')];
    const cwd = path.dirname(first);
    const error = await buildSolution([first, second], path.join(temp.make(), 'out.zip'), {
      ...OPTIONS,
      cwd,
    }).catch((e: unknown) => e);
    // The connector's name (in parentheses) is derived from the title; the folders are what matter here.
    const text = locatedMessage(error);
    expect(text.startsWith(`${second}: defines the connector 'Twin' (`)).toBe(true);
    expect(text.endsWith(`), as ${path.relative(cwd, first)} does.`)).toBe(true);
    expect((error as UserError).hint).toBe('Give each connector folder once.');
  });

  // contoso_<title>_policytemplateinstances.json is its longest part: 8 + 218 + 29 = 255 bytes, as
  // long as a file name of Linux and macOS may be.
  it('builds a title whose part file names are 255 bytes long, and refuses one a byte longer', async () => {
    const zip = path.join(temp.make(), 'out.zip');
    const [built] = await buildSolution([connectorFolder('a'.repeat(218))], zip, OPTIONS);
    expect((await readZip(zip)).has(`Connector/${built!.name}_policytemplateinstances.json`)).toBe(true);
    const longer = connectorFolder('x', { info: { title: 'a'.repeat(219) } });
    await expect(buildSolution([longer], path.join(temp.make(), 'out.zip'), OPTIONS)).rejects.toThrow(
      'gives its solution parts file names of up to 256 bytes, longer than the 255 bytes',
    );
  });

  it("carries apiProperties.json's policy templates and connection parameter sets, and the icon, into their parts", async () => {
    const policies = [
      {
        templateId: 'setheader',
        title: 'Version',
        parameters: { 'x-ms-apimTemplateParameter.name': 'api-version' },
      },
    ];
    const sets = {
      uiDefinition: { displayName: 'How to connect' },
      values: [{ name: 'key', parameters: {} }],
    };
    const zip = path.join(temp.make(), 'out.zip');
    const folder = connectorFolder('Tasks', {
      properties: { policyTemplateInstances: policies, connectionParameterSets: sets },
    });
    const icon = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    writeFileSync(path.join(folder, 'icon.png'), icon);
    await buildSolution([folder], zip, OPTIONS);
    const entries = await readZip(zip);
    expect(entries.get('Connector/contoso_tasks_policytemplateinstances.json')!.toString()).toBe(
      JSON.stringify(policies),
    );
    expect(entries.get('Connector/contoso_tasks_connectionparametersets.json')!.toString()).toBe(
      JSON.stringify(sets),
    );
    // Named as exports name it, with the extension in that case.
    expect(entries.get('Connector/contoso_tasks_iconblob.Png')).toEqual(icon);
    // Extracted into a new folder: the carried keys in their order, indented by two spaces.
    const root = temp.make();
    const [extracted] = await extractConnectors(zip, root);
    expect(readFileSync(path.join(root, extracted!.folder, 'apiProperties.json'), 'utf8')).toBe(
      `${JSON.stringify(
        {
          properties: {
            connectionParameters: {
              api_key: { type: 'securestring', uiDefinition: { displayName: 'API key' } },
            },
            connectionParameterSets: sets,
            iconBrandColor: '#da3b01',
            policyTemplateInstances: policies,
          },
        },
        null,
        2,
      )}\n`,
    );
  });

  /** The error building `folder` alone gives. */
  async function buildError(folder: string): Promise<UserError> {
    return (await buildSolution([folder], path.join(temp.make(), 'out.zip'), OPTIONS).catch(
      (e: unknown) => e,
    )) as UserError;
  }

  // The folder extract-connectors wrote into, given for a connector folder in it: its connector folders
  // (a swagger in any case) are named, by name, three at most, the rest left to "…".
  it('names the connector folders inside a folder given for one, up to three', async () => {
    const parent = temp.make();
    const add = (name: string, swagger = 'apiDefinition.swagger.json'): void => {
      mkdirSync(path.join(parent, name));
      writeFileSync(path.join(parent, name, swagger), '{}');
      writeFileSync(path.join(parent, name, 'readme.md'), `# ${name}\n`);
    };
    const said = async (): Promise<[string, string | undefined, boolean]> => {
      const error = await buildError(parent);
      return [error.message, error.hint, error instanceof UsageError];
    };
    mkdirSync(path.join(parent, 'docs'));
    writeFileSync(path.join(parent, 'docs', 'readme.md'), '# Not a connector\n');
    writeFileSync(path.join(parent, 'notes.txt'), 'A file.\n');
    const notAConnector = 'has no apiDefinition.swagger.json; it is not a connector folder.';
    expect(await said()).toEqual([
      notAConnector,
      'Give a connector folder: the one that holds apiDefinition.swagger.json and apiProperties.json.',
      true,
    ]);
    add('Tasks', 'apidefinition.swagger.json');
    expect(await said()).toEqual([
      notAConnector,
      'It holds the connector folder Tasks: give that folder.',
      true,
    ]);
    add('Notes');
    add('Calendar');
    expect(await said()).toEqual([
      notAConnector,
      'It holds 3 connector folders (Calendar, Notes, Tasks): give those to build into the solution.',
      true,
    ]);
    add('Approvals');
    expect(await said()).toEqual([
      notAConnector,
      'It holds 4 connector folders (Approvals, Calendar, Notes, …): give those to build into the solution.',
      true,
    ]);
  });

  it('says of a connector folder given that is a file, or missing, what it is, as a usage error', async () => {
    const dir = temp.make();
    writeFileSync(path.join(dir, 'Tasks'), 'a file');
    const hint =
      'Give a connector folder: the one that holds apiDefinition.swagger.json and apiProperties.json.';
    const file = await buildError(path.join(dir, 'Tasks'));
    expect([file instanceof UsageError, locatedMessage(file), file.hint]).toEqual([
      true,
      `${path.join(dir, 'Tasks')}: is not a folder.`,
      hint,
    ]);
    const missing = await buildError(path.join(dir, 'Notes'));
    expect([missing instanceof UsageError, missing.message, missing.hint]).toEqual([
      true,
      'does not exist.',
      hint,
    ]);
  });

  // As validate finds them: apiDefinition.swagger.yaml anywhere; another swagger name (openapi.yaml)
  // beside apiProperties.json only, as a folder of other YAML files is no connector folder.
  it('names the swagger written in YAML that a folder has instead of the JSON one', async () => {
    const yamlIn = (files: string[]): string => {
      const folder = temp.make();
      for (const file of files)
        writeFileSync(path.join(folder, file), file.endsWith('.json') ? '{}' : 'a: 1\n');
      return folder;
    };
    const yaml = (name: string): string =>
      `has no apiDefinition.swagger.json, which a connector folder needs: its swagger, ${name}, is written in YAML, which build-solution does not read.`;
    const alone = await buildError(yamlIn(['apiDefinition.swagger.yaml']));
    expect([alone.message, alone instanceof UsageError]).toEqual([yaml('apiDefinition.swagger.yaml'), false]);
    const beside = await buildError(yamlIn(['openapi.yaml', 'apiProperties.json']));
    expect(beside.message).toBe(yaml('openapi.yaml'));
    const other = await buildError(yamlIn(['openapi.yaml', 'config.yaml']));
    expect([other.message, other instanceof UsageError]).toEqual([
      'has no apiDefinition.swagger.json; it is not a connector folder.',
      true,
    ]);
  });

  it('asks for a connector folder when given none, and writes nothing', async () => {
    const dir = temp.make();
    await expect(buildSolution([], path.join(dir, 'out.zip'), OPTIONS)).rejects.toThrow(
      'Give at least one connector folder.',
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('derives names with the escaping seen in exports', () => {
    expect(connectorNameFor('ba', 'API-Football')).toBe('ba_api-2dfootball');
    expect(connectorNameFor('admin', 'Office 365 Management API')).toBe(
      'admin_office-20365-20management-20api',
    );
  });

  it('escapes every byte of a display name but a lower-case letter or digit, as two hex digits', () => {
    // A tab is one byte below 0x10; é is two bytes in UTF-8.
    expect(connectorNameFor('contoso', 'Café\tBar 2019')).toBe('contoso_caf-c3-a9-09bar-202019');
  });

  // The id of a connector built before: the same GUID from every build and every version, or an
  // import of the rebuilt solution adds a second connector instead of updating the first.
  it('derives the same version-5 GUID from a connector name as every earlier build did', () => {
    expect(connectorIdFor('contoso_tasks')).toBe('2f83dbf4-776b-5f75-9b21-c9d9243c31ec');
    expect(connectorIdFor('cat_human-2din-2dthe-2dloop')).toBe('2cd5ab91-984e-5f10-9800-c9497e7335f2');
  });
});
