import { describe, expect, it } from '@jest/globals';
import { cpSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runActionBundle, temporaryFolder } from '@connector-alm/testing';
import { validReadme, validSwagger } from '@connector-alm/validator/testing';
import { commitOnDev, git, workspaceWithConnector } from './helpers/pull-request-repo.js';

// A maker's first question after a push is "did I make progress?": the summary said what was left
// ("63 new since the base") and never what the push fixed.

const SWAGGER = path.join('certified-connectors', 'Contoso Tasks', 'apiDefinition.swagger.json');

/**
 * dev's connector has a contact without a URL; the pull request's first commit (`before`) adds a
 * title with "API" in it; the push under check fixes both and adds a title with "Connector" in it.
 */
function twoPushes(): { workspace: string; baseSha: string; before: string } {
  const swagger = validSwagger();
  swagger.info.contact = { name: 'Contoso Support', email: 'support@contoso.com' };
  const workspace = workspaceWithConnector(JSON.stringify(swagger, null, 2));
  const baseSha = commitOnDev(workspace);
  git(workspace, 'checkout', '-qb', 'feature');
  swagger.info.title = 'Contoso Tasks API';
  writeFileSync(path.join(workspace, SWAGGER), JSON.stringify(swagger, null, 2));
  git(workspace, 'commit', '-qam', 'first push');
  const before = git(workspace, 'rev-parse', 'HEAD').trim();
  const fixed = validSwagger();
  fixed.info.title = 'Contoso Tasks Connector';
  writeFileSync(path.join(workspace, SWAGGER), JSON.stringify(fixed, null, 2));
  git(workspace, 'commit', '-qam', 'second push');
  return { workspace, baseSha, before };
}

/**
 * The pull request's first commit (`before`) deletes an output field that three operations return
 * (three breaking changes) and deprecates ListTasks for a new version it lacks (a warning of the
 * comparison, and a finding of SWG-DEPRECATED-LABEL: its summary lacks "(deprecated)"); the push under
 * check puts the field back and takes the deprecation out.
 */
function pushThatResolves(): { workspace: string; baseSha: string; before: string } {
  const workspace = workspaceWithConnector();
  const baseSha = commitOnDev(workspace);
  git(workspace, 'checkout', '-qb', 'feature');
  const broken = validSwagger();
  delete broken.definitions.Task.properties.status;
  broken.paths['/tasks'].get.deprecated = true;
  broken.paths['/tasks'].get['x-ms-api-annotation'] = { family: 'ListTasks', revision: 1 };
  writeFileSync(path.join(workspace, SWAGGER), JSON.stringify(broken, null, 2));
  git(workspace, 'commit', '-qam', 'first push');
  const before = git(workspace, 'rev-parse', 'HEAD').trim();
  const kept = validSwagger();
  kept.info.description = `${kept.info.description} Now with more words.`;
  writeFileSync(path.join(workspace, SWAGGER), JSON.stringify(kept, null, 2));
  git(workspace, 'commit', '-qam', 'second push');
  return { workspace, baseSha, before };
}

/**
 * dev has Tasks and Notes; the pull request's first commit (`before`) breaks Notes as pushThatResolves
 * breaks Tasks and edits Tasks' description; the push under check puts Notes back exactly as dev has
 * it, so the pull request changes Tasks alone, and the run checks Tasks alone.
 */
function pushThatRestoresAConnector(): { workspace: string; baseSha: string; before: string } {
  const workspace = workspaceWithConnector();
  const notesFolder = path.join(workspace, 'certified-connectors', 'Contoso Notes');
  cpSync(path.dirname(path.join(workspace, SWAGGER)), notesFolder, { recursive: true });
  const notes = path.join(notesFolder, 'apiDefinition.swagger.json');
  const notesSwagger = validSwagger();
  notesSwagger.info.title = 'Contoso Notes';
  const dev = JSON.stringify(notesSwagger, null, 2);
  writeFileSync(notes, dev);
  const baseSha = commitOnDev(workspace);
  git(workspace, 'checkout', '-qb', 'feature');
  const broken = structuredClone(notesSwagger);
  delete broken.definitions.Task.properties.status;
  broken.paths['/tasks'].get.deprecated = true;
  broken.paths['/tasks'].get['x-ms-api-annotation'] = { family: 'ListTasks', revision: 1 };
  writeFileSync(notes, JSON.stringify(broken, null, 2));
  const tasks = validSwagger();
  tasks.info.description = `${tasks.info.description} Now with more words.`;
  writeFileSync(path.join(workspace, SWAGGER), JSON.stringify(tasks, null, 2));
  git(workspace, 'commit', '-qam', 'first push');
  const before = git(workspace, 'rev-parse', 'HEAD').trim();
  writeFileSync(notes, dev);
  git(workspace, 'commit', '-qam', 'second push');
  return { workspace, baseSha, before };
}

/**
 * The pull request's first commit (`before`) breaks Tasks as pushThatResolves does; the push under
 * check puts it back exactly as dev has it, and edits the readme at the root: the pull request
 * changes no connector folder any more.
 */
function pushThatRestoresEveryConnector(): { workspace: string; baseSha: string; before: string } {
  const { workspace, baseSha, before } = pushThatResolves();
  git(workspace, 'checkout', '-q', 'dev', '--', SWAGGER);
  writeFileSync(path.join(workspace, 'NOTES.md'), 'Nothing to see.\n');
  git(workspace, 'add', '-A');
  git(workspace, 'commit', '-qm', 'put Tasks back');
  return { workspace, baseSha, before };
}

const README = path.join('certified-connectors', 'Contoso Tasks', 'readme.md');

/** The valid readme, its Supported Operations listing only the operations given by their summaries. */
function readmeListing(...summaries: string[]): string {
  return validReadme().replace(
    /## Supported Operations\n[\s\S]*?\n## Obtaining/,
    `## Supported Operations\n${summaries.map((summary) => `### ${summary}\nWhat it does.\n`).join('')}\n## Obtaining`,
  );
}

/**
 * dev's readme lists none of the three operations; the pull request's first commit (`before`) lists
 * one; the push under check lists a second: one finding, still there, with one part fewer each time.
 */
function pushThatListsMore(): { workspace: string; baseSha: string; before: string } {
  const workspace = workspaceWithConnector();
  writeFileSync(path.join(workspace, README), readmeListing());
  const baseSha = commitOnDev(workspace);
  git(workspace, 'checkout', '-qb', 'feature');
  writeFileSync(path.join(workspace, README), readmeListing('List tasks'));
  git(workspace, 'commit', '-qam', 'first push');
  const before = git(workspace, 'rev-parse', 'HEAD').trim();
  writeFileSync(path.join(workspace, README), readmeListing('List tasks', 'Create a task'));
  git(workspace, 'commit', '-qam', 'second push');
  return { workspace, baseSha, before };
}

function run(
  workspace: string,
  baseSha: string,
  event: Record<string, unknown>,
  inputs: Record<string, string> = {},
) {
  return runActionBundle('validate-connector', {
    workspace,
    eventName: 'pull_request',
    event: {
      ...event,
      pull_request: {
        number: 21,
        base: { ref: 'dev', sha: baseSha },
        head: { ref: 'feature', sha: git(workspace, 'rev-parse', 'HEAD').trim() },
      },
    },
    inputs: { 'fail-on': 'never', ...inputs },
  });
}

describe('validate-connector: what the change and the push fixed', () => {
  it('says in the headline how many findings are new and how many fixed since the base, and outputs fixed', async () => {
    const { workspace, baseSha } = twoPushes();
    const result = await run(workspace, baseSha, { action: 'opened' });
    expect(result.stderr).toBe('');
    expect(result.outputs.fixed).toBe('1');
    const headline = result.summary.split('\n')[2];
    expect(headline).toMatch(/; 1 new and 1 fixed since the base\.$/);
    expect(result.summary).not.toContain('This push');
  });

  it('on a push (synchronize), says too what the push fixed and added against the head it replaced', async () => {
    const { workspace, baseSha, before } = twoPushes();
    const result = await run(workspace, baseSha, { action: 'synchronize', before });
    expect(result.stderr).toBe('');
    expect(result.summary.split('\n')[4]).toBe(
      `This push fixed 2 and added 1 (against \`${before.slice(0, 12)}\`, the head it replaced).`,
    );
    expect(result.outputs.fixed).toBe('1');
  });

  // extract-connectors' output beside the repository's folder: validated, not compared, so its findings
  // are none of what the push fixed or added.
  it('counts the push alike with a connector folder outside the repository beside the compared one', async () => {
    const { workspace, baseSha, before } = twoPushes();
    const temp = realpathSync(temporaryFolder('runner-temp-'));
    const extracted = path.join(temp, 'certified-connectors', 'Contoso Tasks');
    cpSync(path.dirname(path.join(workspace, SWAGGER)), extracted, { recursive: true });
    const swagger = validSwagger();
    swagger.info.title = 'Contoso Tasks API';
    writeFileSync(path.join(extracted, 'apiDefinition.swagger.json'), JSON.stringify(swagger, null, 2));
    const result = await run(
      workspace,
      baseSha,
      { action: 'synchronize', before },
      { path: `certified-connectors/Contoso Tasks\n${extracted}` },
    );
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(
      result.annotations.some((each) =>
        each.message.startsWith(`${path.join(extracted, 'apiDefinition.swagger.json')}:`),
      ),
    ).toBe(true);
    expect(result.summary).toContain(
      `This push fixed 2 and added 1 (against \`${before.slice(0, 12)}\`, the head it replaced).`,
    );
    expect(result.summary.split('\n')[2]).toMatch(/; 1 new and 1 fixed since the base\.$/);
  });

  // A push that listed one more of the operations a readme missed said "This push fixed 0 and added 0".
  it('counts the findings the change and the push fixed in part, and outputs fixed-in-part', async () => {
    const { workspace, baseSha, before } = pushThatListsMore();
    const result = await run(workspace, baseSha, { action: 'synchronize', before });
    expect(result.stderr).toBe('');
    const lines = result.summary.split('\n');
    expect(lines[2]).toMatch(/; 0 new, 0 fixed and 1 fixed in part since the base\.$/);
    expect(lines[4]).toBe(
      `This push fixed 0, 1 in part, and added 0 (against \`${before.slice(0, 12)}\`, the head it replaced).`,
    );
    expect(result.summary).toContain(
      'The operation &quot;Get a task&quot; is not listed under Supported Operations. Fixed since the base: &quot;List tasks&quot;, &quot;Create a task&quot;. _(existing)_',
    );
    expect(result.outputs['fixed-in-part']).toBe('1');
    expect(result.outputs.fixed).toBe('0');
  });

  // "This push fixed 1 and added 0" after a push that cleared 5 breaking changes and a warning: a change
  // put back as the base had it is no fixed finding, and the breaking changes were left out.
  it('counts the breaking changes against the base the push resolved, and the warning it fixed', async () => {
    const { workspace, baseSha, before } = pushThatResolves();
    const result = await run(workspace, baseSha, { action: 'synchronize', before });
    expect(result.stderr).toBe('');
    expect(result.summary.split('\n')[4]).toBe(
      `This push fixed 2 and added 0, and resolved 3 of 3 breaking changes and introduced 0 (against \`${before.slice(0, 12)}\`, the head it replaced).`,
    );
  });

  // The reverse of pushThatResolves: a push that breaks what the head it replaced kept. Its deprecation
  // warning counts among the findings added, as the summary counts it among the warnings.
  it('counts the breaking changes a push introduced, and the warning it added', async () => {
    const workspace = workspaceWithConnector();
    const baseSha = commitOnDev(workspace);
    git(workspace, 'checkout', '-qb', 'feature');
    const kept = validSwagger();
    kept.info.description = `${kept.info.description} Now with more words.`;
    writeFileSync(path.join(workspace, SWAGGER), JSON.stringify(kept, null, 2));
    git(workspace, 'commit', '-qam', 'first push');
    const before = git(workspace, 'rev-parse', 'HEAD').trim();
    delete kept.definitions.Task.properties.status;
    kept.paths['/tasks'].get.deprecated = true;
    kept.paths['/tasks'].get['x-ms-api-annotation'] = { family: 'ListTasks', revision: 1 };
    writeFileSync(path.join(workspace, SWAGGER), JSON.stringify(kept, null, 2));
    git(workspace, 'commit', '-qam', 'second push');
    const result = await run(workspace, baseSha, { action: 'synchronize', before });
    expect(result.stderr).toBe('');
    expect(result.summary.split('\n')[4]).toBe(
      `This push fixed 0 and added 2, and introduced 3 breaking changes (against \`${before.slice(0, 12)}\`, the head it replaced).`,
    );
  });

  // A connector the push put back exactly as dev has it is no longer the pull request's, so the run
  // left it out, and with it all the push resolved: "fixed 0 and added 0".
  it('counts what the push resolved in a connector it put back as the base has it, which the run no longer checks', async () => {
    const { workspace, baseSha, before } = pushThatRestoresAConnector();
    const result = await run(workspace, baseSha, { action: 'synchronize', before });
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toContain('Contoso Notes [');
    expect(result.summary.split('\n')[4]).toBe(
      `This push fixed 2 and added 0, and resolved 3 of 3 breaking changes and introduced 0 (against \`${before.slice(0, 12)}\`, the head it replaced).`,
    );
  });

  // The pull request then changes no connector: the summary said "nothing to validate" and nothing of
  // the three breaking changes and the warning the push cleared.
  it('counts what a push resolved that put back every connector the pull request changed', async () => {
    const { workspace, baseSha, before } = pushThatRestoresEveryConnector();
    const result = await run(workspace, baseSha, { action: 'synchronize', before });
    expect(result.stderr).toBe('');
    expect(result.summary).toBe(
      `## Connector validation\n\n✅ The pull request changes no connector folder: nothing to validate.\n\nThis push fixed 2 and added 0, and resolved 3 of 3 breaking changes and introduced 0 (against \`${before.slice(0, 12)}\`, the head it replaced).\n`,
    );
  });

  it('says nothing of a push that changed no connector, when the pull request changes none', async () => {
    const workspace = workspaceWithConnector();
    const baseSha = commitOnDev(workspace);
    git(workspace, 'checkout', '-qb', 'feature');
    writeFileSync(path.join(workspace, 'NOTES.md'), 'First.\n');
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-qm', 'first push');
    const before = git(workspace, 'rev-parse', 'HEAD').trim();
    writeFileSync(path.join(workspace, 'NOTES.md'), 'Second.\n');
    git(workspace, 'commit', '-qam', 'second push');
    const result = await run(workspace, baseSha, { action: 'synchronize', before });
    expect(result.stderr).toBe('');
    expect(result.summary).toBe(
      '## Connector validation\n\n✅ The pull request changes no connector folder: nothing to validate.\n',
    );
  });

  it('says nothing of the push when the head it replaced is no ancestor of this one (a force push)', async () => {
    const { workspace, baseSha } = twoPushes();
    git(workspace, 'checkout', '-qb', 'rewritten', 'dev');
    git(workspace, 'commit', '-q', '--allow-empty', '-m', 'gone');
    const rewritten = git(workspace, 'rev-parse', 'HEAD').trim();
    git(workspace, 'checkout', '-q', 'feature');
    const result = await run(workspace, baseSha, { action: 'synchronize', before: rewritten });
    expect(result.stderr).toBe('');
    expect(result.summary).not.toContain('This push');
    expect(result.stdout).toContain('not an ancestor of this one (a force push): not compared.');
  });
});
