import { describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import { describeFixes, fixJsonSlips } from '../../src/fix/fix-folders.js';
import { fixJsonText } from '../../src/fix/json-fix.js';
import { renameKeys } from '../../src/fix/key-renames.js';
import { JsonDocument } from '../../src/json/json-document.js';
import { validatePaths } from '../../src/validate.js';
import { validApiProperties, validSwagger } from '../helpers/valid-connector.js';

// validate --fix renames the keys whose spelling SWG-ADDL-PROP, SWG-XMS-UNKNOWN or PROP-UNKNOWN-KEYS
// names, through real files: the file is written as a person leaves it, fixed, and validated again.

const SWAGGER = path.join('certified-connectors', 'Contoso', 'apiDefinition.swagger.json');

/** A repository-like tree with one certified connector whose swagger is `swagger`. */
function connector(swagger: string | Buffer): { root: string; file: string } {
  const root = temporaryFolder('fix-keys-');
  const folder = path.join(root, 'certified-connectors', 'Contoso');
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'apiDefinition.swagger.json'), swagger);
  writeFileSync(path.join(folder, 'apiProperties.json'), JSON.stringify(validApiProperties(), null, 2));
  return { root, file: path.join(folder, 'apiDefinition.swagger.json') };
}

const pretty = (value: unknown): string => JSON.stringify(value, null, 2);
const PRETTY = pretty(validSwagger());

/** The swagger with the (first) key `"from":` written `"to":`, as a slip of the hand leaves it. */
function misspelled(text: string, ...keys: [from: string, to: string][]): string {
  return keys.reduce((slipped, [from, to]) => {
    expect(slipped).toContain(`"${from}":`);
    return slipped.replace(`"${from}":`, `"${to}":`);
  }, text);
}

/** The findings of the rules that name a spelling, and the syntax ones, as `rule pointer-or-line`. */
async function keyFindings(root: string): Promise<string[]> {
  const { findings } = await validatePaths(['.'], { cwd: root, concurrency: 'off' });
  return findings
    .filter((finding) => ['SWG-ADDL-PROP', 'SWG-XMS-UNKNOWN', 'GEN-JSON-PARSE'].includes(finding.ruleId))
    .map((finding) => `${finding.ruleId} ${finding.pointer ?? `line ${finding.line}`}`);
}

describe('validate --fix renames the keys whose spelling a finding names', () => {
  it("SWG-ADDL-PROP: a Swagger field in the wrong case ('basepath') is spelled as Swagger spells it", async () => {
    const { root, file } = connector(misspelled(PRETTY, ['basePath', 'basepath']));
    expect(await keyFindings(root)).toEqual(['SWG-ADDL-PROP /basepath']);
    // The fix is the finding's, as data: it never shows in the findings.
    const { findings } = await validatePaths(['.'], { cwd: root, concurrency: 'off' });
    expect(findings.find((finding) => finding.ruleId === 'SWG-ADDL-PROP')).not.toHaveProperty('fix');

    const report = await fixJsonSlips(['.'], { cwd: root });
    expect(report).toEqual({ fixed: [{ file: SWAGGER, slips: 0, keys: 1, values: 0 }], notFixed: [] });
    expect(describeFixes(report)).toEqual([
      `fixed 1 misspelled key in ${SWAGGER}`,
      // basePath now moves every operation, which the misspelled key never did.
      'note: the renamed key takes effect now, as a misspelled key never did: read the renames (git diff) before committing; validate --base reports one that breaks existing flows.',
    ]);
    expect(readFileSync(file, 'utf8')).toBe(PRETTY);
    expect(await keyFindings(root)).toEqual([]);
  });

  it("SWG-XMS-UNKNOWN: an extension with one suggestion ('x-ms-summary title', 'x-ms-visibilty') is renamed to it", async () => {
    const swagger = validSwagger();
    const parameter = swagger.paths['/tasks'].get.parameters[0];
    parameter['x-ms-visibility'] = 'advanced';
    const meant = pretty(swagger);
    const { root, file } = connector(
      misspelled(meant, ['x-ms-summary', 'x-ms-summary title'], ['x-ms-visibility', 'x-ms-visibilty']),
    );
    expect(await keyFindings(root)).toEqual([
      'SWG-XMS-UNKNOWN /paths/~1tasks/get/parameters/0/x-ms-summary title',
      'SWG-XMS-UNKNOWN /paths/~1tasks/get/parameters/0/x-ms-visibilty',
    ]);
    const report = await fixJsonSlips(['.'], { cwd: root });
    expect(report).toEqual({ fixed: [{ file: SWAGGER, slips: 0, keys: 2, values: 0 }], notFixed: [] });
    expect(describeFixes(report)).toEqual([
      `fixed 2 misspelled keys in ${SWAGGER}`,
      'note: the 2 renamed keys take effect now, as a misspelled key never did: read the renames (git diff) before committing; validate --base reports one that breaks existing flows.',
    ]);
    expect(readFileSync(file, 'utf8')).toBe(meant);
    expect(await keyFindings(root)).toEqual([]);
  });

  it('leaves an extension that two known ones are as close to, though its message names one', async () => {
    // 'x-ms-dynamic-trst' is two edits from both x-ms-dynamic-list and x-ms-dynamic-tree.
    const swagger = validSwagger();
    swagger.paths['/tasks'].get.parameters[0]['x-ms-dynamic-trst'] = { operationId: 'ListTasks' };
    const text = pretty(swagger);
    const { root, file } = connector(text);
    const { findings } = await validatePaths(['.'], { cwd: root, concurrency: 'off' });
    expect(findings.find((finding) => finding.ruleId === 'SWG-XMS-UNKNOWN')?.message).toMatch(/Did you mean/);
    expect(await fixJsonSlips(['.'], { cwd: root })).toEqual({ fixed: [], notFixed: [] });
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it("PROP-UNKNOWN-KEYS: apiProperties' 'scriptOperation' is renamed to 'scriptOperations'", async () => {
    const { root } = connector(PRETTY);
    const file = path.join(path.dirname(path.join(root, SWAGGER)), 'apiProperties.json');
    const apiProperties = validApiProperties() as { properties: Record<string, unknown> };
    apiProperties.properties.scriptOperations = ['ListTasks'];
    const meant = pretty(apiProperties);
    writeFileSync(file, meant.replace('"scriptOperations":', '"scriptOperation":'));
    const unknownKeys = async () =>
      (await validatePaths(['.'], { cwd: root, concurrency: 'off' })).findings
        .filter((finding) => finding.ruleId === 'PROP-UNKNOWN-KEYS')
        .map((finding) => finding.pointer);
    expect(await unknownKeys()).toEqual(['/properties/scriptOperation']);
    const report = await fixJsonSlips(['.'], { cwd: root });
    const API_PROPERTIES = path.join(path.dirname(SWAGGER), 'apiProperties.json');
    expect(report).toEqual({ fixed: [{ file: API_PROPERTIES, slips: 0, keys: 1, values: 0 }], notFixed: [] });
    expect(readFileSync(file, 'utf8')).toBe(meant);
    expect(await unknownKeys()).toEqual([]);
  });

  it('renames a key of a nested schema whose pointer escapes "/" and "~"', async () => {
    const swagger = validSwagger();
    swagger.definitions['Task/v1~draft'] = {
      type: 'object',
      properties: { 'a/b': { type: 'string', description: 'A field.' } },
    };
    const meant = pretty(swagger);
    const slipped = meant.replace('"description": "A field."', '"Description": "A field."');
    expect(slipped).not.toBe(meant);
    const { root, file } = connector(slipped);
    expect(await keyFindings(root)).toEqual([
      'SWG-ADDL-PROP /definitions/Task~1v1~0draft/properties/a~1b/Description',
    ]);
    expect((await fixJsonSlips(['.'], { cwd: root })).fixed).toEqual([
      { file: SWAGGER, slips: 0, keys: 1, values: 0 },
    ]);
    expect(readFileSync(file, 'utf8')).toBe(meant);
    expect(await keyFindings(root)).toEqual([]);
  });

  it('leaves a key whose object already has the key it would become, and says so', async () => {
    const swagger = validSwagger();
    const text = pretty({ ...swagger, basepath: '/v2' });
    const { root, file } = connector(text);
    const before = statSync(file);
    const report = await fixJsonSlips(['.'], { cwd: root });
    expect(report).toEqual({
      fixed: [],
      notFixed: [{ file: SWAGGER, reason: expect.stringMatching(/already has 'basePath'/) }],
    });
    expect(describeFixes(report)).toEqual([
      `not fixed: ${SWAGGER}: 'basepath' at /basepath was not renamed to 'basePath': its object already has 'basePath'; merge the two by hand.`,
    ]);
    expect(readFileSync(file, 'utf8')).toBe(text);
    // Not even written again as it was: a file with nothing renamed keeps its time and inode.
    expect([statSync(file).ino, statSync(file).mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    expect(await keyFindings(root)).toEqual(['SWG-ADDL-PROP /basepath']);
  });

  it('leaves two keys of one object that would both become the same key, and renames the others', async () => {
    const swagger = validSwagger();
    delete swagger.basePath;
    const text = misspelled(pretty({ ...swagger, basepath: '/v1', BASEPATH: '/v2' }), ['host', 'Host']);
    const { root, file } = connector(text);
    const report = await fixJsonSlips(['.'], { cwd: root });
    expect(report).toEqual({
      fixed: [{ file: SWAGGER, slips: 0, keys: 1, values: 0 }],
      notFixed: [
        {
          file: SWAGGER,
          reason:
            "'basepath' and 'BASEPATH' at / were not renamed: each would become 'basePath'; keep one by hand.",
        },
      ],
    });
    expect(readFileSync(file, 'utf8')).toBe(text.replace('"Host":', '"host":'));
    expect(await keyFindings(root)).toEqual(['SWG-ADDL-PROP /basepath', 'SWG-ADDL-PROP /BASEPATH']);
  });

  it('leaves a misspelled key that its object repeats: renaming one would not rename the key', async () => {
    const text = PRETTY.replace('"basePath": "/v1",', '"basepath": "/v0",\n  "basepath": "/v1",');
    const { root, file } = connector(text);
    const report = await fixJsonSlips(['.'], { cwd: root });
    expect(report.fixed).toEqual([]);
    expect(report.notFixed).toEqual([{ file: SWAGGER, reason: expect.stringMatching(/repeated/) }]);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('renames in one run the keys that come to light under a key it renames (a misnamed `Parameters`)', async () => {
    // No rule reads the parameters under `Parameters` until it is renamed: their keys are misnamed
    // too, and one run of --fix renames all three, as the findings of one validate run said.
    const text = misspelled(
      PRETTY,
      ['parameters', 'Parameters'],
      ['in', 'In'],
      ['x-ms-summary', 'x-ms-summmary'],
    );
    const { root, file } = connector(text);
    expect(await keyFindings(root)).toEqual([
      'SWG-ADDL-PROP /paths/~1tasks/get/Parameters',
      'SWG-ADDL-PROP /paths/~1tasks/get/Parameters/0/In',
      'SWG-XMS-UNKNOWN /paths/~1tasks/get/Parameters/0/x-ms-summmary',
    ]);
    const report = await fixJsonSlips(['.'], { cwd: root });
    expect(report).toEqual({ fixed: [{ file: SWAGGER, slips: 0, keys: 3, values: 0 }], notFixed: [] });
    expect(readFileSync(file, 'utf8')).toBe(PRETTY);
    expect(await keyFindings(root)).toEqual([]);
  });

  it('says once why it leaves a key, though each round of renames asks for it again', async () => {
    const text = misspelled(
      pretty({ ...validSwagger(), basepath: '/v2' }),
      ['parameters', 'Parameters'],
      ['in', 'In'],
    );
    const { root, file } = connector(text);
    const report = await fixJsonSlips(['.'], { cwd: root });
    expect(report).toEqual({
      fixed: [{ file: SWAGGER, slips: 0, keys: 2, values: 0 }],
      notFixed: [{ file: SWAGGER, reason: expect.stringMatching(/already has 'basePath'/) }],
    });
    expect(readFileSync(file, 'utf8')).toBe(pretty({ ...validSwagger(), basepath: '/v2' }));
  });

  it('fixes the syntax slips first, then renames the keys in the fixed text; BOM and CR LF kept', async () => {
    // A comment and a trailing comma before the misspelled key, which moves when they go.
    const meant = PRETTY.replace(/\n/g, '\r\n');
    const slipped = misspelled(meant, ['basePath', 'basepath'])
      .replace('"host":', '// the API host\r\n  "host":')
      .replace('"https"\r\n  ]', '"https",\r\n  ]');
    expect(slipped).toContain('// the API host');
    expect(slipped).toContain('"https",');
    const { root, file } = connector(Buffer.from(`\ufeff${slipped}`, 'utf8'));
    expect(await keyFindings(root)).toEqual([
      'GEN-JSON-PARSE line 13',
      'SWG-ADDL-PROP /basepath',
      'GEN-JSON-PARSE line 17',
    ]);
    const report = await fixJsonSlips(['.'], { cwd: root });
    expect(report).toEqual({ fixed: [{ file: SWAGGER, slips: 2, keys: 1, values: 0 }], notFixed: [] });
    expect(describeFixes(report)).toEqual([
      `fixed 2 JSON slips and 1 misspelled key in ${SWAGGER}`,
      'note: the renamed key takes effect now, as a misspelled key never did: read the renames (git diff) before committing; validate --base reports one that breaks existing flows.',
    ]);
    expect(readFileSync(file)).toEqual(Buffer.from(`\ufeff${meant}`, 'utf8'));
    expect(await keyFindings(root)).toEqual([]);
  });

  it('leaves the keys of a file whose syntax it cannot fix, and says so in its reason', async () => {
    // A value is missing: no edit fixes that, so the file is not written at all.
    const text = misspelled(PRETTY, ['basePath', 'basepath'], ['x-ms-summary', 'x-ms-summmary']).replace(
      '"host": "api.contoso.com"',
      '"host": ',
    );
    expect(text).toContain('"host": ,');
    const { root, file } = connector(text);
    const report = await fixJsonSlips(['.'], { cwd: root });
    const syntax = (fixJsonText(text) as { reason: string }).reason;
    const keys = `Its 2 misspelled keys ('basepath' at /basepath and 'x-ms-summmary' at /paths/~1tasks/get/parameters/0/x-ms-summmary) were not renamed either: keys are renamed only in a file that is strict JSON; run validate --fix again once its syntax is fixed.`;
    expect(report).toEqual({ fixed: [], notFixed: [{ file: SWAGGER, reason: `${syntax} ${keys}` }] });
    expect(describeFixes(report)).toEqual([`not fixed: ${SWAGGER}: ${syntax} ${keys}`]);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(await keyFindings(root)).toEqual([
      'GEN-JSON-PARSE line 13',
      'SWG-ADDL-PROP /basepath',
      'SWG-XMS-UNKNOWN /paths/~1tasks/get/parameters/0/x-ms-summmary',
    ]);
  });

  it('names three of the keys it leaves in such a file, and how many more', async () => {
    const text = misspelled(
      PRETTY,
      ['basePath', 'basepath'],
      ['schemes', 'Schemes'],
      ['consumes', 'Consumes'],
      ['produces', 'Produces'],
    ).replace('"host": "api.contoso.com"', '"host": ');
    const { root } = connector(text);
    const { notFixed } = await fixJsonSlips(['.'], { cwd: root });
    expect(notFixed).toEqual([
      {
        file: SWAGGER,
        reason: expect.stringContaining(
          "Its 4 misspelled keys ('basepath' at /basepath, 'Schemes' at /Schemes, 'Consumes' at /Consumes and 1 more) were not renamed either:",
        ),
      },
    ]);
  });

  it('leaves the key of a file that is not UTF-8, though strict JSON, and says why', async () => {
    const text = misspelled(PRETTY, ['basePath', 'basepath']).replace('Contoso Support', 'Caf\u00e9 Support');
    expect([...text].filter((character) => character > '\x7f')).toEqual(['\u00e9']);
    // The é written in Latin-1: one byte that is not UTF-8, in a file that is strict JSON.
    const bytes = Buffer.from(text, 'latin1');
    const { root, file } = connector(bytes);
    const report = await fixJsonSlips(['.'], { cwd: root });
    expect(report).toEqual({
      fixed: [],
      notFixed: [
        {
          file: SWAGGER,
          reason:
            "it is not valid UTF-8 (GEN-ENCODING), so its misspelled key 'basepath' at /basepath was not renamed: written back, the bytes that are not UTF-8 would be lost; save it as UTF-8 first.",
        },
      ],
    });
    expect(readFileSync(file)).toEqual(bytes);
  });

  it('leaves the key of a file saved as UTF-16, though strict JSON, and says why', async () => {
    const bytes = Buffer.from(misspelled(PRETTY, ['basePath', 'basepath']), 'utf16le');
    const { root, file } = connector(bytes);
    expect(await keyFindings(root)).toEqual(['SWG-ADDL-PROP /basepath']);
    const { findings } = await validatePaths(['.'], { cwd: root, concurrency: 'off' });
    expect(findings.find((finding) => finding.ruleId === 'SWG-ADDL-PROP')!.message).not.toContain('--fix');
    const report = await fixJsonSlips(['.'], { cwd: root });
    expect(report).toEqual({
      fixed: [],
      notFixed: [
        {
          file: SWAGGER,
          reason:
            "it is saved as UTF-16 (GEN-BINARY), so its misspelled key 'basepath' at /basepath was not renamed; save it as UTF-8 first.",
        },
      ],
    });
    expect(readFileSync(file)).toEqual(bytes);
  });

  it('changes nothing the second time', async () => {
    const { root, file } = connector(
      misspelled(PRETTY, ['basePath', 'basepath'], ['x-ms-summary', 'x-ms-summmary']),
    );
    expect((await fixJsonSlips(['.'], { cwd: root })).fixed).toEqual([
      { file: SWAGGER, slips: 0, keys: 2, values: 0 },
    ]);
    const once = { bytes: readFileSync(file), time: statSync(file).mtimeMs };
    expect(await fixJsonSlips(['.'], { cwd: root })).toEqual({ fixed: [], notFixed: [] });
    expect({ bytes: readFileSync(file), time: statSync(file).mtimeMs }).toEqual(once);
  });

  it('renames only what the rules that are on report: a rule turned off names no fix', async () => {
    const text = misspelled(PRETTY, ['basePath', 'basepath']);
    const { root, file } = connector(text);
    const config = {
      path: path.join(root, '.connector-alm.yml'),
      ignore: [],
      rules: { 'SWG-ADDL-PROP': 'off' as const },
    };
    expect(await fixJsonSlips(['.'], { cwd: root, config })).toEqual({ fixed: [], notFixed: [] });
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});

/** The findings of the rules that name a spelling whose message says that --fix renames the key. */
async function advisedRenames(root: string): Promise<string[]> {
  const { findings } = await validatePaths(['.'], { cwd: root, concurrency: 'off' });
  return findings
    .filter((finding) => finding.message.endsWith(' `connector-alm validate --fix` renames it.'))
    .map((finding) => `${finding.ruleId} ${finding.pointer}`);
}

// The findings of SWG-ADDL-PROP ('basepath') and SWG-XMS-UNKNOWN ('x-ms-visibilty') did not say
// that validate --fix renames the key, as those of GEN-JSON-PARSE say that it repairs the slip.
describe('the findings say that validate --fix renames a key exactly where it does', () => {
  const withTiedExtension = (): string => {
    const swagger = validSwagger();
    swagger.paths['/tasks'].get.parameters[0]['x-ms-dynamic-trst'] = { operationId: 'ListTasks' };
    return misspelled(pretty(swagger), ['basePath', 'basepath']);
  };
  const both = validSwagger();
  delete both.basePath;
  const cases: [name: string, swagger: string | Buffer, advised: string[]][] = [
    [
      'a field in the wrong case and a misspelled extension',
      misspelled(PRETTY, ['basePath', 'basepath'], ['x-ms-summary', 'x-ms-summmary']),
      ['SWG-ADDL-PROP /basepath', 'SWG-XMS-UNKNOWN /paths/~1tasks/get/parameters/0/x-ms-summmary'],
    ],
    ['an extension two known ones are as close to', withTiedExtension(), ['SWG-ADDL-PROP /basepath']],
    ['a key whose object has the key it would become', pretty({ ...validSwagger(), basepath: '/v2' }), []],
    [
      'two keys that would become one',
      misspelled(pretty({ ...both, basepath: '/v1', BASEPATH: '/v2' }), ['host', 'Host']),
      ['SWG-ADDL-PROP /Host'],
    ],
    [
      'a key written twice',
      PRETTY.replace('"basePath": "/v1",', '"basepath": "/v0",\n  "basepath": "/v1",'),
      [],
    ],
    [
      'a file whose syntax --fix repairs first',
      misspelled(PRETTY, ['basePath', 'basepath']).replace('"https"\n  ]', '"https",\n  ]'),
      ['SWG-ADDL-PROP /basepath'],
    ],
    [
      'a file whose syntax --fix cannot repair',
      misspelled(PRETTY, ['basePath', 'basepath']).replace('"host": "api.contoso.com"', '"host": '),
      [],
    ],
    [
      'a file that is not UTF-8',
      Buffer.from(
        misspelled(PRETTY, ['basePath', 'basepath']).replace('Contoso Support', 'Caf\u00e9 Support'),
        'latin1',
      ),
      [],
    ],
  ];
  it.each(cases)('%s', async (_name, swagger, advised) => {
    const { root } = connector(swagger);
    const before = await keyFindings(root);
    expect(await advisedRenames(root)).toEqual(advised);
    await fixJsonSlips(['.'], { cwd: root });
    const after = new Set(await keyFindings(root));
    // The keys --fix renamed are those whose findings are gone (GEN-JSON-PARSE's go with the slips).
    const renamed = before.filter((finding) => !finding.startsWith('GEN-') && !after.has(finding));
    expect(renamed).toEqual(advised);
  });
});

// The renames as the rules name them, made in the text: which ones renameKeys makes of several.
describe('renameKeys', () => {
  const document = (text: string): JsonDocument => JsonDocument.parse(text);

  it('renames a key once that several findings name alike', () => {
    const renames = [
      { pointer: '/basepath', to: 'basePath' },
      { pointer: '/basepath', to: 'basePath' },
    ];
    expect(renameKeys(document('{ "basepath": "/v1" }'), renames)).toEqual({
      text: '{ "basePath": "/v1" }',
      made: 1,
      refused: [],
    });
  });

  it('leaves a key that findings name two spellings for, says why, and renames the others', () => {
    const renames = [
      { pointer: '/basepath', to: 'basePath' },
      { pointer: '/basepath', to: 'BasePath' },
      { pointer: '/Host', to: 'host' },
    ];
    expect(renameKeys(document('{ "basepath": "/v1", "Host": "x.io" }'), renames)).toEqual({
      text: '{ "basepath": "/v1", "host": "x.io" }',
      made: 1,
      refused: [
        "'basepath' at /basepath was not renamed: findings name 'basePath' and 'BasePath' for it; rename it by hand.",
      ],
    });
  });

  it('renames a key and a key under it in a document that repeats a key elsewhere', () => {
    // The repeat makes the result be checked on the values: the key under the renamed one is named
    // by its path as written, so it is renamed there first.
    const renames = [
      { pointer: '/Info', to: 'info' },
      { pointer: '/Info/Title', to: 'title' },
    ];
    expect(renameKeys(document('{ "a": 1, "a": 2, "Info": { "Title": "x" } }'), renames)).toEqual({
      text: '{ "a": 1, "a": 2, "info": { "title": "x" } }',
      made: 2,
      refused: [],
    });
  });

  it('says that a key which is not there was not renamed, and renames the others', () => {
    const renames = [
      { pointer: '/info/titel', to: 'title' },
      { pointer: '/basepath', to: 'basePath' },
    ];
    expect(renameKeys(document('{ "info": {}, "basepath": "/v1" }'), renames)).toEqual({
      text: '{ "info": {}, "basePath": "/v1" }',
      made: 1,
      refused: ["'titel' at /info/titel was not renamed: the key is not there."],
    });
  });
});
