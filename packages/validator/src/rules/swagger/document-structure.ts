import type { RuleDefinition } from '../../model/rule.js';
import { arrayDuplicateRule } from './array-duplicate-rule.js';
import { requiredRootRule, swaggerVersionRule } from './document-root-rules.js';
import { jsonEnumRule, jsonTypeRule } from './json-type-rules.js';
import {
  additionalPropertyRule,
  extensionNameRule,
  unknownXmsExtensionRule,
  unsupportedKeywordRule,
} from './key-name-rules.js';
import { requiredEmptyRule } from './required-empty-rule.js';

/** The rules of the swagger's structure, in the catalog's order (each in the file of its concept). */
export const documentStructureRules: RuleDefinition[] = [
  swaggerVersionRule,
  requiredRootRule,
  additionalPropertyRule,
  unsupportedKeywordRule,
  extensionNameRule,
  unknownXmsExtensionRule,
  jsonTypeRule,
  jsonEnumRule,
  arrayDuplicateRule,
  requiredEmptyRule,
];
