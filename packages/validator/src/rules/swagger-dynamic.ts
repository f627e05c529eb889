import type { RuleDefinition } from '../model/rule.js';
import { dynamicRules } from './operations/dynamic.js';

/** Catalog §1.7: dynamic extensions and cross-operation references. */
export const swaggerDynamicRules: RuleDefinition[] = dynamicRules;
