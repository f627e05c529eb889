import { describe, expect, it } from '@jest/globals';
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runActionBundle } from '@connector-alm/testing';
import { validSwagger } from '@connector-alm/validator/testing';
import { commitOnDev, git, runOnPullRequest, workspaceWithConnector } from './helpers/pull-request-repo.js';

// The action reads the configuration file's overrides as validate does: a repository of many
// connectors holds some to certified levels and others to relaxed ones, in one run.

/** Two connectors, each lacking x-ms-url-encoding on a path parameter, and the configuration. */
function workspaceWithTwoConnectors(config: string): string {
  const swagger = validSwagger();
  delete swagger.paths['/tasks/{taskId}'].get.parameters[0]['x-ms-url-encoding'];
  const workspace = workspaceWithConnector(JSON.stringify(swagger, null, 2));
  cpSync(
    path.join(workspace, 'certified-connectors', 'Contoso Tasks'),
    path.join(workspace, 'legacy', 'Contoso Notes'),
    { recursive: true },
  );
  writeFileSync(path.join(workspace, '.connector-alm.yml'), config);
  return workspace;
}

const CONFIG = [
  'rules:',
  '  SWG-PATH-PARAM-ENCODING: error',
  'overrides:',
  "  - files: ['legacy/**']",
  '    profile: custom',
  '    rules:',
  '      SWG-PATH-PARAM-ENCODING: info',
  '',
].join('\n');

const encodingAnnotations = (run: Awaited<ReturnType<typeof runActionBundle>>) =>
  run.annotations
    .filter((annotation) => annotation.title?.startsWith('SWG-PATH-PARAM-ENCODING '))
    .map((annotation) => `${annotation.level} ${annotation.file?.split('/').slice(0, 2).join('/')}`)
    .sort();

describe('validate-connector with overrides in the configuration file', () => {
  it('gives each connector folder the profile and levels of the overrides that match it', async () => {
    const workspace = workspaceWithTwoConnectors(CONFIG);

    const run = await runActionBundle('validate-connector', { workspace, inputs: { 'fail-on': 'error' } });

    expect(run.stderr).toBe('');
    expect(encodingAnnotations(run)).toEqual([
      'error certified-connectors/Contoso Tasks',
      'notice legacy/Contoso Notes',
    ]);
    expect(run.stdout).toContain('legacy/Contoso Notes [custom]');
    expect(run.outputs.result).toBe('failure');
  });

  it('on a pull request too, and says what a change to the overrides loosens', async () => {
    const workspace = workspaceWithTwoConnectors(CONFIG);
    const baseSha = commitOnDev(workspace);
    git(workspace, 'checkout', '-qb', 'feature');
    writeFileSync(path.join(workspace, '.connector-alm.yml'), CONFIG.replace("'legacy/**'", "'**'"));
    git(workspace, 'commit', '-qam', 'relax every connector');

    const run = await runOnPullRequest(workspace, baseSha);

    expect(run.stderr).toBe('');
    expect(run.annotations).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        title: 'REPO-CONFIG-LOOSENED',
        file: '.connector-alm.yml',
        line: 7,
        message: expect.stringMatching(
          /^This change to the configuration file lowers SWG-PATH-PARAM-ENCODING to info in overrides for '\*\*' \(was error at the base\)\./,
        ),
      }),
    );
  });
});
