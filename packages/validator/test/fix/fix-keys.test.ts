import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeFixes, fixJsonSlips } from '../../src/fix/fix-folders.js';
import { validatePaths } from '../../src/validate.js';
import { validApiProperties, validSwagger } from '../helpers/valid-connector.js';

// validate --fix renames the keys whose spelling SWG-ADDL-PROP or SWG-XMS-UNKNOWN names, through
// real files: the swagger is written as a person leaves it, fixed, and validated again.

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

const SWAGGER = path.join('certified-connectors', 'Contoso', 'apiDefinition.swagger.json');

/** A repository-like tree with one certified connector whose swagger is `swagger`. */
function connector(swagger: string | Buffer): { root: string; file: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'fix-keys-'));
  roots.push(root);
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
    expect(report).toEqual({ fixed: [{ file: SWAGGER, slips: 0, keys: 1 }], notFixed: [] });
    expect(describeFixes(report)).toEqual([`fixed 1 misspelled key in ${SWAGGER}`]);
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
    expect(report).toEqual({ fixed: [{ file: SWAGGER, slips: 0, keys: 2 }], notFixed: [] });
    expect(describeFixes(report)).toEqual([`fixed 2 misspelled keys in ${SWAGGER}`]);
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
    expect((await fixJsonSlips(['.'], { cwd: root })).fixed).toEqual([{ file: SWAGGER, slips: 0, keys: 1 }]);
    expect(readFileSync(file, 'utf8')).toBe(meant);
    expect(await keyFindings(root)).toEqual([]);
  });

  it('leaves a key whose object already has the key it would become, and says so', async () => {
    const swagger = validSwagger();
    const text = pretty({ ...swagger, basepath: '/v2' });
    const { root, file } = connector(text);
    const report = await fixJsonSlips(['.'], { cwd: root });
    expect(report).toEqual({
      fixed: [],
      notFixed: [{ file: SWAGGER, reason: expect.stringMatching(/already has 'basePath'/) }],
    });
    expect(describeFixes(report)).toEqual([
      `not fixed: ${SWAGGER}: 'basepath' at /basepath was not renamed to 'basePath': its object already has 'basePath'; merge the two by hand.`,
    ]);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(await keyFindings(root)).toEqual(['SWG-ADDL-PROP /basepath']);
  });

  it('leaves two keys of one object that would both become the same key, and renames the others', async () => {
    const swagger = validSwagger();
    delete swagger.basePath;
    const text = misspelled(pretty({ ...swagger, basepath: '/v1', BASEPATH: '/v2' }), ['host', 'Host']);
    const { root, file } = connector(text);
    const report = await fixJsonSlips(['.'], { cwd: root });
    expect(report).toEqual({
      fixed: [{ file: SWAGGER, slips: 0, keys: 1 }],
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
    expect(report).toEqual({ fixed: [{ file: SWAGGER, slips: 2, keys: 1 }], notFixed: [] });
    expect(describeFixes(report)).toEqual([`fixed 2 JSON slips and 1 misspelled key in ${SWAGGER}`]);
    expect(readFileSync(file)).toEqual(Buffer.from(`\ufeff${meant}`, 'utf8'));
    expect(await keyFindings(root)).toEqual([]);
  });

  it('changes nothing the second time', async () => {
    const { root, file } = connector(
      misspelled(PRETTY, ['basePath', 'basepath'], ['x-ms-summary', 'x-ms-summmary']),
    );
    expect((await fixJsonSlips(['.'], { cwd: root })).fixed).toEqual([{ file: SWAGGER, slips: 0, keys: 2 }]);
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
