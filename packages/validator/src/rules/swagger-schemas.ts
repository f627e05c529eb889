import type { RuleDefinition } from '../model/rule.js';
import { schemaKeywordRules } from './swagger/schema-keywords.js';
import { schemaRefRules } from './swagger/schema-refs.js';
import { schemaRequiredRules } from './swagger/schema-required.js';

/** Catalog §1.9: schemas and `$ref`s. */
export const swaggerSchemasRules: RuleDefinition[] = [
  ...schemaRefRules,
  ...schemaRequiredRules,
  ...schemaKeywordRules,
];
