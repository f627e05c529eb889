import { describe, expect, it } from '@jest/globals';
import { diffPaths } from '../../src/diff/diff-paths.js';
import { writeConnector } from '../helpers/fixture.js';
import { addMcpServer, validConnectorFiles, validSwagger } from '../helpers/valid-connector.js';
import { lineOf, validateEditAgainstDev } from '../git/pull-request-edit.js';
import { diffEdited, withRule, type Json } from './diff-fixture.js';

// An MCP server connector's operation carries `x-ms-agentic-protocol`: Copilot Studio lists the
// tools of that server. Taking the extension away, or changing its transport, changes what agents
// that use the server get; adding it to an existing operation breaks nothing.

const MCP = '/paths/~1mcp/post';
const KEY = 'x-ms-agentic-protocol';

function mcpSwagger(protocol: unknown = 'mcp-streamable-1.0'): Json {
  const swagger = validSwagger();
  addMcpServer(swagger, protocol);
  return swagger;
}

/** The rule ids of a diff's changes. */
function ruleIds(result: { changes: { ruleId: string }[] }): string[] {
  return result.changes.map((change) => change.ruleId);
}

describe('BRK-MCP-REMOVED', () => {
  it('fires, as a breaking error on the base version, when the extension is removed', () => {
    const result = diffEdited((swagger) => delete swagger.paths['/mcp'].post[KEY], mcpSwagger());
    expect(ruleIds(result)).toEqual(['BRK-MCP-REMOVED']);
    expect(result.classification).toBe('breaking');
    expect(result.changes[0]).toMatchObject({
      breaking: true,
      severity: 'error',
      side: 'old',
      pointer: `${MCP}/${KEY}`,
      operationId: 'InvokeMCP',
      valuePath: `operation/InvokeMCP/${KEY}`,
    });
    expect(result.changes[0]!.message).toMatch(
      /^The operation is no longer an MCP server \(x-ms-agentic-protocol has been removed\)\. Agents that use the server lose its tools\. It was 'mcp-streamable-1\.0'\./,
    );
  });

  it('is not reported beside BRK-OP-DELETED when the whole operation goes', () => {
    const result = diffEdited((swagger) => delete swagger.paths['/mcp'], mcpSwagger());
    expect(ruleIds(result)).toEqual(['BRK-OP-DELETED']);
  });

  it('stays quiet when the MCP operation only gets a new description', () => {
    const result = diffEdited(
      (swagger) => (swagger.paths['/mcp'].post.description = 'Calls the Contoso MCP server.'),
      mcpSwagger(),
    );
    expect(ruleIds(result)).toEqual(['CHG-TEXT-EDITED']);
  });
});

describe('BRK-MCP-PROTOCOL', () => {
  it('fires, as a breaking warning on the new value, when the transport changes', () => {
    const result = diffEdited(
      (swagger) => (swagger.paths['/mcp'].post[KEY] = 'mcp-streamable-1.0'),
      mcpSwagger('mcp-sse-1.0'),
    );
    expect(ruleIds(result)).toEqual(['BRK-MCP-PROTOCOL']);
    expect(result.changes[0]).toMatchObject({
      breaking: true,
      severity: 'warning',
      side: 'new',
      pointer: `${MCP}/${KEY}`,
    });
    expect(result.changes[0]!.message).toMatch(/It changed from 'mcp-sse-1\.0' to 'mcp-streamable-1\.0'\./);
  });

  it('fires on a value that is no string any more, and names it', () => {
    const result = diffEdited((swagger) => (swagger.paths['/mcp'].post[KEY] = 1), mcpSwagger());
    expect(withRule(result, 'BRK-MCP-PROTOCOL')[0]!.message).toMatch(/from 'mcp-streamable-1\.0' to 1\./);
  });
});

describe('CHG-MCP-ADDED', () => {
  it('lists the extension added to an existing operation as a major, non-breaking change', () => {
    const before = validSwagger();
    addMcpServer(before);
    delete before.paths['/mcp'].post[KEY];
    const result = diffEdited((swagger) => (swagger.paths['/mcp'].post[KEY] = 'mcp-streamable-1.0'), before);
    expect(ruleIds(result)).toEqual(['CHG-MCP-ADDED']);
    expect(result.classification).toBe('major-update');
    expect(result.changes[0]).toMatchObject({ breaking: false, severity: 'info', pointer: `${MCP}/${KEY}` });
  });

  it('leaves a new MCP operation to CHG-OP-ADDED', () => {
    const result = diffEdited((swagger) => addMcpServer(swagger));
    expect(ruleIds(result)).toEqual(['CHG-OP-ADDED']);
  });
});

describe('diff of two MCP connector folders', () => {
  it('reports the removed extension from the files on disk', async () => {
    const before = { ...validConnectorFiles(), 'apiDefinition.swagger.json': mcpSwagger() };
    const after = structuredClone(before) as Json;
    delete after['apiDefinition.swagger.json'].paths['/mcp'].post[KEY];
    const result = await diffPaths(writeConnector(before), writeConnector(after));
    expect(result.changes.map((change) => [change.ruleId, change.side, change.line])).toEqual([
      ['BRK-MCP-REMOVED', 'old', lineOf(before['apiDefinition.swagger.json'], `"${KEY}"`)],
    ]);
  });
});

describe('validate --base: a pull request that edits an MCP server connector', () => {
  const FOLDER = 'certified-connectors/Contoso';
  const SWAGGER = 'apiDefinition.swagger.json';
  const base = (): Json => ({ ...validConnectorFiles(), [SWAGGER]: mcpSwagger('mcp-sse-1.0') });

  it('reports the removed extension as a breaking error where it left its place in the operation of the current file', async () => {
    const { result, files } = await validateEditAgainstDev(
      FOLDER,
      (after) => delete after[SWAGGER].paths['/mcp'].post[KEY],
      base(),
    );
    expect(result.findings).toEqual([
      expect.objectContaining({
        ruleId: 'BRK-MCP-REMOVED',
        severity: 'error',
        file: `${FOLDER}/${SWAGGER}`,
        // The operation's member that followed it: the line a pull request's diff shows.
        pointer: '/paths/~1mcp/post/responses',
        line: lineOf(files[SWAGGER], '"responses"', '"/mcp"'),
      }),
    ]);
    expect(result.findings[0]!.message).toMatch(
      /In the base version: [0-9a-f]{12}:certified-connectors\/Contoso\/apiDefinition\.swagger\.json:\d+:\d+/,
    );
  });

  it('reports the move from SSE to streamable HTTP as a breaking warning on the new value', async () => {
    const { result, files } = await validateEditAgainstDev(
      FOLDER,
      (after) => (after[SWAGGER].paths['/mcp'].post[KEY] = 'mcp-streamable-1.0'),
      base(),
    );
    expect(result.findings).toEqual([
      expect.objectContaining({
        ruleId: 'BRK-MCP-PROTOCOL',
        severity: 'warning',
        file: `${FOLDER}/${SWAGGER}`,
        line: lineOf(files[SWAGGER], `"${KEY}"`),
      }),
    ]);
    expect(result.diffs[0]!.diff!.classification).toBe('breaking');
  });
});
