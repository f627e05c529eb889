import { describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import { describeFixes, fixJsonSlips } from '../../src/fix/fix-folders.js';
import type { Finding, Profile } from '../../src/model/finding.js';
import { validatePaths } from '../../src/validate.js';
import { validApiProperties, validSwagger } from '../helpers/valid-connector.js';

// validate --fix writes the values whose right form a finding names for sure (x-ms-visibility
// `Advanced` as `advanced`, an integer's default "10" as 10, a label's trailing period left out, an
// apiProperties enum value in other case): through real files, validated again after the fix.

const TREES: Record<Profile, string> = {
  certified: 'certified-connectors',
  'independent-publisher': 'independent-publisher-connectors',
  custom: 'custom-connectors',
};

interface Connector {
  root: string;
  swagger: string;
  properties: string;
  /** Paths as findings and fixes name them. */
  swaggerPath: string;
  propertiesPath: string;
}

/** A repository-like tree with one connector of the profile, its files written as given. */
function connector(
  swagger: string | Buffer,
  properties = pretty(validApiProperties()),
  profile: Profile = 'certified',
): Connector {
  const root = temporaryFolder('fix-values-');
  const folder = path.join(root, TREES[profile], 'Contoso');
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'apiDefinition.swagger.json'), swagger);
  writeFileSync(path.join(folder, 'apiProperties.json'), properties);
  return {
    root,
    swagger: path.join(folder, 'apiDefinition.swagger.json'),
    properties: path.join(folder, 'apiProperties.json'),
    swaggerPath: path.join(TREES[profile], 'Contoso', 'apiDefinition.swagger.json'),
    propertiesPath: path.join(TREES[profile], 'Contoso', 'apiProperties.json'),
  };
}

const pretty = (value: unknown): string => JSON.stringify(value, null, 2);

const FIXING_RULES = [
  'SWG-VISIBILITY-ENUM',
  'SWG-DEFAULT-TYPE',
  'SWG-ENUM-TYPE',
  'SWG-FORMAT',
  'SWG-COLLECTIONFORMAT',
  'SWG-END-ALNUM',
  'SWG-INFO-TITLE-END',
  'SWG-XMS-UNKNOWN',
  'PROP-OAUTH-REDIRECT',
  'PROP-OAUTH-IDP',
  'PROP-CP-TYPE',
  'PROP-CAPABILITIES',
  'SWG-API-STATUS',
  'SWG-META-CATEGORY',
  'SWG-META-URL',
  'SWG-PARAM-IN-ENUM',
  'SWG-PATH-MISSING-PARAM',
  'SWG-JSONTYPE',
  'SWG-JSONENUM',
  'SWG-PATH-PARAM-REQUIRED',
  'PROP-BRAND-FORMAT',
  'SWG-HOST',
  'SWG-BASEPATH',
  'SWG-SCHEMES-VALID',
  'GEN-JSON-PARSE',
];

async function findingsOf(root: string): Promise<Finding[]> {
  const { findings } = await validatePaths(['.'], { cwd: root, concurrency: 'off' });
  return findings.filter((finding) => FIXING_RULES.includes(finding.ruleId));
}

/** The findings of the rules that name a value, as `rule pointer`, and whether each says --fix writes it. */
async function valueFindings(root: string): Promise<string[]> {
  return (await findingsOf(root)).map(
    (finding) =>
      `${finding.ruleId} ${finding.pointer ?? `line ${finding.line}`}${/`connector-alm validate --fix` writes .+\.$/.test(finding.message) ? ' (--fix writes it)' : ''}`,
  );
}

/** The swagger with a mistake of every kind a finding names the fix of, and the swagger as meant. */
function swaggerWithValueSlips(): { slipped: Record<string, any>; meant: Record<string, any> } {
  const build = (slipped: boolean): Record<string, any> => {
    const swagger = validSwagger();
    const parameter = swagger.paths['/tasks'].get.parameters[0];
    parameter['x-ms-visibility'] = slipped ? 'Advanced' : 'advanced';
    parameter['x-ms-summary'] = slipped ? 'Status:' : 'Status';
    swagger.paths['/tasks'].get.parameters.push({
      name: 'top',
      in: 'query',
      type: 'integer',
      default: slipped ? '10' : 10,
      enum: slipped ? ['10', '50'] : [10, 50],
      'x-ms-summary': 'Top',
      description: 'How many tasks to list.',
    });
    swagger.info.title = slipped ? 'Contoso Tasks.' : 'Contoso Tasks';
    return swagger;
  };
  return { slipped: build(true), meant: build(false) };
}

describe('validate --fix writes the values whose right form a finding names', () => {
  it('writes each such value of the swagger, keeps the rest of the file byte for byte, and the findings go', async () => {
    const { slipped, meant } = swaggerWithValueSlips();
    const files = connector(pretty(slipped));
    // In the order of their lines.
    expect(await valueFindings(files.root)).toEqual([
      'SWG-INFO-TITLE-END /info/title (--fix writes it)',
      'SWG-END-ALNUM /paths/~1tasks/get/parameters/0/x-ms-summary (--fix writes it)',
      'SWG-VISIBILITY-ENUM /paths/~1tasks/get/parameters/0/x-ms-visibility (--fix writes it)',
      'SWG-DEFAULT-TYPE /paths/~1tasks/get/parameters/1/default (--fix writes it)',
      'SWG-ENUM-TYPE /paths/~1tasks/get/parameters/1/enum/0 (--fix writes it)',
      'SWG-ENUM-TYPE /paths/~1tasks/get/parameters/1/enum/1 (--fix writes it)',
    ]);
    const visibility = (await findingsOf(files.root)).find(
      (finding) => finding.ruleId === 'SWG-VISIBILITY-ENUM',
    );
    expect(visibility!.message).toBe(
      "Write x-ms-visibility in lower case: 'advanced' instead of 'Advanced'. `connector-alm validate --fix` writes \"advanced\".",
    );
    // The fix is the finding's, as data: it never shows in the findings.
    expect(visibility).not.toHaveProperty('fix');

    const report = await fixJsonSlips(['.'], { cwd: files.root });
    expect(report).toEqual({
      fixed: [{ file: files.swaggerPath, slips: 0, keys: 0, values: 6 }],
      notFixed: [],
    });
    expect(describeFixes(report)).toEqual([`fixed 6 values in ${files.swaggerPath}`]);
    expect(readFileSync(files.swagger, 'utf8')).toBe(pretty(meant));
    expect(await valueFindings(files.root)).toEqual([]);
  });

  it("writes apiProperties' enum values in the case the schema spells them", async () => {
    const properties = validApiProperties();
    const parameters = properties.properties.connectionParameters;
    parameters.token = {
      type: 'oAuthSetting',
      oAuthSettings: {
        identityProvider: 'AAD',
        clientId: 'client',
        scopes: [],
        redirectMode: 'globalPerConnector',
        redirectUrl: 'https://global.consent.azure-apim.net/redirect',
        properties: { IsFirstParty: 'False', AzureActiveDirectoryResourceId: 'https://contoso.com' },
      },
    };
    // Four merged connectors list "Actions"; "Workflows" is no capability in any case.
    properties.properties.capabilities = ['Actions', 'Workflows'];
    const slipped = pretty(properties);
    const files = connector(pretty(validSwagger()), slipped);
    expect(await valueFindings(files.root)).toEqual([
      'PROP-CP-TYPE /properties/connectionParameters/token/type (--fix writes it)',
      'PROP-OAUTH-IDP /properties/connectionParameters/token/oAuthSettings/identityProvider (--fix writes it)',
      'PROP-OAUTH-REDIRECT /properties/connectionParameters/token/oAuthSettings/redirectMode (--fix writes it)',
      'PROP-CAPABILITIES /properties/capabilities/0 (--fix writes it)',
      'PROP-CAPABILITIES /properties/capabilities/1',
    ]);
    const report = await fixJsonSlips(['.'], { cwd: files.root });
    expect(report.fixed).toEqual([{ file: files.propertiesPath, slips: 0, keys: 0, values: 4 }]);
    expect(readFileSync(files.properties, 'utf8')).toBe(
      slipped
        .replace('"oAuthSetting"', '"oauthSetting"')
        .replace('"AAD"', '"aad"')
        .replace('"globalPerConnector"', '"GlobalPerConnector"')
        .replace('"Actions"', '"actions"'),
    );
    // Written right, the provider and mode are judged on: aad wants its resource, and
    // GlobalPerConnector gets the note about Microsoft's pipeline. No value is misspelled any more.
    expect(await valueFindings(files.root)).toEqual([
      'PROP-OAUTH-IDP /properties/connectionParameters/token/oAuthSettings/customParameters/resourceUri',
      'PROP-OAUTH-REDIRECT /properties/connectionParameters/token/oAuthSettings/redirectMode',
      'PROP-CAPABILITIES /properties/capabilities/1',
    ]);
  });

  // Ten merged connectors write "production", and a few "website" or "Social media": the schema and
  // Microsoft's category list are case-sensitive, and the finding names the spelling.
  it('writes the status and the categories in the case the schema and the category list spell them', async () => {
    const swagger = validSwagger();
    swagger.info['x-ms-api-annotation'] = { status: 'production' };
    swagger.paths['/tasks'].get['x-ms-api-annotation'] = { status: 'preview' };
    const categories = swagger['x-ms-connector-metadata'].find(
      (entry: { propertyName: string }) => entry.propertyName === 'Categories',
    );
    // A category in no case of the list stays as written: which one was meant is the maker's call.
    categories.propertyValue = 'website; social media;Widgets';
    const slipped = pretty(swagger);
    const files = connector(slipped);
    expect(await valueFindings(files.root)).toEqual([
      'SWG-API-STATUS /info/x-ms-api-annotation/status (--fix writes it)',
      'SWG-API-STATUS /paths/~1tasks/get/x-ms-api-annotation/status (--fix writes it)',
      'SWG-META-CATEGORY /x-ms-connector-metadata/2/propertyValue (--fix writes it)',
      'SWG-META-CATEGORY /x-ms-connector-metadata/2/propertyValue (--fix writes it)',
      'SWG-META-CATEGORY /x-ms-connector-metadata/2/propertyValue',
    ]);
    const report = await fixJsonSlips(['.'], { cwd: files.root });
    expect(report.fixed).toEqual([{ file: files.swaggerPath, slips: 0, keys: 0, values: 3 }]);
    expect(readFileSync(files.swagger, 'utf8')).toBe(
      slipped
        .replace('"production"', '"Production"')
        .replace('"preview"', '"Preview"')
        .replace('"website; social media;Widgets"', '"Website; Social Media;Widgets"'),
    );
    expect(await valueFindings(files.root)).toEqual([
      'SWG-META-CATEGORY /x-ms-connector-metadata/2/propertyValue',
    ]);
  });

  it("writes a parameter's location in the case Swagger spells it, read where it is meant before", async () => {
    const swagger = validSwagger();
    const meant = pretty(swagger);
    swagger.paths['/tasks/{taskId}'].get.parameters[0].in = 'Path';
    swagger.paths['/tasks'].post.parameters = [{ name: 'file', in: 'formdata', type: 'file' }];
    const files = connector(pretty(swagger));
    // No path variable is told missing: the parameter fills it, as meant.
    expect(await valueFindings(files.root)).toEqual([
      'SWG-PARAM-IN-ENUM /paths/~1tasks/post/parameters/0/in (--fix writes it)',
      'SWG-PARAM-IN-ENUM /paths/~1tasks~1{taskId}/get/parameters/0/in (--fix writes it)',
    ]);
    const report = await fixJsonSlips(['.'], { cwd: files.root });
    expect(report.fixed).toEqual([{ file: files.swaggerPath, slips: 0, keys: 0, values: 2 }]);
    const fixed = JSON.parse(readFileSync(files.swagger, 'utf8'));
    expect(fixed.paths['/tasks'].post.parameters[0].in).toBe('formData');
    fixed.paths['/tasks'].post.parameters = JSON.parse(meant).paths['/tasks'].post.parameters;
    expect(pretty(fixed)).toBe(meant);
    expect(await valueFindings(files.root)).toEqual([]);
  });

  it('writes a string that stands for the boolean or number Swagger wants, and a type in other case', async () => {
    const build = (slipped: boolean): string => {
      const swagger = validSwagger();
      swagger.paths['/tasks/{taskId}'].get.parameters[0].required = slipped ? 'true' : true;
      swagger.definitions.Task.properties.title = {
        type: slipped ? 'String' : 'string',
        maxLength: slipped ? '100' : 100,
        'x-ms-summary': 'Title',
        description: 'The title of the task.',
      };
      return pretty(swagger);
    };
    const files = connector(build(true));
    // The path parameter is required as meant: SWG-PATH-PARAM-REQUIRED says nothing of it.
    expect(await valueFindings(files.root)).toEqual([
      'SWG-JSONTYPE /paths/~1tasks~1{taskId}/get/parameters/0/required (--fix writes it)',
      'SWG-JSONENUM /definitions/Task/properties/title/type (--fix writes it)',
      'SWG-JSONTYPE /definitions/Task/properties/title/maxLength (--fix writes it)',
    ]);
    const report = await fixJsonSlips(['.'], { cwd: files.root });
    expect(report.fixed).toEqual([{ file: files.swaggerPath, slips: 0, keys: 0, values: 3 }]);
    expect(readFileSync(files.swagger, 'utf8')).toBe(build(false));
    expect(await valueFindings(files.root)).toEqual([]);
  });

  it("writes the '#' of a brand colour written without it", async () => {
    const properties = validApiProperties();
    const meant = pretty(properties);
    properties.properties.iconBrandColor = properties.properties.iconBrandColor.slice(1);
    const files = connector(pretty(validSwagger()), pretty(properties));
    expect(await valueFindings(files.root)).toEqual([
      'PROP-BRAND-FORMAT /properties/iconBrandColor (--fix writes it)',
    ]);
    const report = await fixJsonSlips(['.'], { cwd: files.root });
    expect(report.fixed).toEqual([{ file: files.propertiesPath, slips: 0, keys: 0, values: 1 }]);
    expect(readFileSync(files.properties, 'utf8')).toBe(meant);
    expect(await valueFindings(files.root)).toEqual([]);
  });

  it('writes the host, basePath and scheme that a host written as a URL, a basePath without its slash and HTTPS mean', async () => {
    const swagger = validSwagger();
    const meant = pretty(swagger);
    swagger.host = `https://${swagger.host}`;
    swagger.basePath = swagger.basePath.slice(1);
    swagger.schemes = ['HTTPS'];
    const files = connector(pretty(swagger));
    expect(await valueFindings(files.root)).toEqual([
      'SWG-HOST /host (--fix writes it)',
      'SWG-BASEPATH /basePath (--fix writes it)',
      'SWG-SCHEMES-VALID /schemes/0 (--fix writes it)',
    ]);
    const report = await fixJsonSlips(['.'], { cwd: files.root });
    expect(report.fixed).toEqual([{ file: files.swaggerPath, slips: 0, keys: 0, values: 3 }]);
    expect(readFileSync(files.swagger, 'utf8')).toBe(meant);
    expect(await valueFindings(files.root)).toEqual([]);
  });

  it('writes the list a string written for one stands for, as the file writes its lists', async () => {
    const build = (slipped: boolean): Record<string, any> => {
      const swagger = validSwagger();
      const list = (entries: string[], written: string) => (slipped ? written : entries);
      swagger.consumes = list(['application/json'], 'application/json');
      swagger.schemes = list(['https'], 'HTTPS');
      swagger.paths['/tasks'].get.produces = list(
        ['application/json', 'text/plain'],
        'application/json, text/plain',
      );
      swagger.paths['/tasks'].get.tags = list(['Tasks'], 'Tasks');
      swagger.definitions.Task.required = list(['id', 'title'], 'id, title');
      return swagger;
    };
    const files = connector(pretty(build(true)));
    // One finding each: CreateTask, which sends a body, is not also told it declares no MIME type,
    // nor the scheme told to be written in lower case, as the list named writes it.
    const findings = await validatePaths(['.'], { cwd: files.root, concurrency: 'off' });
    expect(findings.findings.filter((finding) => finding.ruleId === 'SWG-CONSUMES')).toEqual([]);
    expect(await valueFindings(files.root)).toEqual([
      'SWG-JSONTYPE /schemes (--fix writes it)',
      'SWG-JSONTYPE /consumes (--fix writes it)',
      'SWG-JSONTYPE /paths/~1tasks/get/produces (--fix writes it)',
      'SWG-JSONTYPE /paths/~1tasks/get/tags (--fix writes it)',
      'SWG-JSONTYPE /definitions/Task/required (--fix writes it)',
    ]);
    const report = await fixJsonSlips(['.'], { cwd: files.root });
    expect(report.fixed).toEqual([{ file: files.swaggerPath, slips: 0, keys: 0, values: 5 }]);
    // JSON.stringify's layout, an entry a line, is the file's: the lists written read as its own.
    expect(readFileSync(files.swagger, 'utf8')).toBe(pretty(build(false)));
    expect(await valueFindings(files.root)).toEqual([]);
  });

  it("writes a parameter's type, format and collectionFormat in other case, and the one type of a type list", async () => {
    const build = (slipped: boolean): string => {
      const swagger = validSwagger();
      swagger.paths['/tasks'].get.parameters.push({
        name: 'top',
        in: 'query',
        type: slipped ? 'Integer' : 'integer',
        format: slipped ? 'Int32' : 'int32',
        default: 20,
        'x-ms-summary': 'Top',
        description: 'How many tasks to list.',
      });
      swagger.paths['/tasks'].get.parameters.push({
        name: 'ids',
        in: 'query',
        type: 'array',
        items: { type: 'string' },
        collectionFormat: slipped ? 'CSV' : 'csv',
        'x-ms-summary': 'IDs',
        description: 'The tasks to list.',
      });
      // Parse JSON's schema of a value that may be missing, pasted in.
      swagger.definitions.Task.properties.title.type = slipped ? ['string', 'null'] : 'string';
      return pretty(swagger);
    };
    const files = connector(build(true));
    // The default of 20 is of the type meant: SWG-DEFAULT-TYPE says nothing of it.
    expect(await valueFindings(files.root)).toEqual([
      'SWG-PARAM-IN-ENUM /paths/~1tasks/get/parameters/1/type (--fix writes it)',
      'SWG-FORMAT /paths/~1tasks/get/parameters/1/format (--fix writes it)',
      'SWG-COLLECTIONFORMAT /paths/~1tasks/get/parameters/2/collectionFormat (--fix writes it)',
      'SWG-JSONTYPE /definitions/Task/properties/title/type (--fix writes it)',
    ]);
    const report = await fixJsonSlips(['.'], { cwd: files.root });
    expect(report.fixed).toEqual([{ file: files.swaggerPath, slips: 0, keys: 0, values: 4 }]);
    expect(readFileSync(files.swagger, 'utf8')).toBe(build(false));
    expect(await valueFindings(files.root)).toEqual([]);
  });

  it("renames a misspelled 'basepath' and writes its slash in one run", async () => {
    const swagger = validSwagger();
    const meant = pretty(swagger);
    const files = connector(meant.replace('"basePath": "/v1"', '"basepath": "v1"'));
    const report = await fixJsonSlips(['.'], { cwd: files.root });
    expect(report.fixed).toEqual([{ file: files.swaggerPath, slips: 0, keys: 1, values: 1 }]);
    expect(readFileSync(files.swagger, 'utf8')).toBe(meant);
  });

  // Merged connectors write `www.in-d.ai`, `hhttps://…` and `https://https://…` for their links.
  it('writes the URL a link clearly meant, and leaves one that names no URL', async () => {
    const swagger = validSwagger();
    const [website, privacy] = swagger['x-ms-connector-metadata'];
    website.propertyValue = 'www.contoso.com';
    privacy.propertyValue = 'https://https://contoso.com/privacy';
    swagger.info.contact.url = 'htpts://support.contoso.com';
    swagger.externalDocs = { url: 'Not Available' };
    const slipped = pretty(swagger);
    const files = connector(slipped);
    expect(await valueFindings(files.root)).toEqual([
      'SWG-META-URL /info/contact/url (--fix writes it)',
      'SWG-META-URL /x-ms-connector-metadata/0/propertyValue (--fix writes it)',
      'SWG-META-URL /x-ms-connector-metadata/1/propertyValue (--fix writes it)',
      'SWG-META-URL /externalDocs/url',
    ]);
    const report = await fixJsonSlips(['.'], { cwd: files.root });
    expect(report.fixed).toEqual([{ file: files.swaggerPath, slips: 0, keys: 0, values: 3 }]);
    expect(readFileSync(files.swagger, 'utf8')).toBe(
      slipped
        .replace('"www.contoso.com"', '"https://www.contoso.com"')
        .replace('"https://https://contoso.com/privacy"', '"https://contoso.com/privacy"')
        .replace('"htpts://support.contoso.com"', '"https://support.contoso.com"'),
    );
    expect(await valueFindings(files.root)).toEqual(['SWG-META-URL /externalDocs/url']);
  });

  it('writes what the findings name for sure, and no more', async () => {
    const swagger = validSwagger();
    const [status] = swagger.paths['/tasks'].get.parameters;
    // A label that is all punctuation has nothing left to write; "hidden" is no visibility in
    // another case; "010" and "1e3" are integers only in a form the maker may have meant.
    status['x-ms-summary'] = ' .';
    status['x-ms-visibility'] = 'hidden';
    swagger.paths['/tasks'].get.parameters.push(
      { name: 'a', in: 'query', type: 'integer', default: '010', 'x-ms-summary': 'A', description: 'A.' },
      { name: 'b', in: 'query', type: 'number', default: '1e3', 'x-ms-summary': 'B', description: 'B.' },
      // Labelled by x-ms-enum-values as strings: typed alone, the labels would label nothing.
      {
        name: 'c',
        in: 'query',
        type: 'boolean',
        enum: ['true', 'false'],
        'x-ms-enum-values': [
          { value: 'true', displayName: 'Yes' },
          { value: 'false', displayName: 'No' },
        ],
        'x-ms-summary': 'C',
        description: 'C.',
      },
    );
    // A title that ends in a dash once its period is gone is still no name.
    swagger.info.title = 'Contoso -.';
    const text = pretty(swagger);
    const files = connector(text);
    expect(
      (await valueFindings(files.root)).filter((finding) => finding.endsWith('(--fix writes it)')),
    ).toEqual([]);
    expect(await fixJsonSlips(['.'], { cwd: files.root })).toEqual({ fixed: [], notFixed: [] });
    expect(readFileSync(files.swagger, 'utf8')).toBe(text);
  });

  it("keeps an independent publisher's '(Independent Publisher)' after the name it writes", async () => {
    const swagger = validSwagger();
    swagger.info.title = 'Contoso Tasks. (Independent Publisher)';
    const files = connector(pretty(swagger), undefined, 'independent-publisher');
    expect(await valueFindings(files.root)).toEqual(['SWG-INFO-TITLE-END /info/title (--fix writes it)']);
    await fixJsonSlips(['.'], { cwd: files.root });
    expect(JSON.parse(readFileSync(files.swagger, 'utf8')).info.title).toBe(
      'Contoso Tasks (Independent Publisher)',
    );
  });

  it('renames a misspelled key first, then writes its value, which validate judges as under the key spelled right', async () => {
    const swagger = validSwagger();
    swagger.paths['/tasks'].get.parameters[0]['x-ms-visibility'] = 'Advanced';
    const meant = pretty(swagger);
    const files = connector(meant.replace('"x-ms-visibility": "Advanced"', '"x-ms-visibilty": "Advanced"'));
    // Both in one run, at the key as written: the value's finding is not left for the run after the rename.
    expect(await valueFindings(files.root)).toEqual([
      'SWG-VISIBILITY-ENUM /paths/~1tasks/get/parameters/0/x-ms-visibilty (--fix writes it)',
      'SWG-XMS-UNKNOWN /paths/~1tasks/get/parameters/0/x-ms-visibilty',
    ]);
    const report = await fixJsonSlips(['.'], { cwd: files.root });
    expect(report.fixed).toEqual([{ file: files.swaggerPath, slips: 0, keys: 1, values: 1 }]);
    expect(describeFixes(report)).toEqual([
      `fixed 1 misspelled key and 1 value in ${files.swaggerPath}`,
      'note: the renamed key takes effect now, as a misspelled key never did: read the renames (git diff) before committing; validate --base reports one that breaks existing flows.',
    ]);
    expect(readFileSync(files.swagger, 'utf8')).toBe(meant.replace('"Advanced"', '"advanced"'));
  });

  it('fixes the syntax slips first, then writes the values; BOM and CR LF kept', async () => {
    const { slipped, meant } = swaggerWithValueSlips();
    const crlf = (text: string): string => text.replace(/\n/g, '\r\n');
    const withSlip = crlf(pretty(slipped)).replace('"https"\r\n  ]', '"https",\r\n  ]');
    expect(withSlip).toContain('"https",');
    const files = connector(Buffer.from(`\ufeff${withSlip}`, 'utf8'));
    const report = await fixJsonSlips(['.'], { cwd: files.root });
    expect(describeFixes(report)).toEqual([`fixed 1 JSON slip and 6 values in ${files.swaggerPath}`]);
    expect(readFileSync(files.swagger)).toEqual(Buffer.from(`\ufeff${crlf(pretty(meant))}`, 'utf8'));
  });

  it('writes no value of a file whose syntax it cannot fix, and says so in its reason; its findings do not say --fix writes them', async () => {
    const { slipped } = swaggerWithValueSlips();
    const text = pretty(slipped).replace('"host": "api.contoso.com"', '"host": ');
    const files = connector(text);
    expect(
      (await valueFindings(files.root)).filter((finding) => finding.endsWith('(--fix writes it)')),
    ).toEqual([]);
    const { fixed, notFixed } = await fixJsonSlips(['.'], { cwd: files.root });
    expect(fixed).toEqual([]);
    expect(notFixed).toEqual([
      {
        file: files.swaggerPath,
        reason: expect.stringContaining(
          'Its 6 values (at /paths/~1tasks/get/parameters/0/x-ms-summary, /info/title, /paths/~1tasks/get/parameters/0/x-ms-visibility and 3 more) were not written either: values are written only in a file that is strict JSON; run validate --fix again once its syntax is fixed.',
        ),
      },
    ]);
    expect(readFileSync(files.swagger, 'utf8')).toBe(text);
  });

  it('names three of the values it leaves in such a file, and how many more, from four values on', async () => {
    const swagger = validSwagger();
    const parameter = swagger.paths['/tasks'].get.parameters[0];
    parameter['x-ms-visibility'] = 'Advanced';
    parameter['x-ms-summary'] = 'Status:';
    swagger.paths['/tasks'].get.parameters.push({ name: 'top', in: 'query', type: 'integer', default: '10' });
    swagger.info.title = 'Contoso Tasks.';
    const files = connector(pretty(swagger).replace('"host": "api.contoso.com"', '"host": '));
    const { notFixed } = await fixJsonSlips(['.'], { cwd: files.root });
    expect(notFixed).toEqual([
      {
        file: files.swaggerPath,
        reason: expect.stringMatching(
          /Its 4 values \(at [^,]+, [^,]+, [^,]+ and 1 more\) were not written either/,
        ),
      },
    ]);
  });

  it('writes no value of a file that is not UTF-8, and says why', async () => {
    const swagger = validSwagger();
    swagger.paths['/tasks'].get.parameters[0]['x-ms-visibility'] = 'Advanced';
    swagger.info.contact.name = 'Caf\u00e9 Support';
    // The é written in Latin-1: one byte that is not UTF-8, in a file that is strict JSON.
    const bytes = Buffer.from(pretty(swagger), 'latin1');
    const files = connector(bytes);
    expect(await fixJsonSlips(['.'], { cwd: files.root })).toEqual({
      fixed: [],
      notFixed: [
        {
          file: files.swaggerPath,
          reason:
            'it is not valid UTF-8 (GEN-ENCODING), so its value at /paths/~1tasks/get/parameters/0/x-ms-visibility was not written: written back, the bytes that are not UTF-8 would be lost; save it as UTF-8 first.',
        },
      ],
    });
    expect(readFileSync(files.swagger)).toEqual(bytes);
  });

  it('changes nothing the second time', async () => {
    const files = connector(pretty(swaggerWithValueSlips().slipped));
    expect((await fixJsonSlips(['.'], { cwd: files.root })).fixed).toHaveLength(1);
    const once = { bytes: readFileSync(files.swagger), time: statSync(files.swagger).mtimeMs };
    expect(await fixJsonSlips(['.'], { cwd: files.root })).toEqual({ fixed: [], notFixed: [] });
    expect({ bytes: readFileSync(files.swagger), time: statSync(files.swagger).mtimeMs }).toEqual(once);
  });

  it('writes only what the rules that are on report: a rule turned off names no fix', async () => {
    const swagger = validSwagger();
    swagger.paths['/tasks'].get.parameters[0]['x-ms-visibility'] = 'Advanced';
    const text = pretty(swagger);
    const files = connector(text);
    const config = {
      path: path.join(files.root, '.connector-alm.yml'),
      ignore: [],
      rules: { 'SWG-VISIBILITY-ENUM': 'off' as const },
    };
    expect(await fixJsonSlips(['.'], { cwd: files.root, config })).toEqual({ fixed: [], notFixed: [] });
    expect(readFileSync(files.swagger, 'utf8')).toBe(text);
  });
});
