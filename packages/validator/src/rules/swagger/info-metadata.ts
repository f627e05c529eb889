import type { RuleDefinition } from '../../model/rule.js';
import { apiStatusRule } from './api-status-rule.js';
import { connectorCategoryRule, maxCategoriesRule } from './connector-category-rules.js';
import { metadataPropertiesRule, metadataRequiredRule } from './connector-metadata-rules.js';
import { contactEmailRule, contactFieldsRule, contactRule } from './contact-rules.js';
import { metadataUrlRule } from './metadata-url-rule.js';

/** The rules of info and x-ms-connector-metadata, in the catalog's order (each in the file of its concept). */
export const infoMetadataRules: RuleDefinition[] = [
  contactRule,
  contactFieldsRule,
  contactEmailRule,
  metadataRequiredRule,
  metadataPropertiesRule,
  connectorCategoryRule,
  maxCategoriesRule,
  metadataUrlRule,
  apiStatusRule,
];
