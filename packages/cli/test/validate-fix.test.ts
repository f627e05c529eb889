import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runGit, temporaryFolder } from '@connector-alm/testing';
import { validApiProperties, validReadme, validSwagger } from '@connector-alm/validator/testing';
import { runCli } from '../src/program.js';
import { memoryIo } from './memory-io.js';

const FOLDER = path.join('certified-connectors', 'Contoso Tasks');
const PROPERTIES = path.join(FOLDER, 'apiProperties.json');
const PRETTY_PROPERTIES = JSON.stringify(validApiProperties(), null, 2);
/** apiProperties.json as a hand edit leaves it: a comment, single quotes, a trailing comma. */
const SLIPPED_PROPERTIES = PRETTY_PROPERTIES.replace(
  '"properties": {',
  "// branding\n  'properties': {",
).replace(/\n}$/, ',\n}');

/** A valid certified connector whose apiProperties.json is `properties`. */
function repository(properties: string): string {
  const root = temporaryFolder('cli-fix-');
  const folder = path.join(root, FOLDER);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'apiDefinition.swagger.json'), JSON.stringify(validSwagger(), null, 2));
  writeFileSync(path.join(folder, 'apiProperties.json'), properties);
  writeFileSync(path.join(folder, 'readme.md'), validReadme());
  return root;
}

const propertiesOf = (root: string): string => readFileSync(path.join(root, PROPERTIES), 'utf8');

const SWAGGER = path.join(FOLDER, 'apiDefinition.swagger.json');
const PRETTY_SWAGGER = JSON.stringify(validSwagger(), null, 2);
/** The swagger with two keys misspelled: `basepath` (SWG-ADDL-PROP), `x-ms-summmary` (SWG-XMS-UNKNOWN). */
const MISSPELLED_SWAGGER = PRETTY_SWAGGER.replace('"basePath":', '"basepath":').replace(
  '"x-ms-summary":',
  '"x-ms-summmary":',
);

const git = (cwd: string, ...args: string[]): string => runGit(cwd, args);

describe('connector-alm validate --fix', () => {
  it('renames apiProperty.json to apiProperties.json, fixes its slips there, and says both', async () => {
    const root = repository(SLIPPED_PROPERTIES);
    const misnamed = path.join(FOLDER, 'apiProperty.json');
    renameSync(path.join(root, PROPERTIES), path.join(root, misnamed));
    const before = memoryIo(root);
    expect(await runCli(['validate', '.'], before)).toBe(1);
    expect(before.out()).toContain(
      `REPO-REQUIRED-FILES The connector has no apiProperties.json; rename apiProperty.json`,
    );
    expect(before.out()).toContain('4 problems can be fixed by connector-alm validate --fix.');

    const io = memoryIo(root);
    expect(await runCli(['validate', '.', '--fix', '--format', 'json'], io)).toBe(0);
    expect(io.err()).toBe(`renamed ${misnamed} to ${PROPERTIES}\nfixed 3 JSON slips in ${PROPERTIES}\n`);
    expect(JSON.parse(io.out())).toMatchObject({
      findings: [],
      renamed: [{ file: misnamed, to: PROPERTIES }],
      fixed: [{ file: PROPERTIES, slips: 3 }],
    });
    expect(propertiesOf(root)).toBe(PRETTY_PROPERTIES);
    expect(existsSync(path.join(root, misnamed))).toBe(false);
  });

  it('writes the fixes, says so on stderr, and reports and exits as for the fixed files', async () => {
    const root = repository(SLIPPED_PROPERTIES);
    const before = memoryIo(root);
    expect(await runCli(['validate', '.'], before)).toBe(1);
    expect(before.out()).toContain('GEN-JSON-PARSE');
    expect(propertiesOf(root)).toBe(SLIPPED_PROPERTIES);

    const io = memoryIo(root);
    expect(await runCli(['validate', '.', '--fix'], io)).toBe(0);
    expect(io.err()).toBe(`fixed 3 JSON slips in ${PROPERTIES}\n`);
    expect(io.out()).not.toContain('GEN-JSON-PARSE');
    expect(propertiesOf(root)).toBe(PRETTY_PROPERTIES);

    // A second run has nothing to fix.
    const again = memoryIo(root);
    expect(await runCli(['validate', '.', '--fix'], again)).toBe(0);
    expect(again.err()).toBe('');
    expect(propertiesOf(root)).toBe(PRETTY_PROPERTIES);
  });

  it('leaves the merge conflicts of the readme and the script as they are, and exits 1 on them', async () => {
    const root = repository(SLIPPED_PROPERTIES);
    const readme = validReadme().replace(
      '### Create a task\n',
      '<<<<<<< HEAD\n### Create a task\n=======\n### Add a task\n>>>>>>> feature\n',
    );
    const script =
      'public class Script : ScriptBase\n{\n<<<<<<< HEAD\n    // ours\n=======\n    // theirs\n>>>>>>> feature\n}\n';
    writeFileSync(path.join(root, FOLDER, 'readme.md'), readme);
    writeFileSync(path.join(root, FOLDER, 'script.csx'), script);
    const io = memoryIo(root);
    expect(await runCli(['validate', '.', '--fix', '--format', 'json'], io)).toBe(1);
    expect(io.err()).toBe(`fixed 3 JSON slips in ${PROPERTIES}\n`);
    const { findings } = JSON.parse(io.out()) as {
      findings: { ruleId: string; file: string; line: number }[];
    };
    expect(findings.filter((f) => f.ruleId === 'GEN-MERGE-CONFLICT')).toEqual([
      expect.objectContaining({ file: path.join(FOLDER, 'readme.md'), line: 12 }),
      expect.objectContaining({ file: path.join(FOLDER, 'script.csx'), line: 3 }),
    ]);
    expect(readFileSync(path.join(root, FOLDER, 'readme.md'), 'utf8')).toBe(readme);
    expect(readFileSync(path.join(root, FOLDER, 'script.csx'), 'utf8')).toBe(script);
    expect(propertiesOf(root)).toBe(PRETTY_PROPERTIES);
  });

  it('writes nothing when a path of the command line holds no connector folder (exit 2)', async () => {
    const root = repository(SLIPPED_PROPERTIES);
    mkdirSync(path.join(root, 'docs'));
    const io = memoryIo(root);
    expect(await runCli(['validate', FOLDER, 'docs', '--fix'], io)).toBe(2);
    expect(io.err()).toBe(
      'docs: error: holds no connector folder. A connector folder holds apiDefinition.swagger.json and apiProperties.json.\n',
    );
    expect(propertiesOf(root)).toBe(SLIPPED_PROPERTIES);
  });

  it('lists the fixed files in the JSON output, after the keys of its contract', async () => {
    const root = repository(SLIPPED_PROPERTIES);
    const io = memoryIo(root);
    expect(await runCli(['validate', '.', '--fix', '--format', 'json'], io)).toBe(0);
    const report = JSON.parse(io.out()) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['findings', 'connectors', 'counts', 'fixed', 'notFixed']);
    expect(report.fixed).toEqual([{ file: PROPERTIES, slips: 3, keys: 0, values: 0 }]);
    expect(report.notFixed).toEqual([]);
    expect((report.findings as { ruleId: string }[]).map((f) => f.ruleId)).not.toContain('GEN-JSON-PARSE');

    // Without --fix, the output is what it was: no such keys.
    const plain = memoryIo(root);
    await runCli(['validate', '.', '--format', 'json'], plain);
    expect(Object.keys(JSON.parse(plain.out()) as object)).toEqual(['findings', 'connectors', 'counts']);
  });

  it('leaves a file with a slip that names no single edit as it is, says why, and exits 1 on its findings', async () => {
    const broken = SLIPPED_PROPERTIES.replace(/"iconBrandColor": "[^"]*"/, '"iconBrandColor": ');
    expect(broken).not.toBe(SLIPPED_PROPERTIES);
    const root = repository(broken);
    const io = memoryIo(root);
    expect(await runCli(['validate', '.', '--fix', '--format', 'json'], io)).toBe(1);
    expect(io.err()).toMatch(
      new RegExp(`^not fixed: ${PROPERTIES.replace(/\\/g, '\\\\')}: .*GEN-JSON-PARSE.*\\n$`),
    );
    const report = JSON.parse(io.out()) as {
      findings: { ruleId: string }[];
      fixed: unknown[];
      notFixed: unknown[];
    };
    expect(report.fixed).toEqual([]);
    expect(report.notFixed).toEqual([{ file: PROPERTIES, reason: expect.any(String) }]);
    expect(report.findings.filter((f) => f.ruleId === 'GEN-JSON-PARSE').length).toBeGreaterThan(1);
    expect(propertiesOf(root)).toBe(broken);
  });

  it('fixes the work tree with --base, and compares the fixed files with the base', async () => {
    const root = repository(PRETTY_PROPERTIES);
    git(root, 'init', '-q', '-b', 'dev');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'base');
    git(root, 'checkout', '-qb', 'feature');
    writeFileSync(path.join(root, PROPERTIES), SLIPPED_PROPERTIES);
    git(root, 'commit', '-qam', 'hand edit');

    const io = memoryIo(root);
    expect(await runCli(['validate', '.', '--base', 'dev', '--fix', '--format', 'json'], io)).toBe(0);
    const report = JSON.parse(io.out()) as { findings: { ruleId: string }[]; fixed: unknown[] };
    expect(report.fixed).toEqual([{ file: PROPERTIES, slips: 3, keys: 0, values: 0 }]);
    // The fix gave back the base's file: nothing new, nothing breaking.
    expect(
      report.findings.filter((f) => f.ruleId === 'GEN-JSON-PARSE' || f.ruleId.startsWith('BRK-')),
    ).toEqual([]);
    expect(git(root, 'diff', '--stat', 'dev')).toBe('');
  });

  it('renames the misspelled keys that the findings name, says so per file, and lists them in the JSON output', async () => {
    expect(MISSPELLED_SWAGGER).toContain('"basepath":');
    expect(MISSPELLED_SWAGGER).toContain('"x-ms-summmary":');
    const root = repository(SLIPPED_PROPERTIES);
    writeFileSync(path.join(root, SWAGGER), MISSPELLED_SWAGGER);
    const before = memoryIo(root);
    expect(await runCli(['validate', '.', '--format', 'json'], before)).toBe(1);
    const found = (JSON.parse(before.out()) as { findings: Record<string, unknown>[] }).findings;
    expect(found.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['SWG-ADDL-PROP', 'SWG-XMS-UNKNOWN']));
    // The fix the rules name is no part of a finding in the output.
    expect(found.filter((f) => 'fix' in f)).toEqual([]);

    const io = memoryIo(root);
    expect(await runCli(['validate', '.', '--fix', '--format', 'json'], io)).toBe(0);
    expect(io.err()).toBe(
      `fixed 2 misspelled keys in ${SWAGGER}\nfixed 3 JSON slips in ${PROPERTIES}\n${'note: the 2 renamed keys take effect now, as a misspelled key never did: read the renames (git diff) before committing; validate --base reports one that breaks existing flows.'}\n`,
    );
    const report = JSON.parse(io.out()) as { findings: { ruleId: string }[]; fixed: unknown[] };
    expect(report.fixed).toEqual([
      { file: SWAGGER, slips: 0, keys: 2, values: 0 },
      { file: PROPERTIES, slips: 3, keys: 0, values: 0 },
    ]);
    expect(report.findings.map((f) => f.ruleId)).not.toContain('SWG-ADDL-PROP');
    expect(report.findings.map((f) => f.ruleId)).not.toContain('SWG-XMS-UNKNOWN');
    expect(readFileSync(path.join(root, SWAGGER), 'utf8')).toBe(PRETTY_SWAGGER);

    const again = memoryIo(root);
    expect(await runCli(['validate', '.', '--fix'], again)).toBe(0);
    expect(again.err()).toBe('');
  });

  it('writes the values that the findings name, says so per file, and counts them in the JSON output', async () => {
    const swagger = validSwagger();
    swagger.paths['/tasks'].get.parameters[0]['x-ms-visibility'] = 'Advanced';
    swagger.info.title = 'Contoso Tasks.';
    const meant = JSON.stringify({ ...swagger, info: { ...swagger.info, title: 'Contoso Tasks' } }, null, 2);
    const root = repository(SLIPPED_PROPERTIES);
    writeFileSync(path.join(root, SWAGGER), JSON.stringify(swagger, null, 2));
    const before = memoryIo(root);
    // SWG-INFO-TITLE-END is an error; SWG-VISIBILITY-ENUM's capitalised value a warning.
    expect(await runCli(['validate', '.'], before)).toBe(1);
    expect(before.out()).toContain(
      "warning SWG-VISIBILITY-ENUM Write x-ms-visibility in lower case: 'advanced' instead of 'Advanced'. `connector-alm validate --fix` writes \"advanced\".",
    );

    const io = memoryIo(root);
    expect(await runCli(['validate', '.', '--fix', '--format', 'json'], io)).toBe(0);
    expect(io.err()).toBe(`fixed 2 values in ${SWAGGER}\nfixed 3 JSON slips in ${PROPERTIES}\n`);
    const report = JSON.parse(io.out()) as { findings: unknown[]; fixed: unknown[] };
    expect(report.fixed).toEqual([
      { file: SWAGGER, slips: 0, keys: 0, values: 2 },
      { file: PROPERTIES, slips: 3, keys: 0, values: 0 },
    ]);
    expect(report.findings).toEqual([]);
    expect(readFileSync(path.join(root, SWAGGER), 'utf8')).toBe(meant.replace('"Advanced"', '"advanced"'));
  });

  it('says that the misspelled keys of a file whose syntax it cannot fix were not renamed either', async () => {
    const root = repository(PRETTY_PROPERTIES);
    // A value is missing after "host": no edit fixes that, so the file is left as it is.
    const broken = MISSPELLED_SWAGGER.replace(/"host": "[^"]*"/, '"host": ');
    expect(broken).toContain('"host": ,');
    writeFileSync(path.join(root, SWAGGER), broken);
    const io = memoryIo(root);
    expect(await runCli(['validate', '.', '--fix', '--format', 'json'], io)).toBe(1);
    const keys =
      /Its 2 misspelled keys \('basepath' at \/basepath and 'x-ms-summmary' at \/paths\/\S+\) were not renamed either: keys are renamed only in a file that is strict JSON; run validate --fix again once its syntax is fixed\.$/;
    const lines = io.err().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^not fixed: ${SWAGGER.replace(/\\/g, '\\\\')}: .*GEN-JSON-PARSE`));
    expect(lines[0]).toMatch(keys);
    const report = JSON.parse(io.out()) as {
      findings: { ruleId: string }[];
      fixed: unknown[];
      notFixed: { file: string; reason: string }[];
    };
    expect(report.fixed).toEqual([]);
    expect(report.notFixed).toEqual([{ file: SWAGGER, reason: expect.stringMatching(keys) }]);
    expect(report.findings.map((f) => f.ruleId)).toEqual(
      expect.arrayContaining(['GEN-JSON-PARSE', 'SWG-ADDL-PROP', 'SWG-XMS-UNKNOWN']),
    );
    expect(readFileSync(path.join(root, SWAGGER), 'utf8')).toBe(broken);
  });

  it('leaves a misspelled key whose object has the key already, says why, and exits 1 on its finding', async () => {
    const root = repository(PRETTY_PROPERTIES);
    const conflicting = PRETTY_SWAGGER.replace(
      '"basePath": "/v1",',
      '"basePath": "/v1",\n  "basepath": "/v2",',
    );
    expect(conflicting).not.toBe(PRETTY_SWAGGER);
    writeFileSync(path.join(root, SWAGGER), conflicting);
    const io = memoryIo(root);
    expect(await runCli(['validate', '.', '--fix'], io)).toBe(1);
    expect(io.err()).toBe(
      `not fixed: ${SWAGGER}: 'basepath' at /basepath was not renamed to 'basePath': its object already has 'basePath'; merge the two by hand.\n`,
    );
    expect(io.out()).toContain('SWG-ADDL-PROP');
    expect(readFileSync(path.join(root, SWAGGER), 'utf8')).toBe(conflicting);
  });
});
