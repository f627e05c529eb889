import { quoted } from '../../text/message-values.js';
import { structureOf } from '../swagger/structure.js';
import type { StructureNode } from '../swagger/structure/nodes.js';
import { childPointer } from '../../json/pointer.js';
import { sameLevels, type RuleDefinition } from '../../model/rule.js';
import { swapAwareDistance } from '@connector-alm/core';

/*
 * MCP (Model Context Protocol) server connectors. What is documented: Copilot Studio's "Extend your
 * agent with Model Context Protocol" page gives a swagger template whose one operation, `post` on
 * `/mcp`, carries `x-ms-agentic-protocol: mcp-streamable-1.0` (streamable HTTP); the SSE transport,
 * `mcp-sse-1.0`, is deprecated by the MCP specification and Copilot Studio stopped supporting it
 * after August 2025. The MCP specification's streamable HTTP transport sends every JSON-RPC message
 * as an HTTP POST to the one endpoint. What is inferred: Copilot Studio reads the extension on an
 * operation only, as every operation extension is read, so elsewhere it marks nothing; a value
 * other than the two does not make an MCP server.
 */

export const MCP_PROTOCOL_KEY = 'x-ms-agentic-protocol';
export const MCP_STREAMABLE = 'mcp-streamable-1.0';
export const MCP_SSE = 'mcp-sse-1.0';

/** At most this many edits from 'mcp-streamable-1.0' is a slip of it, worth a "did you mean". */
const MAX_SLIP_EDITS = 4;

/** The value a wrong `x-ms-agentic-protocol` most likely meant, when it is close to a known one. */
function meantProtocol(value: string): string | undefined {
  const lower = value.trim().toLowerCase();
  // 'MCP-Streamable-1.0', 'mcp-streamable', 'mcp-streamable-1', 'mcp_streamable_1.0', 'mcp-streamble-1.0'.
  if (lower.startsWith('mcp') && lower.includes('stream')) return MCP_STREAMABLE;
  return swapAwareDistance(lower, MCP_STREAMABLE, MAX_SLIP_EDITS) <= MAX_SLIP_EDITS
    ? MCP_STREAMABLE
    : undefined;
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return quoted(value);
  if (value === null) return 'null';
  return Array.isArray(value)
    ? 'an array'
    : typeof value === 'object'
      ? 'an object'
      : `${typeof value} ${String(value)}`;
}

/** How a message names the object a misplaced extension is on. */
function placeOf(node: StructureNode): string {
  switch (node.kind) {
    case 'root':
      return 'the root of the swagger';
    case 'info':
      return 'info';
    case 'pathItem':
      return 'a path item';
    default:
      return `a ${node.kind}`;
  }
}

export const mcpRules: RuleDefinition[] = [
  {
    id: 'SWG-MCP-PROTOCOL',
    file: 'swagger',
    title: "Mark an MCP server operation with x-ms-agentic-protocol 'mcp-streamable-1.0'.",
    description:
      "`x-ms-agentic-protocol` makes the operation the connector's MCP (Model Context Protocol) server, whose tools Copilot Studio agents list. Copilot Studio's MCP template uses `mcp-streamable-1.0` (streamable HTTP). `mcp-sse-1.0` (Server-Sent Events) is a warning: the MCP specification deprecated that transport and Copilot Studio stopped supporting it after August 2025. Any other value (another case, a typo, a number) makes no MCP server and is an error, with the value it most likely meant.",
    levels: sameLevels('error'),
    example: {
      placement: 'operation',
      bad: '"x-ms-agentic-protocol": "mcp-streamable"',
      good: '"x-ms-agentic-protocol": "mcp-streamable-1.0"',
    },
    check({ swagger, report }) {
      for (const operation of swagger?.operations ?? []) {
        if (!operation.isMcp) continue;
        const value = operation.operation[MCP_PROTOCOL_KEY];
        if (value === MCP_STREAMABLE) continue;
        const pointer = childPointer(operation.pointer, MCP_PROTOCOL_KEY);
        if (value === MCP_SSE) {
          report({
            pointer,
            severity: 'warning',
            message: `'${MCP_SSE}' is the Server-Sent Events transport, which the MCP specification deprecated and Copilot Studio no longer supports; serve streamable HTTP and use '${MCP_STREAMABLE}'.`,
          });
          continue;
        }
        const meant = typeof value === 'string' ? meantProtocol(value) : undefined;
        report({
          pointer,
          message:
            `x-ms-agentic-protocol is ${describeValue(value)}, which Copilot Studio does not know, so the operation is not an MCP server.` +
            (meant
              ? ` Did you mean '${meant}'?`
              : ` Use '${MCP_STREAMABLE}' for a streamable HTTP MCP server.`),
        });
      }
    },
  },
  {
    id: 'SWG-MCP-METHOD',
    file: 'swagger',
    title: 'Put x-ms-agentic-protocol on a POST operation.',
    description:
      "The streamable HTTP transport of MCP sends every JSON-RPC message with an HTTP POST to the server's endpoint (MCP specification), and Copilot Studio's template marks `post` on `/mcp`. On another method the agent's requests do not reach the server. Operations marked `mcp-sse-1.0` are not checked: that transport opened its event stream with a GET, and SWG-MCP-PROTOCOL already asks to leave it.",
    levels: sameLevels('error'),
    example: {
      placement: 'paths',
      bad: '"/mcp": { "get": { "operationId": "InvokeMCP", "x-ms-agentic-protocol": "mcp-streamable-1.0", … } }',
      good: '"/mcp": { "post": { "operationId": "InvokeMCP", "x-ms-agentic-protocol": "mcp-streamable-1.0", … } }',
    },
    check({ swagger, report }) {
      for (const operation of swagger?.operations ?? []) {
        if (!operation.isMcp || operation.method === 'post') continue;
        if (operation.operation[MCP_PROTOCOL_KEY] === MCP_SSE) continue;
        report({
          pointer: childPointer(operation.pointer, MCP_PROTOCOL_KEY),
          message: `The MCP server operation is a ${operation.method.toUpperCase()}, but streamable HTTP sends every MCP message with POST. Move x-ms-agentic-protocol and the operation to 'post' on ${operation.path}.`,
        });
      }
    },
  },
  {
    id: 'SWG-MCP-PLACE',
    file: 'swagger',
    title: 'Put x-ms-agentic-protocol on the operation of the MCP server.',
    description:
      'Copilot Studio reads `x-ms-agentic-protocol` on an operation, as its template shows. On the root, info, a path item, a parameter, a response or a schema it marks nothing, and the connector has no MCP server.',
    levels: sameLevels('warning'),
    example: {
      placement: 'pathItem',
      bad: '"x-ms-agentic-protocol": "mcp-streamable-1.0"',
      good: '"get": { … }',
    },
    check(context) {
      if (!context.swagger) return;
      for (const { node, key } of structureOf(context.swagger).keys.agenticProtocol) {
        if (node.kind === 'operation') continue;
        context.report({
          pointer: childPointer(node.pointer, key),
          message: `x-ms-agentic-protocol on ${placeOf(node)} marks nothing: Copilot Studio reads it on an operation. Move it into the POST operation of the MCP server.`,
        });
      }
    },
  },
];
