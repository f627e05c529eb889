import { describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../src/program.js';
import { companyRepository as repository } from './company-repository.js';
import { memoryIo } from './memory-io.js';

// An override whose `files` globs match no connector folder applied nothing, silently: the team
// believed connectors/** was held to the certified rules while it got the defaults.

const RULE = 'REPO-CONFIG-OVERRIDE-UNMATCHED';

async function validateOutput(root: string, ...argv: string[]): Promise<string> {
  const io = memoryIo(root);
  expect(await runCli(['validate', ...argv], io)).toBe(0);
  return io.out();
}

describe('connector-alm validate and the files globs of overrides', () => {
  it('reports a mistyped glob on its line, in an entry whose other glob matches too', async () => {
    const config = [
      'overrides:',
      "  - files: ['conectors/**']",
      '    profile: certified',
      '  - files:',
      '      - connectors/Tasks',
      '      - connectors/Taks',
      '    rules:',
      '      SWG-OP-SUMMARY-REQ: warning',
      '',
    ].join('\n');
    const root = repository(['Tasks', 'Legacy'], '.connector-alm.yml', config);
    const out = await validateOutput(root);
    expect(out).toContain(
      '.connector-alm.yml [configuration]: 0 errors, 2 warnings, 0 info\n' +
        `.connector-alm.yml:2:13 warning ${RULE} The files pattern 'conectors/**' in overrides[0] matches no connector folder under the file's folder, ./, so it applies overrides[0] to no folder. Did you mean 'connectors/**'?\n` +
        `.connector-alm.yml:6:9 warning ${RULE} The files pattern 'connectors/Taks' in overrides[1] matches no connector folder under the file's folder, ./, so it applies overrides[1] to no folder. Did you mean 'connectors/Tasks'?\n`,
    );
  });

  // Globs are relative to the file's folder: written from the top level in .github/, they match nothing.
  it('says from which folder a glob of a file in .github/ matches, and a run of one folder says nothing', async () => {
    const file = '.github/connector-alm.yml';
    const root = repository(
      ['Tasks'],
      file,
      "overrides:\n  - files: ['connectors/**']\n    profile: certified\n",
    );
    expect(await validateOutput(root, '--config', file)).toContain(
      `${file}:2:13 warning ${RULE} The files pattern 'connectors/**' in overrides[0] matches no connector folder, so it applies overrides[0] to no folder: patterns are relative to the file's folder, .github/, and it matches from ./; write '../connectors/**'.\n`,
    );
    // A run of one folder cannot know what the globs match elsewhere.
    expect(await validateOutput(root, 'connectors/Tasks', '--config', file)).not.toContain(RULE);
    writeFileSync(
      path.join(root, file),
      "overrides:\n  - files: ['../connectors/**']\n    profile: certified\n",
    );
    expect(await validateOutput(root, '--config', file)).not.toContain(RULE);
  });

  it('says what to write for a glob naming the folder that holds connector folders', async () => {
    const root = repository(
      ['Tasks'],
      '.connector-alm.yml',
      'overrides:\n  - files: [connectors]\n    profile: certified\n',
    );
    expect(await validateOutput(root)).toContain(
      `.connector-alm.yml:2:13 warning ${RULE} The files pattern 'connectors' in overrides[0] matches no connector folder under the file's folder, ./, so it applies overrides[0] to no folder: patterns name connector folders, not the folders that hold them; write 'connectors/*' for overrides[0] to apply to the connector folders in it.\n`,
    );
  });

  // A file system that tells case apart: the folder is Contoso-CRM, the glob says contoso-crm.
  it('names the folder a glob typed in another case meant, and guesses nothing between two as close', async () => {
    const root = repository(
      ['Contoso-CRM', 'Contoso-CRN'],
      '.connector-alm.yml',
      'overrides:\n  - files: [connectors/contoso-crm, connectors/Contoso-CRX]\n    profile: certified\n',
    );
    const out = await validateOutput(root);
    expect(out).toContain(
      `.connector-alm.yml:2:13 warning ${RULE} The files pattern 'connectors/contoso-crm' in overrides[0] matches no connector folder under the file's folder, ./, so it applies overrides[0] to no folder. Did you mean 'connectors/Contoso-CRM'?\n`,
    );
    expect(out).toContain(
      `.connector-alm.yml:2:37 warning ${RULE} The files pattern 'connectors/Contoso-CRX' in overrides[0] matches no connector folder under the file's folder, ./, so it applies overrides[0] to no folder.\n`,
    );
  });

  // The override holds no validated folder to its rules: `ignore` skips every folder it names.
  it('reports a glob that matches only folders ignore skips, and not one that matches a validated folder too', async () => {
    const config = [
      'ignore:',
      '  - connectors/Legacy*',
      'overrides:',
      "  - files: ['connectors/Legacy*']",
      '    profile: certified',
      "  - files: ['connectors/*']",
      '    profile: certified',
      '',
    ].join('\n');
    const root = repository(['Tasks', 'Legacy', 'Legacy2'], '.connector-alm.yml', config);
    const out = await validateOutput(root);
    expect(out).toContain(
      '.connector-alm.yml [configuration]: 0 errors, 1 warning, 0 info\n' +
        `.connector-alm.yml:4:13 warning ${RULE} The files pattern 'connectors/Legacy*' in overrides[0] matches only connector folders that the file's ignore patterns skip ('connectors/Legacy', 'connectors/Legacy2'), so it applies overrides[0] to no folder that is validated.\n`,
    );
    // A run of one folder cannot know what the glob matches elsewhere.
    expect(await validateOutput(root, 'connectors/Tasks')).not.toContain(RULE);
    writeFileSync(
      path.join(root, '.connector-alm.yml'),
      config.replace('  - connectors/Legacy*\n', '  - connectors/Legacy2\n'),
    );
    expect(await validateOutput(root)).not.toContain(RULE);
  });

  it('says nothing of globs that match, nor when the file turns the rule off', async () => {
    const matching = repository(
      ['Tasks', 'Legacy'],
      '.connector-alm.yml',
      "overrides:\n  - files: ['connectors/*', connectors/Legacy]\n    profile: certified\n",
    );
    expect(await validateOutput(matching)).not.toContain(RULE);
    const off = repository(
      ['Tasks'],
      '.connector-alm.yml',
      `rules:\n  ${RULE}: off\noverrides:\n  - files: ['nowhere/*']\n    profile: certified\n`,
    );
    expect(await validateOutput(off)).not.toContain(RULE);
  });
});
