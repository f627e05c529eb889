import type { RuleDefinition } from '../model/rule.js';

export const swaggerDocumentRules: RuleDefinition[] = [];
