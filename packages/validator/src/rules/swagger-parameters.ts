import type { RuleDefinition } from '../model/rule.js';
import { parameterDocumentationRules } from './operations/parameter-docs.js';
import { parameterRules } from './operations/parameter-rules.js';
import { valueConstraintRules } from './operations/value-constraints.js';

/** Catalog §1.6: parameters. */
export const swaggerParametersRules: RuleDefinition[] = [
  ...parameterDocumentationRules,
  ...parameterRules,
  ...valueConstraintRules,
];
