import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { createMemoryLogger } from '@connector-alm/core';
import { REPO_ROOT, temporaryFolder } from '@connector-alm/testing';
import { readExportSolutionInputs } from '../src/export-solution/inputs.js';
import { readExtractConnectorsInputs } from '../src/extract-connectors/inputs.js';
import { readImportSolutionInputs } from '../src/import-solution/inputs.js';
import { readOpenPullRequestInputs } from '../src/open-pull-request/inputs.js';
import { readPackSolutionInputs } from '../src/pack-solution/inputs.js';
import { readUnpackSolutionInputs } from '../src/unpack-solution/inputs.js';
import { readValidateConnectorInputs } from '../src/validate-connector/inputs.js';

// The runner fills in action.yml's defaults, so a reader's own fallback counts only for an input given
// empty: `overwrite: ${{ inputs.overwrite }}` in a reusable workflow whose caller left it out, or a
// variable that does not reach the job. Given empty, an input reads as the default action.yml documents,
// not as another one that nothing shows the user (overwrite: false, stale-files: keep, draft: true…).

const CONNECTION = {
  'environment-url': 'https://contoso.crm.dynamics.com',
  'app-id': '3d2c1b0a-1111-4222-8333-944455556666',
  'tenant-id': '7c3b2a10-4d5e-4f60-8a71-92b3c4d5e6f7',
  'client-secret': 'input-defaults-secret',
};

/** Each action's reader, and the required inputs it refuses to read without. */
const READERS: Record<string, { read: () => unknown; required: Record<string, string> }> = {
  'unpack-solution': {
    read: readUnpackSolutionInputs,
    required: { 'solution-file': 'Contoso.zip', folder: 'src' },
  },
  'pack-solution': {
    read: readPackSolutionInputs,
    required: { folder: 'src', 'solution-file': 'Contoso.zip' },
  },
  'extract-connectors': {
    read: readExtractConnectorsInputs,
    required: { source: 'Contoso.zip', destination: 'custom-connectors' },
  },
  'import-solution': {
    read: () => readImportSolutionInputs(createMemoryLogger()),
    required: { ...CONNECTION, 'solution-file': 'Contoso.zip' },
  },
  'export-solution': {
    read: readExportSolutionInputs,
    required: { ...CONNECTION, 'solution-name': 'Contoso', 'solution-output-file': 'Contoso.zip' },
  },
  'open-pull-request': {
    read: readOpenPullRequestInputs,
    required: { connector: 'custom-connectors/Contoso' },
  },
  'validate-connector': { read: readValidateConnectorInputs, required: {} },
};

/**
 * Defaults that a later step applies to an empty value, not the reader: the reader's value differs,
 * what the action does does not.
 */
const APPLIED_LATER: Record<string, string[]> = {
  // connectDataverse reads an empty cloud as Public.
  'import-solution': ['cloud'],
  'export-solution': ['cloud'],
};

const workspace = temporaryFolder('input-defaults-');
let saved: NodeJS.ProcessEnv;
beforeEach(() => {
  saved = { ...process.env };
});
afterEach(() => {
  process.env = saved;
});

/** What the readers printed (workflow commands), kept out of Jest's output. */
let printed: string[] = [];
beforeEach(() => {
  printed = [];
});

/**
 * What `read` gives with exactly these inputs set, as the runner sets them (INPUT_<NAME>). What it
 * prints (the mask of the client secret) is kept in `printed`, out of Jest's output.
 */
function readWith(read: () => unknown, inputs: Record<string, string>): unknown {
  for (const name of Object.keys(process.env)) if (name.startsWith('INPUT_')) delete process.env[name];
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
  process.env.GITHUB_WORKSPACE = workspace;
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    return read();
  } finally {
    process.stdout.write = write;
  }
}

describe('an input given empty reads as the default action.yml documents', () => {
  it.each(Object.keys(READERS))('%s', (action) => {
    const manifest = parseYaml(
      readFileSync(path.join(REPO_ROOT, 'actions', action, 'action.yml'), 'utf8'),
    ) as {
      inputs: Record<string, { default?: unknown }>;
    };
    const defaults = Object.fromEntries(
      Object.entries(manifest.inputs)
        .map(([name, spec]) => [name, String(spec.default ?? '')] as const)
        .filter(([name, value]) => value !== '' && !APPLIED_LATER[action]?.includes(name)),
    );
    expect(Object.keys(defaults).length).toBeGreaterThan(0);
    const { read, required } = READERS[action]!;
    const documented = readWith(read, { ...required, ...defaults });
    const differing = Object.keys(defaults).filter((name) => {
      const empty = readWith(read, { ...required, ...defaults, [name]: '' });
      return JSON.stringify(empty) !== JSON.stringify(documented);
    });
    expect(differing).toEqual([]);
    // Nothing but the secret's mask, where the action takes one: a reader prints nothing else.
    const expected = 'client-secret' in required ? `::add-mask::${CONNECTION['client-secret']}` : undefined;
    expect([...new Set(printed.map((line) => line.trim()))]).toEqual(expected ? [expected] : []);
  });
});
