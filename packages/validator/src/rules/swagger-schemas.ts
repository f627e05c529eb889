import type { RuleDefinition } from '../model/rule.js';

export const swaggerSchemasRules: RuleDefinition[] = [];
