import type { RuleContext } from '../../model/rule.js';
import { outlineOf, type ReadmeOutline } from './outline.js';

/** The readme's outline, read once per readme (see outlineOf); undefined without a readme. */
export function outline(context: RuleContext): ReadmeOutline | undefined {
  const document = context.connector.files.readme?.document;
  return document === undefined ? undefined : outlineOf(document);
}

/** The swagger has an MCP server operation (`x-ms-agentic-protocol`). */
export function hasMcpServer(context: RuleContext): boolean {
  for (const operation of context.swagger?.operations ?? []) if (operation.isMcp) return true;
  return false;
}
