import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError, type UserError } from '@connector-alm/core';
import { locatedMessage, REPO_ROOT, temporaryFolder } from '@connector-alm/testing';
import { loadConfig } from '../../src/config/index.js';
import { writeValidConnector } from '../helpers/write-valid-connector.js';

/** A temporary repository (with `.git`) whose configuration file `name` holds `text`. */
function repository(name: string, text: string): string {
  const root = temporaryFolder('connector-alm-config-conflict-');
  mkdirSync(path.join(root, '.git'));
  writeFileSync(path.join(root, name), text);
  return root;
}

async function loadError(root: string): Promise<UserError> {
  const error = await loadConfig({ cwd: root }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UsageError);
  return error as UserError;
}

const YAML_CONFLICT = [
  'profile: certified',
  '<<<<<<< HEAD',
  'rules:',
  '  SWG-SIZE: off',
  '=======',
  'rules:',
  '  SWG-SIZE: warning',
  '>>>>>>> feature',
  '',
].join('\n');

const JSON_CONFLICT = [
  '{',
  '<<<<<<< HEAD',
  '  "profile": "certified"',
  '||||||| base',
  '  "profile": "auto"',
  '=======',
  '  "profile": "custom"',
  '>>>>>>> feature',
  '}',
  '',
].join('\n');

const RESOLVE =
  'Keep one side (or combine the two) and remove the marker lines (<<<<<<<, =======, >>>>>>>, and ||||||| if any); until then nothing is validated.';

// In YAML `<<<<<<< HEAD` was a key without its colon, and the advice was to write '<<<<<<<: HEAD'; in
// JSON the connector files' words said the rest of the file was checked, which it was not.
describe('a merge conflict in the configuration file', () => {
  it('is said as one, on its first marker line, in YAML', async () => {
    const error = await loadError(repository('.connector-alm.yml', YAML_CONFLICT));
    expect(locatedMessage(error)).toBe(
      ".connector-alm.yml:2:1: The configuration file has an unresolved merge conflict: it starts here and ends with '>>>>>>>' at line 8.",
    );
    expect(error.hint).toBe(RESOLVE);
  });

  it('is said as one in JSON, diff3 style included', async () => {
    const error = await loadError(repository('.connector-alm.json', JSON_CONFLICT));
    expect(locatedMessage(error)).toBe(
      ".connector-alm.json:2:1: The configuration file has an unresolved merge conflict: it starts here and ends with '>>>>>>>' at line 8.",
    );
    expect(error.hint).toBe(RESOLVE);
  });

  it('names a marker line left after resolving by hand', async () => {
    const error = await loadError(repository('.connector-alm.yml', 'rules:\n  SWG-SIZE: off\n=======\n'));
    expect(locatedMessage(error)).toBe(
      '.connector-alm.yml:3:1: The configuration file has a merge-conflict marker left over (=======) outside any complete conflict.',
    );
    expect(error.hint).toBe(
      'Remove this line, and check that the lines around it are the ones you meant to keep.',
    );
  });

  it('leaves a file without markers to the parsers', async () => {
    // Seven equals signs inside a value, and eight at a line start, are no marker.
    const root = repository('.connector-alm.yml', 'ignore:\n  - "a=======b"\n# ========\n');
    expect((await loadConfig({ cwd: root })).ignore).toEqual(['a=======b']);
  });

  it('stops validate with exit code 2 and the message, without a stack trace', () => {
    const root = repository('.connector-alm.yml', YAML_CONFLICT);
    writeValidConnector(path.join(root, 'certified-connectors', 'Contoso Tasks'));
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist/cli/index.cjs'), 'validate', '.'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `.connector-alm.yml:2:1: error: The configuration file has an unresolved merge conflict: it starts here and ends with '>>>>>>>' at line 8. ${RESOLVE}\n`,
    );
  });
});
