import { childPointer } from '../json/pointer.js';
import type { OperationInfo } from '../swagger/operation-info.js';
import { excerpt, quoted } from '../text/message-values.js';
import { CHANGE_RULES } from './change-rules.js';
import type { SwaggerDiffContext } from './diff-context.js';
import { operationLabel } from '../swagger/operation-label.js';
import { jsonEqual } from './json-equal.js';

const KEY = 'x-ms-agentic-protocol';

/**
 * Compares whether an operation of both versions is an MCP server, and over which transport
 * (`x-ms-agentic-protocol`, which Copilot Studio reads): removed, changed or added.
 */
export function diffMcpProtocol(
  context: SwaggerDiffContext,
  before: OperationInfo,
  after: OperationInfo,
): void {
  if (!before.isMcp && !after.isMcp) return;
  const valuePath = `operation/${operationLabel(after)}/${KEY}`;
  const was = before.operation[KEY];
  const is = after.operation[KEY];
  if (before.isMcp && !after.isMcp) {
    context.sink.add({
      rule: CHANGE_RULES.mcpRemoved,
      file: 'swagger',
      side: 'old',
      pointer: childPointer(before.pointer, KEY),
      operationId: after.operationId,
      valuePath,
      detail: `It was ${valueText(was)}.`,
    });
  } else if (!before.isMcp) {
    context.sink.add({
      rule: CHANGE_RULES.mcpAdded,
      file: 'swagger',
      side: 'new',
      pointer: childPointer(after.pointer, KEY),
      operationId: after.operationId,
      valuePath,
      detail: `It is ${valueText(is)}.`,
    });
  } else if (!jsonEqual(was, is)) {
    context.sink.add({
      rule: CHANGE_RULES.mcpProtocol,
      file: 'swagger',
      side: 'new',
      pointer: childPointer(after.pointer, KEY),
      operationId: after.operationId,
      valuePath,
      detail: `It changed from ${valueText(was)} to ${valueText(is)}.`,
    });
  }
}

/** A value of the extension as a message quotes it: a string in quotes, anything else as JSON. */
function valueText(value: unknown): string {
  return typeof value === 'string' ? quoted(value) : excerpt(value);
}
