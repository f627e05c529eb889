import type { RuleDefinition } from '../../model/rule.js';
import { ambiguityRule } from './dynamic-ambiguity-rule.js';
import { dynamicFormsAgreeRule } from './dynamic-forms-agree-rule.js';
import { dynamicInternalSourceRule } from './dynamic-internal-source-rule.js';
import { dynamicOnBodyRule } from './dynamic-on-body-rule.js';
import { dynamicParametersRule } from './dynamic-parameters-rule.js';
import { dynamicPropertiesPathRule } from './dynamic-properties-path-rule.js';
import { dynamicResultRule } from './dynamic-result-rule.js';
import { dynamicTreeRule } from './dynamic-tree-rule.js';
import { operationIdReferenceRule } from './operation-id-reference-rule.js';

/** The dynamic-extension rules of the catalog, in its order (each in the file of its concept). */
export const dynamicRules: RuleDefinition[] = [
  dynamicOnBodyRule,
  ambiguityRule('SWG-DYN-LIST-AMBIG', 'x-ms-dynamic-values', 'x-ms-dynamic-list'),
  ambiguityRule('SWG-DYN-PROPS-AMBIG', 'x-ms-dynamic-schema', 'x-ms-dynamic-properties'),
  dynamicPropertiesPathRule,
  dynamicFormsAgreeRule,
  dynamicTreeRule,
  operationIdReferenceRule,
  dynamicParametersRule,
  dynamicResultRule,
  dynamicInternalSourceRule,
];
