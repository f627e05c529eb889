import { describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runActionBundle } from '@connector-alm/testing';
import { failureSummary } from '../src/runtime/failure-summary.js';
import { workspaceWithConnector } from './helpers/pull-request-repo.js';

// A step that failed before it could report (a bad input, a configuration error, a shallow clone)
// wrote an empty job summary and no outputs: the run page showed nothing, and a later step that read
// validate-connector's `result` found it unset.

describe('failureSummary', () => {
  it('says the first error at its place, and how many more the annotations hold', () => {
    expect(
      failureSummary('Connector validation', [
        {
          message: "Unknown key 'profle'.",
          properties: { file: '.connector-alm.yml', startLine: 2, startColumn: 1 },
        },
        { message: 'Another.', properties: { file: '.connector-alm.yml', startLine: 5 } },
      ]),
    ).toBe(
      '### Connector validation\n\n❌ The step failed: .connector-alm.yml:2:1: Unknown key &#39;profle&#39;. (and 1 more, each an annotation of this step)\n',
    );
  });

  it('keeps markup in the error as text', () => {
    expect(failureSummary('Solution pack', [{ message: '<b>x</b> *y* @team', properties: {} }])).toBe(
      '### Solution pack\n\n❌ The step failed: &lt;b&gt;x&lt;/b&gt; \\*y\\* @\u200bteam\n',
    );
  });
});

describe('a step that fails before it reports', () => {
  it('writes the error into the job summary and sets result to failure (validate-connector)', async () => {
    const workspace = workspaceWithConnector();
    const run = await runActionBundle('validate-connector', {
      workspace,
      inputs: { 'fail-on': 'sometimes' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toEqual({ result: 'failure' });
    expect(run.summary).toMatch(
      /^### Connector validation\n\n❌ The step failed: Input &#39;fail-on&#39; must be one of error, warning, never; got &#39;sometimes&#39;\./,
    );
  });

  it("names a configuration file's first error at its line, and counts the others", async () => {
    const workspace = workspaceWithConnector();
    writeFileSync(path.join(workspace, '.connector-alm.yml'), 'profle: certified\nrules:\n  SWG-NOPE: off\n');
    const run = await runActionBundle('validate-connector', { workspace });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.result).toBe('failure');
    expect(run.annotations).toHaveLength(2);
    expect(run.summary).toMatch(
      /^### Connector validation\n\n❌ The step failed: \.connector-alm\.yml:1:1: .*profle.* \(and 1 more, each an annotation of this step\)\n$/,
    );
  });

  it('writes the summary for the other actions too, without outputs they do not declare', async () => {
    const workspace = workspaceWithConnector();
    const run = await runActionBundle('pack-solution', { workspace, inputs: {} });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toEqual({});
    expect(run.summary).toMatch(
      /^### Solution pack\n\n❌ The step failed: Input &#39;[a-z-]+&#39; is required/,
    );
  });
});
