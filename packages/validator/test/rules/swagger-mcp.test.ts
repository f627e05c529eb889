import { describe, expect, it } from '@jest/globals';
import { runRules } from '../helpers/fixture.js';
import { describeRule, swaggerFindings, VALID, type Json } from '../helpers/swagger-cases.js';
import { addMcpServer, validConnectorFiles, validReadme, validSwagger } from '../helpers/valid-connector.js';

const MCP = '/paths/~1mcp/post';
const PROTOCOL = `${MCP}/x-ms-agentic-protocol`;

/** The MCP server of addMcpServer, moved from POST to another method of /mcp. */
function mcpOn(method: string, protocol = 'mcp-streamable-1.0') {
  return (s: Json) => {
    addMcpServer(s, protocol);
    s.paths['/mcp'] = { [method]: s.paths['/mcp'].post };
  };
}

describeRule(
  'SWG-MCP-PROTOCOL',
  [
    {
      name: "on 'mcp-sse-1.0', as a warning that names the streamable transport",
      edit: (s) => addMcpServer(s, 'mcp-sse-1.0'),
      pointer: PROTOCOL,
      severity: 'warning',
      message: /deprecated .* use 'mcp-streamable-1\.0'\.$/,
    },
    {
      name: 'on another case of the value',
      edit: (s) => addMcpServer(s, 'MCP-Streamable-1.0'),
      pointer: PROTOCOL,
      message:
        /^x-ms-agentic-protocol is 'MCP-Streamable-1\.0', which Copilot Studio does not know, so the operation is not an MCP server\. Did you mean 'mcp-streamable-1\.0'\?$/,
    },
    {
      name: 'on the value without its version',
      edit: (s) => addMcpServer(s, 'mcp-streamable'),
      pointer: PROTOCOL,
      message: /Did you mean 'mcp-streamable-1\.0'\?$/,
    },
    {
      name: 'on a typo',
      edit: (s) => addMcpServer(s, 'mcp-streamble-1.0'),
      pointer: PROTOCOL,
      message: /Did you mean 'mcp-streamable-1\.0'\?$/,
    },
    {
      name: 'on a number, without a guess',
      edit: (s) => addMcpServer(s, 1),
      pointer: PROTOCOL,
      message: /is number 1, .* Use 'mcp-streamable-1\.0' for a streamable HTTP MCP server\.$/,
    },
    {
      name: 'on a word far from the value, without a guess',
      edit: (s) => addMcpServer(s, 'websocket'),
      pointer: PROTOCOL,
      message: /is 'websocket', .* Use 'mcp-streamable-1\.0'/,
    },
  ],
  [VALID, { name: "on 'mcp-streamable-1.0'", edit: (s) => addMcpServer(s) }],
);

describeRule(
  'SWG-MCP-METHOD',
  [
    {
      name: 'on an MCP server operation that is a GET',
      edit: mcpOn('get'),
      pointer: '/paths/~1mcp/get/x-ms-agentic-protocol',
      message: /is a GET, but streamable HTTP sends every MCP message with POST\. .* 'post' on \/mcp\.$/,
    },
    {
      name: 'on a PUT marked with a misspelled value (meant streamable)',
      edit: mcpOn('put', 'mcp-streamable'),
      pointer: '/paths/~1mcp/put/x-ms-agentic-protocol',
    },
  ],
  [
    VALID,
    { name: 'on a POST', edit: (s) => addMcpServer(s) },
    // The SSE transport opened its stream with a GET; SWG-MCP-PROTOCOL asks to leave it.
    { name: "on a GET marked 'mcp-sse-1.0'", edit: mcpOn('get', 'mcp-sse-1.0') },
  ],
);

describeRule(
  'SWG-MCP-PLACE',
  [
    {
      name: 'on a path item',
      edit: (s) => {
        addMcpServer(s);
        delete s.paths['/mcp'].post['x-ms-agentic-protocol'];
        s.paths['/mcp']['x-ms-agentic-protocol'] = 'mcp-streamable-1.0';
      },
      pointer: '/paths/~1mcp/x-ms-agentic-protocol',
      severity: 'warning',
      message:
        /^x-ms-agentic-protocol on a path item marks nothing: Copilot Studio reads it on an operation\./,
    },
    {
      name: 'at the root',
      edit: (s) => (s['x-ms-agentic-protocol'] = 'mcp-streamable-1.0'),
      pointer: '/x-ms-agentic-protocol',
      severity: 'warning',
      message: /on the root of the swagger/,
    },
    {
      name: 'in info',
      edit: (s) => (s.info['x-ms-agentic-protocol'] = 'mcp-streamable-1.0'),
      pointer: '/info/x-ms-agentic-protocol',
      severity: 'warning',
    },
    {
      name: 'on a parameter',
      edit: (s) => (s.paths['/tasks'].get.parameters[0]['x-ms-agentic-protocol'] = 'mcp-streamable-1.0'),
      pointer: '/paths/~1tasks/get/parameters/0/x-ms-agentic-protocol',
      severity: 'warning',
      message: /on a parameter/,
    },
  ],
  [
    VALID,
    { name: 'on an operation', edit: (s) => addMcpServer(s) },
    {
      name: 'on a schema property named so',
      edit: (s) => (s.definitions.Task.properties['x-ms-agentic-protocol'] = { type: 'string' }),
    },
  ],
);

describe('x-ms-agentic-protocol is a known extension', () => {
  it('is not reported by SWG-XMS-UNKNOWN on an operation', async () => {
    expect(await swaggerFindings('SWG-XMS-UNKNOWN', (s) => addMcpServer(s))).toEqual([]);
  });
  it('is still suggested for a misspelling of it', async () => {
    const findings = await swaggerFindings('SWG-XMS-UNKNOWN', (s) => {
      addMcpServer(s);
      const operation = s.paths['/mcp'].post;
      operation['x-ms-agentic-protocl'] = operation['x-ms-agentic-protocol'];
      delete operation['x-ms-agentic-protocol'];
    });
    expect(findings).toMatchObject([
      {
        pointer: `${MCP}/x-ms-agentic-protocl`,
        message: expect.stringMatching(
          /Did you mean 'x-ms-agentic-protocol'\? `connector-alm validate --fix` renames it\.$/,
        ),
      },
    ]);
  });
});

describe('response rules leave the MCP server operation alone', () => {
  // Copilot Studio's template: a 200 "Success" without a schema.
  it('SWG-RESP-DEFINED: no finding on a 200 without a schema', async () => {
    expect(await swaggerFindings('SWG-RESP-DEFINED', (s) => addMcpServer(s))).toEqual([]);
  });
  it('SWG-RESP-DEFINED: still fires on the same operation without the extension', async () => {
    const findings = await swaggerFindings('SWG-RESP-DEFINED', (s) => {
      addMcpServer(s);
      delete s.paths['/mcp'].post['x-ms-agentic-protocol'];
    });
    expect(findings).toMatchObject([{ pointer: `${MCP}/responses/200` }]);
  });
  it('SWG-RESP-SCHEMA-200: no finding on a schema only on an error response', async () => {
    const edit = (s: Json) => {
      addMcpServer(s);
      s.paths['/mcp'].post.responses['500'] = { description: 'Error', schema: { type: 'object' } };
    };
    expect(await swaggerFindings('SWG-RESP-SCHEMA-200', edit)).toEqual([]);
  });
  it('SWG-RESP-SCHEMA-200: fires on the same operation without the extension', async () => {
    const findings = await swaggerFindings('SWG-RESP-SCHEMA-200', (s) => {
      addMcpServer(s);
      delete s.paths['/mcp'].post['x-ms-agentic-protocol'];
      s.paths['/mcp'].post.responses['500'] = { description: 'Error', schema: { type: 'object' } };
    });
    expect(findings).toMatchObject([{ pointer: `${MCP}/responses` }]);
  });
  // The certified shape: a 200 whose schema is a bare object.
  it('SWG-RESP-EMPTY-SCHEMA: no finding on a bare object schema', async () => {
    const edit = (s: Json) => {
      addMcpServer(s);
      s.paths['/mcp'].post.responses['200'].schema = { type: 'object' };
    };
    expect(await swaggerFindings('SWG-RESP-EMPTY-SCHEMA', edit)).toEqual([]);
  });
  it('SWG-RESP-EMPTY-SCHEMA: still fires on the same operation without the extension', async () => {
    const findings = await swaggerFindings('SWG-RESP-EMPTY-SCHEMA', (s) => {
      addMcpServer(s);
      s.paths['/mcp'].post.responses['200'].schema = { type: 'object' };
      delete s.paths['/mcp'].post['x-ms-agentic-protocol'];
    });
    expect(findings).toMatchObject([{ pointer: `${MCP}/responses/200/schema` }]);
  });
  it('rules that apply to every operation still fire on it', async () => {
    const findings = await swaggerFindings('SWG-OP-DESC-REQ', (s) => {
      addMcpServer(s);
      delete s.paths['/mcp'].post.description;
    });
    expect(findings).toMatchObject([{ pointer: MCP }]);
  });
});

describe('readme of an MCP server connector', () => {
  const mcpFiles = (readme: string) => {
    const swagger = validSwagger();
    addMcpServer(swagger);
    return { ...validConnectorFiles(), 'apiDefinition.swagger.json': swagger, 'readme.md': readme };
  };
  const tools = '### search_tasks\nFinds tasks by their title.\n### close_task\nCloses a task.\n';

  it('README-OPS-MATCH: the MCP operation need not be listed, and tool headings are not stale', async () => {
    const readme = validReadme().replace('### Get a task', `${tools}### Get a task`);
    expect(await runRules(mcpFiles(readme), ['README-OPS-MATCH'], 'independent-publisher')).toEqual([]);
  });
  it('README-OPS-MATCH: still names a missing ordinary operation of an MCP connector', async () => {
    const readme = validReadme().replace('### Get a task\nGets one task by its identifier.\n', tools);
    const findings = await runRules(mcpFiles(readme), ['README-OPS-MATCH'], 'independent-publisher');
    expect(findings.map((f) => f.message)).toEqual([
      'The operation "Get a task" is not listed under Supported Operations.',
    ]);
  });
  it('README-OPS-MATCH: a heading naming no operation is still stale without an MCP server', async () => {
    const readme = validReadme().replace('### Get a task', `${tools}### Get a task`);
    const findings = await runRules(
      { ...validConnectorFiles(), 'readme.md': readme },
      ['README-OPS-MATCH'],
      'independent-publisher',
    );
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringMatching(/^"search_tasks" is listed under Supported Operations, but no operation/),
      expect.stringMatching(/^"close_task" is listed under Supported Operations, but no operation/),
    ]);
  });
  it('README-SECTIONS-CERT: a tools section stands for Supported Operations of an MCP connector', async () => {
    const readme = validReadme().replace('## Supported Operations', '## Available Tools');
    expect(await runRules(mcpFiles(readme), ['README-SECTIONS-CERT', 'README-SECTIONS-IP'])).toEqual([]);
    expect(await runRules(mcpFiles(readme), ['README-SECTIONS-IP'], 'independent-publisher')).toEqual([]);
  });
  it('README-SECTIONS-CERT: a capabilities section stands for Supported Operations of an MCP connector', async () => {
    // The merged certified AffinityMCP describes its server's tools under "## Supported capabilities",
    // in groups of bold labels over lists, since the tools are found at runtime.
    const capabilities = [
      '## Supported capabilities',
      'The server offers its tools to agents; they are discovered at runtime.',
      '',
      '**Tasks**',
      '- Search tasks by title',
      '- Close a task',
    ].join('\n');
    const readme = validReadme().replace(/## Supported Operations\n(?:.*\n)*?\n/, `${capabilities}\n\n`);
    expect(readme).not.toMatch(/Supported Operations/);
    expect(await runRules(mcpFiles(readme), ['README-SECTIONS-CERT'])).toEqual([]);
    expect(await runRules(mcpFiles(readme), ['README-SECTIONS-IP'], 'independent-publisher')).toEqual([]);
    expect(
      await runRules(mcpFiles(readme.replace('## Supported capabilities', '## Capabilities')), [
        'README-SECTIONS-CERT',
      ]),
    ).toEqual([]);
    // Without an MCP server, capabilities are no list of operations.
    const findings = await runRules({ ...validConnectorFiles(), 'readme.md': readme }, [
      'README-SECTIONS-CERT',
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringMatching(/no "## Supported Operations" section/),
    ]);
  });
  it('README-SECTIONS-CERT: a tools section does not stand for it without an MCP server', async () => {
    const readme = validReadme().replace('## Supported Operations', '## Available Tools');
    const findings = await runRules({ ...validConnectorFiles(), 'readme.md': readme }, [
      'README-SECTIONS-CERT',
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringMatching(/no "## Supported Operations" section/),
    ]);
  });
});
