import { describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import { commitOnDev, git, runOnPullRequest } from './helpers/pull-request-repo.js';
import { mcpServerSwagger } from '@connector-alm/validator/testing';
import { MCP_FOLDER, writeMcpConnector } from './helpers/mcp-connector.js';

// validate-connector on the pull requests of an MCP server connector, as GitHub runs it: the
// dist bundle, a pull_request event, a real repository with the base and the head.

/** A repository whose dev branch holds `setUp`'s files (a README only, unless it writes more). */
function repositoryOnDev(setUp: (workspace: string) => void = () => {}): {
  workspace: string;
  baseSha: string;
} {
  const workspace = temporaryFolder('workspace-mcp-');
  writeFileSync(path.join(workspace, 'README.md'), '# Connectors\n');
  setUp(workspace);
  const baseSha = commitOnDev(workspace);
  git(workspace, 'checkout', '-qb', 'feature');
  return { workspace, baseSha };
}

function sarifResults(workspace: string): { ruleId: string; level: string; baselineState?: string }[] {
  return JSON.parse(readFileSync(path.join(workspace, 'connector-alm.sarif'), 'utf8')).runs[0].results;
}

describe('validate-connector on the pull request of an MCP server connector', () => {
  it('that adds it: passes, and the job summary names it as new rather than saying no connector changed', async () => {
    const { workspace, baseSha } = repositoryOnDev();
    writeMcpConnector(workspace);
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-qm', 'add Contoso Tickets MCP');
    const run = await runOnPullRequest(workspace, baseSha);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({
      connectors: JSON.stringify([MCP_FOLDER]),
      errors: '0',
      warnings: '0',
      'breaking-changes': '0',
      result: 'success',
    });
    // Neither its extension nor its schema-less MCP operation is a finding.
    expect(run.annotations).toEqual([]);
    expect(sarifResults(workspace)).toEqual([]);
    expect(run.summary).toContain(`| ${MCP_FOLDER} | certified | 0 | 0 | 0 | 0 | ✅ |`);
    const changes = run.summary.slice(run.summary.indexOf('### Changes against the base branch'));
    expect(changes).toContain(`**${MCP_FOLDER}** (new): no version at the base to compare with`);
    expect(changes).not.toContain('differs from the base');
  });

  it('that takes x-ms-agentic-protocol off: BRK-MCP-REMOVED where it left the operation, left to reviewers unless fail-on-breaking', async () => {
    const { workspace, baseSha } = repositoryOnDev((folder) => writeMcpConnector(folder));
    writeMcpConnector(workspace, mcpServerSwagger(null));
    git(workspace, 'commit', '-qam', 'no longer an MCP server');
    const swaggerFile = `${MCP_FOLDER}/apiDefinition.swagger.json`;
    const headText = readFileSync(path.join(workspace, swaggerFile), 'utf8');
    // The operation's `responses`, the first in the file: the member that followed the extension.
    const followingLine = headText.split('\n').findIndex((line) => line.includes('"responses"')) + 1;

    const warned = await runOnPullRequest(workspace, baseSha);
    expect(warned.stderr).toBe('');
    expect(warned.exitCode).toBe(0);
    expect(warned.outputs).toMatchObject({ 'breaking-changes': '1', errors: '1', result: 'success' });
    // Where it left its place in the operation, at the head (a line of the pull request's diff); the
    // message says where it was at the base.
    expect(warned.annotations.find((a) => a.title === 'BRK-MCP-REMOVED')).toMatchObject({
      level: 'error',
      file: swaggerFile,
      line: followingLine,
      message: expect.stringMatching(
        /^The operation is no longer an MCP server \(x-ms-agentic-protocol has been removed\)\. Agents that use the server lose its tools\. It was 'mcp-streamable-1\.0'\. .*In the base version: [0-9a-f]{12}:certified-connectors\/Contoso Tickets MCP\/apiDefinition\.swagger\.json:\d+:\d+\.\)$/,
      ),
    });
    expect(warned.summary).toContain(`**${MCP_FOLDER}**: breaking (1 breaking, 0 non-breaking)`);
    expect(warned.summary).toMatch(
      /- 💥 \*\*breaking\*\* \[`BRK-MCP-REMOVED`\]\([^)]+#brk-mcp-removed\) `InvokeMCP`: /,
    );
    expect(sarifResults(workspace)).toContainEqual(
      expect.objectContaining({ ruleId: 'BRK-MCP-REMOVED', level: 'error', baselineState: 'new' }),
    );

    const failed = await runOnPullRequest(workspace, baseSha, { 'fail-on-breaking': 'true' });
    expect(failed.outputs.result).toBe('failure');
    expect(failed.exitCode).toBe(1);
  });
});
