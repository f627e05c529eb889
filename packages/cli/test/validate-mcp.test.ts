import { describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import { runCli } from '../src/program.js';
import { memoryIo } from './memory-io.js';

// An MCP (Model Context Protocol) server connector for Copilot Studio, validated as a maker runs
// `connector-alm validate` on its folder. Two shapes: the one certified MCP connectors have (POST
// /mcp answering a bare object, a health check beside it, OAuth, the readme listing the server's
// tools), and Copilot Studio's minimal template (POST /mcp answering 200 "Success" without a
// schema, nothing else). Neither is told its extension is unknown or its MCP operation needs an
// output schema; the findings left are the ones every connector gets.

const root = temporaryFolder('cli-mcp-');

const CERTIFIED_SHAPE = {
  swagger: '2.0',
  info: {
    title: 'Fabrikam Deals MCP',
    description:
      'Fabrikam Deals MCP gives agents the deals, contacts and activities of a Fabrikam workspace.',
    version: '1.0',
    contact: { name: 'Fabrikam Support', url: 'https://support.fabrikam.com', email: 'support@fabrikam.com' },
  },
  host: 'mcp.fabrikam.com',
  basePath: '/',
  schemes: ['https'],
  consumes: [],
  produces: [],
  paths: {
    '/mcp': {
      post: {
        summary: 'Invoke MCP Server',
        description:
          'Calls the Fabrikam MCP server, whose tools search deals and contacts and log activities.',
        operationId: 'InvokeMCP',
        'x-ms-agentic-protocol': 'mcp-streamable-1.0',
        consumes: ['application/json'],
        produces: ['application/json'],
        responses: { '200': { description: 'Success.', schema: { type: 'object' } } },
      },
    },
    '/healthz': {
      get: {
        summary: 'Check health',
        description: 'Tells whether the Fabrikam MCP server is up.',
        operationId: 'CheckHealth',
        responses: {
          '200': {
            description: 'The server is up.',
            schema: {
              type: 'object',
              properties: {
                status: {
                  type: 'string',
                  'x-ms-summary': 'Status',
                  description: 'ok when the server is up.',
                },
              },
            },
          },
        },
      },
    },
  },
  definitions: {},
  parameters: {},
  responses: {},
  securityDefinitions: {
    oauth2_auth: {
      type: 'oauth2',
      flow: 'accessCode',
      authorizationUrl: 'https://login.fabrikam.com/oauth/authorize',
      tokenUrl: 'https://login.fabrikam.com/oauth/token',
      scopes: {},
    },
  },
  security: [{ oauth2_auth: [] }],
  tags: [],
  'x-ms-connector-metadata': [
    { propertyName: 'Website', propertyValue: 'https://www.fabrikam.com' },
    { propertyName: 'Privacy policy', propertyValue: 'https://www.fabrikam.com/privacy' },
    { propertyName: 'Categories', propertyValue: 'AI' },
  ],
};

const CERTIFIED_PROPERTIES = {
  properties: {
    connectionParameters: {
      token: {
        type: 'oauthSetting',
        oAuthSettings: {
          identityProvider: 'oauth2',
          clientId: '[[DUMMY]]',
          scopes: [],
          redirectMode: 'GlobalPerConnector',
          redirectUrl: 'https://global.consent.azure-apim.net/redirect/fabrikamdealsmcp',
          properties: { IsFirstParty: 'False' },
          customParameters: {
            authorizationUrl: { value: 'https://login.fabrikam.com/oauth/authorize' },
            tokenUrl: { value: 'https://login.fabrikam.com/oauth/token' },
            refreshUrl: { value: 'https://login.fabrikam.com/oauth/token' },
          },
        },
      },
    },
    iconBrandColor: '#1f6feb',
    capabilities: [],
    publisher: 'Fabrikam Inc',
    stackOwner: 'Fabrikam Inc',
  },
};

// The tools are the server's: no swagger operation has their names.
const CERTIFIED_README = `# Fabrikam Deals MCP
Fabrikam Deals MCP is a Model Context Protocol server for the deals and contacts of a Fabrikam workspace.

## Publisher: Fabrikam Inc

## Prerequisites
A Fabrikam account.

## Supported Operations
### search_deals
Finds deals by name, stage or owner.
### get_contact
Gets a contact with its recent activities.
### log_activity
Logs a call or a meeting on a deal.
### Check health
Tells whether the server is up.

## Obtaining Credentials
Register an app in the Fabrikam developer portal with the redirect URL
https://global.consent.azure-apim.net/redirect/fabrikamdealsmcp, and sign in with your Fabrikam account.

## Known Issues and Limitations
None known.

## Deployment Instructions
Run \`paconn create --api-def apiDefinition.swagger.json --api-prop apiProperties.json\`.
`;

const TEMPLATE_SHAPE = {
  swagger: '2.0',
  info: {
    title: 'Northwind Orders MCP',
    description: 'Northwind Orders MCP lets agents read and track the orders of a Northwind store.',
    version: '1.0.0',
  },
  host: 'mcp.northwind.example.com',
  basePath: '/',
  schemes: ['https'],
  paths: {
    '/mcp': {
      post: {
        summary: 'Northwind Orders MCP server',
        'x-ms-agentic-protocol': 'mcp-streamable-1.0',
        operationId: 'InvokeMCP',
        responses: { '200': { description: 'Success' } },
      },
    },
  },
};

const TEMPLATE_PROPERTIES = {
  properties: {
    connectionParameters: {},
    iconBrandColor: '#da3b01',
    capabilities: [],
    publisher: 'Northwind Traders',
    stackOwner: 'Northwind Traders',
  },
};

// Tools under a heading of their own, in place of Supported Operations.
const TEMPLATE_README = `# Northwind Orders MCP
Northwind Orders MCP is a Model Context Protocol server for the orders of a Northwind store.

## Publisher: Northwind Traders

## Prerequisites
A Northwind store.

## Available Tools
### list_orders
Lists the orders of a customer.
### track_order
Tells where an order is.

## Obtaining Credentials
None needed: the server is public.

## Known Issues and Limitations
None known.

## Deployment Instructions
Run \`paconn create --api-def apiDefinition.swagger.json --api-prop apiProperties.json\`.
`;

/** Writes a connector folder under certified-connectors/ and returns its path relative to `root`. */
function writeFolder(name: string, swagger: object, properties: object, readme: string): string {
  const folder = path.join('certified-connectors', name);
  mkdirSync(path.join(root, folder), { recursive: true });
  writeFileSync(path.join(root, folder, 'apiDefinition.swagger.json'), JSON.stringify(swagger, null, 2));
  writeFileSync(path.join(root, folder, 'apiProperties.json'), JSON.stringify(properties, null, 2));
  writeFileSync(path.join(root, folder, 'readme.md'), readme);
  return folder;
}

const certified = writeFolder('Fabrikam Deals MCP', CERTIFIED_SHAPE, CERTIFIED_PROPERTIES, CERTIFIED_README);
const template = writeFolder('Northwind Orders MCP', TEMPLATE_SHAPE, TEMPLATE_PROPERTIES, TEMPLATE_README);

/** The line (1-based) of the first `needle` in a value written as the folder holds it. */
function lineOf(value: object, needle: string): number {
  const text = JSON.stringify(value, null, 2);
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

/** `validate <folder> --profile <profile> --format json`: the exit code and each finding as one line. */
async function validate(folder: string, profile: string): Promise<{ code: number; findings: string[] }> {
  const io = memoryIo(root);
  const code = await runCli(['validate', folder, '--profile', profile, '--format', 'json'], io);
  expect(io.err()).toBe('');
  const report = JSON.parse(io.out()) as {
    findings: { ruleId: string; severity: string; file: string; line: number }[];
  };
  const findings = report.findings.map(
    (finding) => `${finding.severity} ${finding.ruleId} ${path.basename(finding.file)}:${finding.line}`,
  );
  return { code, findings };
}

describe('connector-alm validate on an MCP server connector', () => {
  it.each(['certified', 'independent-publisher', 'custom'])(
    'the certified shape (%s profile)',
    async (profile) => {
      const expected: Record<string, string[]> = {
        // Microsoft's apiProperties pipeline rejects GlobalPerConnector, which reviewers ask for.
        certified: [
          `info PROP-OAUTH-REDIRECT apiProperties.json:${lineOf(CERTIFIED_PROPERTIES, '"redirectMode"')}`,
        ],
        'independent-publisher': [
          `info PROP-OAUTH-REDIRECT apiProperties.json:${lineOf(CERTIFIED_PROPERTIES, '"redirectMode"')}`,
          // An independent publisher's brand colour is fixed, MCP server or not.
          `error PROP-BRAND-IP apiProperties.json:${lineOf(CERTIFIED_PROPERTIES, '"iconBrandColor"')}`,
          // The service's owner publishing it belongs in certified-connectors.
          `warning PROP-PUBLISHER-OWNER apiProperties.json:${lineOf(CERTIFIED_PROPERTIES, '"publisher"')}`,
        ],
        custom: [
          `info PROP-OAUTH-REDIRECT apiProperties.json:${lineOf(CERTIFIED_PROPERTIES, '"redirectMode"')}`,
        ],
      };
      expect(await validate(certified, profile)).toEqual({
        code: profile === 'independent-publisher' ? 1 : 0,
        findings: expected[profile],
      });
    },
  );

  it.each(['certified', 'independent-publisher', 'custom'])(
    "Copilot Studio's minimal template (%s profile)",
    async (profile) => {
      const post = lineOf(TEMPLATE_SHAPE, '"post"');
      // What a submission needs beyond the template: metadata, a contact, an operation description.
      const submission = [
        'error SWG-META-REQ apiDefinition.swagger.json:1',
        `error SWG-INFO-CONTACT apiDefinition.swagger.json:${lineOf(TEMPLATE_SHAPE, '"info"')}`,
        `error SWG-OP-DESC-REQ apiDefinition.swagger.json:${post}`,
      ];
      const expected: Record<string, string[]> = {
        certified: submission,
        'independent-publisher': [
          ...submission,
          `warning PROP-PUBLISHER-OWNER apiProperties.json:${lineOf(TEMPLATE_PROPERTIES, '"publisher"')}`,
        ],
        custom: [`info SWG-OP-DESC-REQ apiDefinition.swagger.json:${post}`],
      };
      expect(await validate(template, profile)).toEqual({
        code: profile === 'custom' ? 0 : 1,
        findings: expected[profile],
      });
    },
  );

  it('tells a maker who marked the SSE transport what to use instead', async () => {
    const folder = writeFolder(
      'Northwind Orders SSE',
      {
        ...TEMPLATE_SHAPE,
        paths: {
          '/sse': { get: { ...TEMPLATE_SHAPE.paths['/mcp'].post, 'x-ms-agentic-protocol': 'mcp-sse-1.0' } },
        },
      },
      TEMPLATE_PROPERTIES,
      TEMPLATE_README,
    );
    const io = memoryIo(root);
    await runCli(['validate', folder, '--profile', 'custom'], io);
    expect(io.out()).toMatch(
      /apiDefinition\.swagger\.json:\d+:\d+ warning SWG-MCP-PROTOCOL 'mcp-sse-1\.0' is the Server-Sent Events transport, .* use 'mcp-streamable-1\.0'\./,
    );
  });
});
