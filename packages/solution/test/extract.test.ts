import { afterAll, expect, it } from '@jest/globals';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { UserError } from '@connector-alm/core';
import path from 'node:path';
import { validateFolder } from '@connector-alm/validator';
import { buildSolution, extractConnectors, unpackSolution } from '../src/index.js';
import { describeWith, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { hashTree, readZip } from './helpers/trees.js';
import { HIL_CONNECTOR, withConnectorCopies } from './helpers/connector-copies.js';
import { managedTwinOf, rezippedWithBackslashes, temporaryFolders, variantOf } from './helpers/zips.js';
import { locatedMessage } from '@connector-alm/testing';

const temp = temporaryFolders('extract-');
afterAll(() => temp.cleanup());

const AOAI = 'AzureOpenAIServiceCustomConnector/AzureOpenAIServiceCustomConnector_1_0_0_1_managed.zip';
const HIL = 'customHIL/customHIL_1_0_0_3.zip';
const INSTAGRAM = 'InstagramBasicDisplay/InstagramBasicDisplay.zip';

const json = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

/** The `properties` of the apiProperties.json in a connector folder. */
const propertiesIn = (folder: string): Record<string, unknown> =>
  json(path.join(folder, 'apiProperties.json')).properties as Record<string, unknown>;

describeWith(SOLUTION_FIXTURES, 'real solution export')('extract-connectors on real exports', () => {
  it('writes the PowerPlatformConnectors layout, one folder named after the display name', async () => {
    const root = temp.make();
    const [result] = await extractConnectors(fixturePath(AOAI), root);
    expect(result).toMatchObject({
      name: 'ppchal_azureopenaiservice',
      folder: 'AzureOpenAIService',
      warnings: [],
    });
    expect(readdirSync(path.join(root, 'AzureOpenAIService')).sort()).toEqual([
      'apiDefinition.swagger.json',
      'apiProperties.json',
      'icon.png',
      'readme.md',
      'script.csx',
    ]);
    const zip = await readZip(fixturePath(AOAI));
    const folder = path.join(root, 'AzureOpenAIService');
    expect(json(path.join(folder, 'apiDefinition.swagger.json'))).toEqual(
      JSON.parse(zip.get('Connector/ppchal_azureopenaiservice_openapidefinition.json')!.toString()),
    );
    expect(
      readFileSync(path.join(folder, 'apiDefinition.swagger.json'), 'utf8').startsWith(
        '{\n  "swagger": "2.0",',
      ),
    ).toBe(true);
    expect(
      readFileSync(path.join(folder, 'script.csx')).equals(
        zip.get('Connector/ppchal_azureopenaiservice_customcodeblobcontent.csx')!,
      ),
    ).toBe(true);
    expect(
      readFileSync(path.join(folder, 'icon.png')).equals(
        zip.get('Connector/ppchal_azureopenaiservice_iconblob.Png')!,
      ),
    ).toBe(true);
  });

  it('writes no icon.png into the independent-publisher layout, where a connector has none', async () => {
    const layout = path.join(temp.make(), 'independent-publisher-connectors');
    mkdirSync(layout);
    const [result] = await extractConnectors(fixturePath(AOAI), layout);
    expect(result!.warnings).toEqual([]);
    const folder = path.join(layout, 'AzureOpenAIService');
    expect(readdirSync(folder).sort()).toEqual([
      'apiDefinition.swagger.json',
      'apiProperties.json',
      'readme.md',
      'script.csx',
    ]);
    const validation = await validateFolder(folder, {});
    expect(validation.profile).toBe('independent-publisher');
    expect(validation.findings.filter((finding) => finding.ruleId === 'ICON-IP-NONE')).toEqual([]);
  });

  /** AzureOpenAIService extracted under independent-publisher-connectors, with the icon.png given beside. */
  async function independentPublisherFolderWithIcon(icon: Buffer): Promise<string> {
    const layout = path.join(temp.make(), 'independent-publisher-connectors');
    mkdirSync(layout);
    await extractConnectors(fixturePath(AOAI), layout);
    writeFileSync(path.join(layout, 'AzureOpenAIService', 'icon.png'), icon);
    return layout;
  }

  it('removes the icon.png an earlier extraction wrote into the independent-publisher layout', async () => {
    // What extraction wrote there before it stopped: the solution's icon, byte for byte.
    const elsewhere = temp.make();
    await extractConnectors(fixturePath(AOAI), elsewhere);
    const layout = await independentPublisherFolderWithIcon(
      readFileSync(path.join(elsewhere, 'AzureOpenAIService', 'icon.png')),
    );
    const [result] = await extractConnectors(fixturePath(AOAI), layout);
    // Deleted, so not among the files left as they are.
    expect(result).toMatchObject({ deleted: ['icon.png'], kept: [], warnings: [] });
    const folder = path.join(layout, 'AzureOpenAIService');
    expect(readdirSync(folder)).not.toContain('icon.png');
    const validation = await validateFolder(folder, {});
    expect(validation.findings.filter((finding) => finding.ruleId === 'ICON-IP-NONE')).toEqual([]);
  });

  it("keeps an icon.png in the independent-publisher layout that is not the solution's, with a warning", async () => {
    const own = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from("the maker's own"),
    ]);
    const layout = await independentPublisherFolderWithIcon(own);
    const [result] = await extractConnectors(fixturePath(AOAI), layout);
    expect(result!.deleted).toEqual([]);
    expect(result!.warnings).toEqual([
      "AzureOpenAIService/icon.png is left alone: it is not the icon of 'ppchal_azureopenaiservice' in the solution, the only one extraction removes here. An independent-publisher connector has no icon.png (validation reports it as ICON-IP-NONE): delete it.",
    ]);
    expect(readFileSync(path.join(layout, 'AzureOpenAIService', 'icon.png'))).toEqual(own);
  });

  it('reads a connector once from a folder unpacked with both package types', async () => {
    const root = temp.make();
    const unmanaged = path.join(root, 'HIL.zip');
    copyFileSync(fixturePath(HIL), unmanaged);
    const customizations = (await readZip(unmanaged)).get('customizations.xml')!.toString('utf8');
    await managedTwinOf(unmanaged, path.join(root, 'HIL_managed.zip'), {
      'customizations.xml': customizations.replace(
        /<description>[^<]*<\/description>/,
        '<description>Managed copy</description>',
      ),
    });
    await unpackSolution(unmanaged, path.join(root, 'src'), { packageType: 'both' });
    // The managed copy differs, so it sits beside the connector as Connectors/X_managed.xml.
    expect(readdirSync(path.join(root, 'src/Connectors'))).toContain(`${HIL_CONNECTOR}_managed.xml`);
    const results = await extractConnectors(path.join(root, 'src'), path.join(root, 'out'));
    expect(results.map((result) => [result.name, result.folder])).toEqual([
      [HIL_CONNECTOR, 'Human-in-the-Loop'],
    ]);
  });

  it('reads connectors whose own names end in _managed, from one export or from both', async () => {
    const root = temp.make();
    const names = [`${HIL_CONNECTOR}_managed`, 'cat_solo_managed'];
    const unmanaged = await withConnectorCopies(fixturePath(HIL), path.join(root, 'HIL.zip'), names);
    await managedTwinOf(unmanaged, path.join(root, 'HIL_managed.zip'));
    await unpackSolution(unmanaged, path.join(root, 'one'));
    await unpackSolution(unmanaged, path.join(root, 'both'), { packageType: 'both' });
    for (const source of [unmanaged, path.join(root, 'one'), path.join(root, 'both')]) {
      const results = await extractConnectors(source, temp.make());
      expect([source, results.map((result) => result.name).sort()]).toEqual([
        source,
        [HIL_CONNECTOR, ...names],
      ]);
    }
  });

  it('assembles apiProperties.json from the connector columns', async () => {
    const root = temp.make();
    await extractConnectors(fixturePath(AOAI), root);
    const properties = propertiesIn(path.join(root, 'AzureOpenAIService'));
    expect(Object.keys(properties)).toEqual([
      'connectionParameters',
      'iconBrandColor',
      'policyTemplateInstances',
      'scriptOperations',
    ]);
    expect(properties.iconBrandColor).toBe('#007ee5');
    expect(properties.scriptOperations).toEqual(['ChatCompletion', 'CreateCompletion']);
    expect((properties.connectionParameters as Record<string, unknown>).api_key).toMatchObject({
      type: 'securestring',
    });
    expect((properties.policyTemplateInstances as Array<Record<string, unknown>>)[0]).toMatchObject({
      templateId: 'dynamichosturl',
      title: 'Route to Azure OpenAI Service',
    });
  });

  // Exports write a connector without a colour as <iconbrandcolor></iconbrandcolor>: no colour, not
  // the colour "", which would stand in apiProperties.json as one set to nothing.
  it('leaves iconBrandColor out of apiProperties.json for a connector whose colour is empty', async () => {
    const xml = (await readZip(fixturePath(AOAI))).get('customizations.xml')!.toString();
    const zip = await variantOf(fixturePath(AOAI), path.join(temp.make(), 'no-colour.zip'), {
      'customizations.xml': xml.replace(
        '<iconbrandcolor>#007ee5</iconbrandcolor>',
        '<iconbrandcolor></iconbrandcolor>',
      ),
    });
    const root = temp.make();
    await extractConnectors(zip, root);
    const properties = propertiesIn(path.join(root, 'AzureOpenAIService'));
    expect(Object.keys(properties)).toEqual([
      'connectionParameters',
      'policyTemplateInstances',
      'scriptOperations',
    ]);
  });

  // The file is the maker's: what it holds beside "properties" is theirs too.
  it('keeps the keys of an apiProperties.json beside properties', async () => {
    const root = temp.make();
    const folder = path.join(root, 'AzureOpenAIService');
    mkdirSync(folder);
    writeFileSync(
      path.join(folder, 'apiProperties.json'),
      JSON.stringify({ $comment: 'kept by hand', properties: { publisher: 'Contoso' } }, null, 2),
    );
    await extractConnectors(fixturePath(AOAI), root);
    const written = json(path.join(folder, 'apiProperties.json'));
    expect(Object.keys(written)).toEqual(['$comment', 'properties']);
    expect(written.$comment).toBe('kept by hand');
  });

  it('turns PascalCase policy template keys of older exports into the repository camelCase', async () => {
    const pascal =
      '[{"TemplateId":"dynamichosturl","Title":"host","Parameters":{"x-ms-apimTemplateParameter.urlTemplate":"https://@connectionParameters(\'host\')"}}]';
    const zip = await variantOf(fixturePath(HIL), path.join(temp.make(), 'pascal.zip'), {
      'Connector/cat_human-2din-2dthe-2dloop_policytemplateinstances.json': pascal,
    });
    const root = temp.make();
    await extractConnectors(zip, root);
    const properties = propertiesIn(path.join(root, 'Human-in-the-Loop'));
    expect(properties.policyTemplateInstances).toEqual([
      {
        templateId: 'dynamichosturl',
        title: 'host',
        parameters: { 'x-ms-apimTemplateParameter.urlTemplate': "https://@connectionParameters('host')" },
      },
    ]);
  });

  it('extracts the same folders from an export re-zipped by hand with PowerShell 5.1, whose names use backslashes', async () => {
    const rezipped = await rezippedWithBackslashes(fixturePath(AOAI), path.join(temp.make(), 'aoai.zip'));
    const original = temp.make();
    const windows = temp.make();
    await extractConnectors(fixturePath(AOAI), original);
    const [result] = await extractConnectors(rezipped, windows);
    expect(result).toMatchObject({ name: 'ppchal_azureopenaiservice', folder: 'AzureOpenAIService' });
    expect(await hashTree(windows)).toEqual(await hashTree(original));
  });

  it('reads an unpacked solution folder as well as a zip, with the same result', async () => {
    const fromZip = temp.make();
    const fromFolder = temp.make();
    const unpacked = path.join(temp.make(), 'src');
    await unpackSolution(fixturePath(INSTAGRAM), unpacked);
    await extractConnectors(fixturePath(INSTAGRAM), fromZip);
    await extractConnectors(unpacked, fromFolder);
    const [folder] = readdirSync(fromZip);
    for (const file of readdirSync(path.join(fromZip, folder!))) {
      expect(
        readFileSync(path.join(fromFolder, folder!, file)).equals(
          readFileSync(path.join(fromZip, folder!, file)),
        ),
      ).toBe(true);
    }
  });

  it('keeps what a person wrote when updating a folder: readme, publisher, stackOwner, capabilities, other files', async () => {
    const root = temp.make();
    const folder = path.join(root, 'AzureOpenAIService');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'Readme.md'), '# My readme\n');
    writeFileSync(path.join(folder, 'settings.json'), '{"apiDefinition":"apiDefinition.swagger.json"}');
    writeFileSync(
      path.join(folder, 'apiProperties.json'),
      JSON.stringify(
        {
          properties: {
            publisher: 'Contoso',
            iconBrandColor: '#000000',
            capabilities: ['actions'],
            stackOwner: 'Contoso Ltd',
            connectionParameters: {},
          },
        },
        null,
        2,
      ),
    );
    const [result] = await extractConnectors(fixturePath(AOAI), root);
    expect(result!.written).not.toContain('readme.md');
    expect(readFileSync(path.join(folder, 'Readme.md'), 'utf8')).toBe('# My readme\n');
    expect(readdirSync(folder)).not.toContain('readme.md');
    expect(readFileSync(path.join(folder, 'settings.json'), 'utf8')).toContain('apiDefinition');
    const properties = propertiesIn(folder);
    expect(Object.keys(properties)).toEqual([
      'publisher',
      'iconBrandColor',
      'capabilities',
      'stackOwner',
      'connectionParameters',
      'policyTemplateInstances',
      'scriptOperations',
    ]);
    expect(properties).toMatchObject({
      publisher: 'Contoso',
      stackOwner: 'Contoso Ltd',
      capabilities: ['actions'],
      iconBrandColor: '#007ee5',
    });
  });

  it('keeps what a person wrote in an apiProperties.json named in another case', async () => {
    // On Windows and macOS ApiProperties.json is the file apiProperties.json: not read, it was replaced.
    const root = temp.make();
    const folder = path.join(root, 'AzureOpenAIService');
    mkdirSync(folder);
    writeFileSync(
      path.join(folder, 'ApiProperties.json'),
      JSON.stringify({ properties: { publisher: 'Contoso', stackOwner: 'Contoso Ltd' } }),
    );
    await extractConnectors(fixturePath(AOAI), root);
    const properties = propertiesIn(folder);
    expect(properties).toMatchObject({ publisher: 'Contoso', stackOwner: 'Contoso Ltd' });
  });

  it('extracts folders that pass validate apart from their content findings', async () => {
    for (const zip of [AOAI, HIL, INSTAGRAM]) {
      const root = temp.make();
      const [result] = await extractConnectors(fixturePath(zip), root);
      const validation = await validateFolder(path.join(root, result!.folder), { profile: 'custom' });
      expect([zip, validation.findings.filter((finding) => finding.severity === 'error')]).toEqual([zip, []]);
    }
  });

  it('refuses a solution whose connector JSON is malformed and writes no folder', async () => {
    const zip = await variantOf(fixturePath(HIL), path.join(temp.make(), 'bad.zip'), {
      'Connector/cat_human-2din-2dthe-2dloop_openapidefinition.json': '{"swagger": "2.0",',
    });
    const root = temp.make();
    const error = await extractConnectors(zip, root).catch((e: unknown) => e);
    expect(locatedMessage(error)).toMatch(
      /Connector\/cat_human-2din-2dthe-2dloop_openapidefinition.json:1:19: invalid JSON: property name expected\.$/,
    );
    expect(readdirSync(root)).toEqual([]);
  });

  // It was located at bad.zip/Connectors/<name>.xml, a file the zip does not have: in a zip the
  // <Connector> element is in customizations.xml.
  it('locates bad inline <scriptoperations> JSON of a zip at its customizations.xml', async () => {
    const customizations = (await readZip(fixturePath(HIL))).get('customizations.xml')!.toString('utf8');
    const zip = await variantOf(fixturePath(HIL), path.join(temp.make(), 'bad.zip'), {
      'customizations.xml': customizations.replace(
        '</displayname>',
        '</displayname><scriptoperations>[\n  "a",\n]</scriptoperations>',
      ),
    });
    const root = temp.make();
    const error = await extractConnectors(zip, root).catch((e: unknown) => e);
    expect(locatedMessage(error)).toBe(
      `${zip}/customizations.xml: <scriptoperations> of connector ${HIL_CONNECTOR} (line 3, column 1 of it): invalid JSON: value expected.`,
    );
    expect(readdirSync(root)).toEqual([]);
  });

  it('refuses connector JSON nested thousands of levels deep and writes no folder', async () => {
    // Strict JSON, which JSON.parse reads; writing apiProperties.json with JSON.stringify overflowed the stack.
    const deep = `{"api_key": ${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const zip = await variantOf(fixturePath(HIL), path.join(temp.make(), 'deep.zip'), {
      'Connector/cat_human-2din-2dthe-2dloop_connectionparameters.json': deep,
    });
    const root = temp.make();
    const error = await extractConnectors(zip, root).catch((e: unknown) => e);
    expect(locatedMessage(error)).toMatch(
      /Connector\/cat_human-2din-2dthe-2dloop_connectionparameters.json:1:268: invalid JSON: nested more than 256 levels deep\.$/,
    );
    expect(readdirSync(root)).toEqual([]);
  });

  it('names the unpacked solution inside a pac solution project given instead (its src/)', async () => {
    const project = fixturePath('AzureOpenAIServiceCustomConnector/unpacked');
    const root = temp.make();
    const error = await extractConnectors(project, root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(locatedMessage(error)).toBe(
      `${project}: is neither a solution zip nor an unpacked solution folder (no Other/Solution.xml).`,
    );
    expect((error as UserError).hint).toBe('It holds one in src: give that folder.');
    expect(readdirSync(root)).toEqual([]);
  });

  it('stages a zip outside its folder, so a read-only folder of exports is enough', async () => {
    const exports = temp.make();
    const zip = path.join(exports, 'solution.zip');
    copyFileSync(fixturePath(HIL), zip);
    // Root ignores the mode, so the folder is also watched: nothing may appear in it, even briefly.
    chmodSync(exports, 0o555);
    const seen: string[] = [];
    const watcher = watch(exports, (_event, name) => seen.push(String(name)));
    try {
      const [result] = await extractConnectors(zip, temp.make());
      expect(result!.written).toContain('apiDefinition.swagger.json');
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      watcher.close();
      chmodSync(exports, 0o755);
    }
    expect(seen).toEqual([]);
    expect(readdirSync(exports)).toEqual(['solution.zip']);
  });

  it('names an apiProperties.json that is not an object, as a user error with a hint', async () => {
    const root = temp.make();
    mkdirSync(path.join(root, 'AzureOpenAIService'));
    const file = path.join(root, 'AzureOpenAIService', 'apiProperties.json');
    writeFileSync(file, '[]\n');
    const error = await extractConnectors(fixturePath(AOAI), root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(locatedMessage(error)).toBe(`${file}: is not a JSON object.`);
    expect((error as UserError).hint).toContain('{"properties"');
    expect(readFileSync(file, 'utf8')).toBe('[]\n');
  });

  it('says what to do about bad JSON in the apiProperties.json of the folder it would merge into', async () => {
    // The repository's file, not the solution's: exporting the solution again would not mend it.
    const root = temp.make();
    mkdirSync(path.join(root, 'AzureOpenAIService'));
    const file = path.join(root, 'AzureOpenAIService', 'apiProperties.json');
    writeFileSync(file, '{\n  "properties": {},\n}\n');
    const error = await extractConnectors(fixturePath(AOAI), root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(locatedMessage(error)).toBe(`${file}:3:1: invalid JSON: property name expected.`);
    expect((error as UserError).hint).toBe(
      'Fix the JSON in the file; connector-alm validate on its folder shows each error and the edit that fixes it. ' +
        'Or move it away to have a new one written.',
    );
    expect(readFileSync(file, 'utf8')).toBe('{\n  "properties": {},\n}\n');
  });

  it('refuses an apiProperties.json of the folder that is not UTF-8 at its byte, and leaves it as it was', async () => {
    // Saved as Windows-1252: merged, the publisher came back as "Soci\uFFFDt\uFFFD", the maker's text lost.
    const root = temp.make();
    mkdirSync(path.join(root, 'AzureOpenAIService'));
    const file = path.join(root, 'AzureOpenAIService', 'apiProperties.json');
    const bytes = Buffer.from(
      '{\n  "properties": {\n    "publisher": "Soci\u00e9t\u00e9"\n  }\n}\n',
      'latin1',
    );
    writeFileSync(file, bytes);
    const error = await extractConnectors(fixturePath(AOAI), root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).location).toMatchObject({ file, line: 3, column: 23 });
    expect((error as UserError).message).toContain('0xE9');
    expect(readFileSync(file)).toEqual(bytes);
  });

  it('refuses a destination that is a file, or a connector folder that is a file, naming it', async () => {
    const dir = temp.make();
    const file = path.join(dir, 'some-file');
    writeFileSync(file, 'mine');
    const error = await extractConnectors(fixturePath(AOAI), file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(locatedMessage(error)).toBe(`${file}: exists and is not a folder.`);
    const below = await extractConnectors(fixturePath(AOAI), path.join(file, 'below')).catch(
      (e: unknown) => e,
    );
    expect(locatedMessage(below)).toBe(
      `${file}: is a file, not a folder, so below cannot be made inside it.`,
    );
    const root = temp.make();
    writeFileSync(path.join(root, 'AzureOpenAIService'), 'mine');
    const connector = await extractConnectors(fixturePath(AOAI), root).catch((e: unknown) => e);
    expect(locatedMessage(connector)).toBe(
      `${path.join(root, 'AzureOpenAIService')}: exists and is not a folder.`,
    );
    expect(readFileSync(file, 'utf8')).toBe('mine');
    expect(readdirSync(root)).toEqual(['AzureOpenAIService']);
  });

  it('finds no connector in a solution without one', async () => {
    expect(
      await extractConnectors(
        fixturePath('ColumnLevelSecurity/ColumnLevelSecuritySampleSolution.zip'),
        temp.make(),
      ),
    ).toEqual([]);
  });
});

it('refuses a solution whose two connectors map to one folder, located at the solution, writing nothing', async () => {
  // "Contoso Tasks." loses its trailing dot as a folder name (Windows drops it), so both are
  // "Contoso Tasks"; their connector names differ, so the solution itself is valid.
  const folders = ['Contoso Tasks', 'Contoso Tasks.'].map((title) => {
    const folder = path.join(temp.make(), 'connector');
    mkdirSync(folder);
    const swagger = { swagger: '2.0', info: { title, version: '1.0' }, host: 'api.contoso.com', paths: {} };
    writeFileSync(path.join(folder, 'apiDefinition.swagger.json'), JSON.stringify(swagger));
    writeFileSync(path.join(folder, 'apiProperties.json'), JSON.stringify({ properties: {} }));
    return folder;
  });
  const zip = path.join(temp.make(), 'Contoso.zip');
  const built = await buildSolution(folders, zip, {
    uniqueName: 'Contoso',
    version: '1.0.0.0',
    publisher: { uniqueName: 'Contoso', prefix: 'contoso', displayName: 'Contoso' },
  });
  const [a, b] = built.map((connector) => connector.name);
  const root = temp.make();
  const error = await extractConnectors(zip, root).catch((e: unknown) => e);
  // Named in the order the solution lists them.
  const said = (first?: string, second?: string) =>
    `${zip}: has connectors '${first}' and '${second}' that would both be extracted to 'Contoso Tasks'.`;
  expect([said(a, b), said(b, a)]).toContain(locatedMessage(error));
  expect(readdirSync(root)).toEqual([]);
});

describeWith(SOLUTION_FIXTURES, 'real solution export')(
  'extract-connectors on a broken unpacked solution',
  () => {
    /** customHIL unpacked, with one file of its connector changed. */
    async function unpackedWith(change: (connectors: string, files: string[]) => void): Promise<string> {
      const src = path.join(temp.make(), 'src');
      await unpackSolution(fixturePath(HIL), src);
      const connectors = path.join(src, 'Connectors');
      change(connectors, readdirSync(connectors));
      return src;
    }

    it('locates bad JSON in a side file at that file, line and column (it was at a name that is no file)', async () => {
      let file = '';
      const src = await unpackedWith((connectors, files) => {
        file = path.join(
          connectors,
          files.find((name) => name.endsWith('_connectionparameters.json'))!,
        );
        writeFileSync(file, '{\n  "a": 1,\n}');
      });
      const error = await extractConnectors(src, temp.make()).catch((e: unknown) => e);
      expect(locatedMessage(error)).toBe(`${file}:3:1: invalid JSON: property name expected.`);
    });

    it('locates bad JSON in the API definition at its file (it was at a name that is no file)', async () => {
      let file = '';
      const src = await unpackedWith((connectors, files) => {
        file = path.join(
          connectors,
          files.find((name) => name.endsWith('_openapidefinition.json'))!,
        );
        writeFileSync(file, '{\n  "swagger": "2.0",\n}');
      });
      const error = await extractConnectors(src, temp.make()).catch((e: unknown) => e);
      expect(locatedMessage(error)).toBe(`${file}:3:1: invalid JSON: property name expected.`);
      writeFileSync(file, Buffer.from([0x7b, 0xff, 0x7d]));
      const notUtf8 = await extractConnectors(src, temp.make()).catch((e: unknown) => e);
      expect((notUtf8 as UserError).location?.file).toBe(file);
    });

    it('refuses a connector without an API definition, naming it, and writes no folder', async () => {
      const src = await unpackedWith((connectors, files) => {
        const file = path.join(
          connectors,
          files.find((name) => name.endsWith('.xml'))!,
        );
        const xml = readFileSync(file, 'utf8');
        const without = xml.replace(/ *<openapidefinition>[^<]*<\/openapidefinition>\r?\n/, '');
        expect(without).not.toBe(xml);
        writeFileSync(file, without);
      });
      const root = temp.make();
      const error = await extractConnectors(src, root).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).message).toBe(
        `Connector '${HIL_CONNECTOR}' has no API definition (openapidefinition) in the solution.`,
      );
      // At the connector's XML, as the errors in its other values are.
      const connectors = path.join(src, 'Connectors');
      expect((error as UserError).location?.file).toBe(
        path.join(
          connectors,
          readdirSync(connectors).find((name) => name.endsWith('.xml'))!,
        ),
      );
      expect((error as UserError).hint).toContain('<openapidefinition>');
      expect(readdirSync(root)).toEqual([]);
    });

    it('takes a <scriptoperations> of white space alone for no list', async () => {
      const src = await unpackedWith((connectors, files) => {
        const file = path.join(
          connectors,
          files.find((name) => name.endsWith('.xml'))!,
        );
        const xml = readFileSync(file, 'utf8');
        writeFileSync(
          file,
          xml.replace('</displayname>', '</displayname>\n  <scriptoperations>\n  </scriptoperations>'),
        );
      });
      const root = temp.make();
      const [connector] = await extractConnectors(src, root);
      expect(propertiesIn(path.join(root, connector!.folder))).not.toHaveProperty('scriptOperations');
    });

    it('locates bad inline <scriptoperations> JSON at the connector XML, its position in words', async () => {
      let file = '';
      const src = await unpackedWith((connectors, files) => {
        file = path.join(
          connectors,
          files.find((name) => name.endsWith('.xml'))!,
        );
        const xml = readFileSync(file, 'utf8');
        writeFileSync(
          file,
          xml.replace('</displayname>', '</displayname><scriptoperations>[\n  "a",\n]</scriptoperations>'),
        );
      });
      const error = await extractConnectors(src, temp.make()).catch((e: unknown) => e);
      expect(locatedMessage(error)).toBe(
        `${file}: <scriptoperations> of connector cat_human-2din-2dthe-2dloop (line 3, column 1 of it): invalid JSON: value expected.`,
      );
    });
  },
);
