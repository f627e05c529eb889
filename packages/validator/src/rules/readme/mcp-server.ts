import type { RuleContext } from '../../model/rule.js';

/** The swagger has an MCP server operation (`x-ms-agentic-protocol`). */
export function hasMcpServer(context: RuleContext): boolean {
  for (const operation of context.swagger?.operations ?? []) if (operation.isMcp) return true;
  return false;
}
