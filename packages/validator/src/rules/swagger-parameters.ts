import type { RuleDefinition } from '../model/rule.js';
import { parameterDocumentationRules } from './operations/parameter-docs.js';
import { parameterLocationRules } from './operations/parameter-locations.js';
import { valueConstraintRules } from './operations/value-constraints.js';

/** Catalog §1.6: parameters. */
export const swaggerParametersRules: RuleDefinition[] = [
  ...parameterDocumentationRules,
  ...parameterLocationRules,
  ...valueConstraintRules,
];
