import { describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runActionBundle } from '@connector-alm/testing';
import { validSwagger } from '@connector-alm/validator/testing';
import { commitOnDev, git, workspaceWithConnector } from './helpers/pull-request-repo.js';

// GitHub shows 10 annotations of each level per step. A pull request of several connectors gave them
// to REPO-ONE-PER-PR, reported on each connector, and the warnings on the lines it changed got none.

const NAMES = ['Contoso Tasks', 'Contoso Notes', 'Contoso Files'];

function swaggerOf(name: string, summary = 'List tasks'): string {
  const swagger = validSwagger();
  swagger.info.title = name;
  swagger.host = `${name.split(' ')[1]!.toLowerCase()}.contoso.com`;
  swagger.paths['/tasks'].get.summary = summary;
  return JSON.stringify(swagger, null, 2);
}

describe('validate-connector annotations of a pull request of several connectors', () => {
  it("annotates the pull request's own problem once, and gives the rest to the lines it changed", async () => {
    const workspace = workspaceWithConnector(swaggerOf(NAMES[0]!));
    const first = path.join(workspace, 'certified-connectors', NAMES[0]!);
    for (const name of NAMES.slice(1)) {
      const folder = path.join(workspace, 'certified-connectors', name);
      mkdirSync(folder);
      writeFileSync(path.join(folder, 'apiDefinition.swagger.json'), swaggerOf(name));
      for (const file of ['apiProperties.json', 'readme.md'])
        copyFileSync(path.join(first, file), path.join(folder, file));
    }
    const baseSha = commitOnDev(workspace);
    git(workspace, 'checkout', '-qb', 'feature');
    // Each summary now ends in a '.': a new warning on a line of each connector.
    for (const name of NAMES)
      writeFileSync(
        path.join(workspace, 'certified-connectors', name, 'apiDefinition.swagger.json'),
        swaggerOf(name, 'List tasks.'),
      );
    git(workspace, 'commit', '-qam', 'summaries');
    const run = await runActionBundle('validate-connector', {
      workspace,
      eventName: 'pull_request',
      event: {
        pull_request: {
          number: 3,
          title: 'Summaries',
          base: { ref: 'dev', sha: baseSha, repo: { full_name: 'contoso/PowerPlatformConnectors' } },
          head: { ref: 'feature', sha: git(workspace, 'rev-parse', 'HEAD') },
        },
      },
      inputs: { 'max-annotations': '3' },
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const warnings = run.annotations.filter((annotation) => annotation.level === 'warning');
    expect(warnings.map((annotation) => [annotation.title, annotation.file])).toEqual([
      ['REPO-ONE-PER-PR', undefined],
      ['SWG-OP-SUMMARY-END', 'certified-connectors/Contoso Files/apiDefinition.swagger.json'],
      ['SWG-OP-SUMMARY-END', 'certified-connectors/Contoso Notes/apiDefinition.swagger.json'],
    ]);
    expect(warnings[0]!.message).toMatch(
      /^certified-connectors\/Contoso Files: You can only submit one connector per pull request: .* \(also on 2 more connectors\)$/,
    );
    expect(run.stdout).toContain('3 more findings are in the job summary');
  });
});
