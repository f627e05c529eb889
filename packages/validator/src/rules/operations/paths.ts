import type { RuleDefinition } from '../../model/rule.js';
import { duplicateRouteRule, partiallyDuplicateRouteRule } from './duplicate-route-rules.js';
import { missingPathParameterRule } from './missing-path-parameter-rule.js';
import { pathItemRefRule } from './path-item-ref-rule.js';
import {
  pathCaseRule,
  pathQueryRule,
  pathSlashRule,
  pathTemplateRule,
  pathVariableDefaultRule,
  pathWildcardRule,
} from './path-key-rules.js';

/** The path rules of the catalog, in its order (each in the file of its concept). */
export const pathRules: RuleDefinition[] = [
  pathSlashRule,
  pathQueryRule,
  pathWildcardRule,
  pathTemplateRule,
  pathVariableDefaultRule,
  duplicateRouteRule,
  partiallyDuplicateRouteRule,
  pathCaseRule,
  pathItemRefRule,
  missingPathParameterRule,
];
