import type { RuleDefinition } from '../model/rule.js';
import { contentTypeRules } from './operations/content-types.js';
import { operationDocumentationRules } from './operations/operation-docs.js';
import { operationExtensionRules } from './operations/operation-extensions.js';
import { operationIdRules } from './operations/operation-ids.js';
import { mcpRules } from './operations/mcp.js';
import { pathRules } from './operations/paths.js';
import { responseRules } from './operations/responses.js';

/** Catalog §1.4: operations and paths. */
export const swaggerOperationsRules: RuleDefinition[] = [
  ...operationIdRules,
  ...operationDocumentationRules,
  ...responseRules,
  ...pathRules,
  ...contentTypeRules,
  ...operationExtensionRules,
  ...mcpRules,
];
