import { describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runActionBundle } from '@connector-alm/testing';
import { validApiProperties, validReadme, validSwagger } from '@connector-alm/validator/testing';
import { git, workspaceWithConnector } from './helpers/pull-request-repo.js';

// A workflow that checks out upstream into a folder of its own repository's checkout: the connector
// there takes upstream's configuration file, as `validate` run on its path does, whatever the path.
const BAR = 'upstream/certified-connectors/Bar';
const TITLE_RULE_OFF = 'rules:\n  SWG-INFO-TITLE-LEN: off\n';

/** The workspace (a repository, no file) with upstream's checkout in it, whose file turns the title rule off. */
function workspaceWithUpstream(): string {
  const workspace = workspaceWithConnector();
  const bar = path.join(workspace, BAR);
  mkdirSync(bar, { recursive: true });
  const swagger = validSwagger();
  // Too long a title for a certified connector: an error, unless the file turns the rule off.
  swagger.info.title = 'Contoso Tasks for every team and every project';
  writeFileSync(path.join(bar, 'apiDefinition.swagger.json'), JSON.stringify(swagger, null, 2));
  writeFileSync(path.join(bar, 'apiProperties.json'), JSON.stringify(validApiProperties(), null, 2));
  writeFileSync(path.join(bar, 'readme.md'), validReadme());
  writeFileSync(path.join(workspace, 'upstream', '.connector-alm.yml'), TITLE_RULE_OFF);
  git(path.join(workspace, 'upstream'), 'init', '-q');
  git(workspace, 'init', '-q');
  return workspace;
}

describe('validate-connector on a checkout nested in the workspace, run as the runner runs it', () => {
  it("applies the nested checkout's file to a path in it", async () => {
    const run = await runActionBundle('validate-connector', {
      workspace: workspaceWithUpstream(),
      inputs: { path: BAR },
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.outputs.errors).toBe('0');
    expect(run.annotations.filter((annotation) => annotation.title === 'SWG-INFO-TITLE-LEN')).toEqual([]);
  });

  it("refuses the whole workspace, whose file is not the checkout's, and validates it with the config input", async () => {
    const workspace = workspaceWithUpstream();
    const whole = await runActionBundle('validate-connector', { workspace });
    expect(whole.exitCode).toBe(1);
    expect(whole.annotations).toEqual([
      // A folder is no file to put an annotation on: its text begins with the place.
      {
        level: 'error',
        message: expect.stringMatching(
          /^upstream\/certified-connectors\/Bar: takes its configuration from 'upstream\/\.connector-alm\.yml', and the paths it was found under from no configuration file\. One run applies one configuration: give the file to apply to every folder \(--config, the action's config input\)/,
        ),
      },
    ]);

    const configured = await runActionBundle('validate-connector', {
      workspace,
      inputs: { config: 'upstream/.connector-alm.yml' },
    });
    expect(configured.stderr).toBe('');
    expect(configured.exitCode).toBe(0);
    expect(JSON.parse(configured.outputs.connectors!)).toEqual(['certified-connectors/Contoso Tasks', BAR]);
  });
});
