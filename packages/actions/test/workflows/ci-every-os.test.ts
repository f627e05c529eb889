import { describe, expect, it } from '@jest/globals';
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, runWorkflowJob, temporaryFolder } from '@connector-alm/testing';

const CI = path.join(REPO_ROOT, '.github/workflows/ci.yml');
const scratch = temporaryFolder('ci-every-os-');

/** What the job's checkout holds that it uses: the committed CLI bundle and the examples. */
function checkout(name: string): string {
  const workspace = path.join(scratch, name);
  cpSync(path.join(REPO_ROOT, 'dist/cli'), path.join(workspace, 'dist/cli'), { recursive: true });
  cpSync(path.join(REPO_ROOT, 'examples'), path.join(workspace, 'examples'), { recursive: true });
  return workspace;
}

/** Every text file below `folder` with CRLF line ends, as Git for Windows checks them out. */
function withCrlf(folder: string): void {
  for (const entry of readdirSync(folder)) {
    const file = path.join(folder, entry);
    if (statSync(file).isDirectory()) withCrlf(file);
    else if (/\.(json|md|ya?ml)$/.test(entry)) {
      writeFileSync(file, readFileSync(file, 'utf8').replace(/\r?\n/g, '\r\n'));
    }
  }
}

const handlers = {
  'actions/checkout': () => ({}),
  'actions/setup-node': { inputs: ['node-version'], run: () => ({}) },
};

describe("ci.yml's cli-on-every-os job", () => {
  it('passes with the committed bundle and the examples', async () => {
    const result = await runWorkflowJob(CI, 'cli-on-every-os', {
      workspace: checkout('as-committed'),
      eventName: 'push',
      externalActions: handlers,
    });

    expect(result.steps.map((step) => [step.name, step.outcome])).toEqual([
      ['actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1', 'success'],
      ['actions/setup-node@820762786026740c76f36085b0efc47a31fe5020', 'success'],
      ['Validate the example', 'success'],
      ['Validate the example with the action, as a job on this system would', 'success'],
      ['Build a solution of it, unpack, pack, and extract it back into a copy, unchanged', 'success'],
      ['Findings on their lines, and SARIF locations as URIs', 'success'],
    ]);
    expect(result.status).toBe('success');
  });

  it('passes on a checkout with CRLF line ends, as on Windows: extracting keeps them', async () => {
    const workspace = checkout('crlf');
    withCrlf(path.join(workspace, 'examples'));

    const result = await runWorkflowJob(CI, 'cli-on-every-os', {
      workspace,
      eventName: 'push',
      externalActions: handlers,
    });

    expect(result.steps.filter((step) => step.outcome !== 'success').map((step) => step.stderr)).toEqual([]);
  });

  it('fails at the first step when the example breaks a rule', async () => {
    const workspace = checkout('broken');
    const swagger = path.join(
      workspace,
      'examples/certified-connectors/Contoso Tasks/apiDefinition.swagger.json',
    );
    writeFileSync(
      swagger,
      readFileSync(swagger, 'utf8').replace('"title": "Contoso Tasks"', '"title": "Contoso Tasks API"'),
    );

    const result = await runWorkflowJob(CI, 'cli-on-every-os', {
      workspace,
      eventName: 'push',
      externalActions: handlers,
    });

    expect(result.status).toBe('failure');
    expect(result.steps[2]!.outcome).toBe('failure');
    expect(result.steps[2]!.stdout).toContain('SWG-INFO-TITLE-WORDS');
  });
});
