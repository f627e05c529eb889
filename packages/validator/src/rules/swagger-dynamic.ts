import type { RuleDefinition } from '../model/rule.js';

export const swaggerDynamicRules: RuleDefinition[] = [];
