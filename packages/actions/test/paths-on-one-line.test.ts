import { describe, expect, it } from '@jest/globals';
import { cpSync } from 'node:fs';
import path from 'node:path';
import { runActionBundle } from '@connector-alm/testing';
import { workspaceWithConnector } from './helpers/pull-request-repo.js';
import { expectFailedWith } from './helpers/step-failure.js';

// Inputs that take several paths take one per line. `path: a, b` (or `a b`) was told "'a, b' does not
// exist", true but no help: the step now says that the line lists paths, and how to write them.

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const CONTOSO = 'certified-connectors/Contoso Tasks';
const FABRIKAM = 'certified-connectors/Fabrikam';

/** Two connector folders, one with a space in its name, as connector folders often have. */
function workspaceWithTwoConnectors(): string {
  const workspace = workspaceWithConnector();
  cpSync(path.join(workspace, CONTOSO), path.join(workspace, FABRIKAM), { recursive: true });
  return workspace;
}

function listedOnOneLine(input: string, line: string, parts: string[]): unknown {
  return expect.objectContaining({
    level: 'error',
    message:
      `Input '${input}' lists ${parts.length} paths on one line: '${line}'. ` +
      `Write '${input}: |' and then each path on a line of its own below it, indented (${parts.map((part) => `'${part}'`).join(', ')}); ` +
      'a comma or a space does not separate paths. A Run workflow form takes one line: run it once per path.',
  });
}

describe('several paths on one line of an input that takes one per line', () => {
  const workspace = workspaceWithTwoConnectors();

  it.each([
    ['comma', `${CONTOSO}, ${FABRIKAM}`, [CONTOSO, FABRIKAM]],
    ['comma without a space', `${FABRIKAM},certified-connectors`, [FABRIKAM, 'certified-connectors']],
    ['space', `${FABRIKAM} certified-connectors`, [FABRIKAM, 'certified-connectors']],
  ])('validate-connector path, separated by a %s: says how to list them', async (_separator, line, parts) => {
    const run = await runActionBundle('validate-connector', { workspace, inputs: { path: line } });
    expectFailedWith(run, listedOnOneLine('path', line, parts));
  });

  // Read as a list only when every part exists: 'a, typo' lists no paths, it is one path that is
  // missing; and 'a,' is not a list of one.
  it.each([
    ['a part that does not exist', `${CONTOSO}, certified-connectors/Missing`],
    ['a trailing comma', `${FABRIKAM},`],
  ])('validate-connector path, with %s: told the path does not exist, not listed', async (_case, line) => {
    const run = await runActionBundle('validate-connector', { workspace, inputs: { path: line } });
    expectFailedWith(
      run,
      expect.objectContaining({
        level: 'error',
        message: expect.stringMatching(
          new RegExp(`^${escapeRegExp(line)}: Input 'path' gives a path that does not exist\\.`),
        ),
      }),
    );
  });

  it('validate-connector path: a folder with a space in its name is one path', async () => {
    const run = await runActionBundle('validate-connector', {
      workspace,
      inputs: { path: `${CONTOSO}\n${FABRIKAM}` },
    });
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.outputs.connectors!)).toEqual([CONTOSO, FABRIKAM]);
  });

  it('open-pull-request connector: says how to list them, before it asks for the token', async () => {
    const line = `${CONTOSO}, ${FABRIKAM}`;
    const run = await runActionBundle('open-pull-request', {
      workspace,
      // Nothing is sent: the path is checked first; a GitHub API URL that answers nothing shows it.
      apiUrl: 'http://127.0.0.1:9',
      inputs: { token: '', connector: line },
    });
    expectFailedWith(run, listedOnOneLine('connector', line, [CONTOSO, FABRIKAM]));
  });
});
