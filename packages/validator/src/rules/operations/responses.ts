import type { RuleDefinition } from '../../model/rule.js';
import { responseCodeRule, responsesRequiredRule, successResponseRule } from './response-code-rules.js';
import { responseExampleRule } from './response-example-rule.js';
import { responseHeadersRule } from './response-headers-rule.js';
import {
  defaultResponseSchemaRule,
  emptyResponseSchemaRule,
  multipleResponseSchemasRule,
  responseSchemaDefinedRule,
  successSchemaCodeRule,
} from './response-schema-rules.js';

/** The response rules of the catalog, in its order (each in the file of its concept). */
export const responseRules: RuleDefinition[] = [
  responsesRequiredRule,
  successResponseRule,
  responseCodeRule,
  defaultResponseSchemaRule,
  multipleResponseSchemasRule,
  successSchemaCodeRule,
  emptyResponseSchemaRule,
  responseSchemaDefinedRule,
  responseHeadersRule,
  responseExampleRule,
];
