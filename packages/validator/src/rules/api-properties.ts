import type { RuleDefinition } from '../model/rule.js';
import { apiPropertiesBrandRules } from './api-properties/brand-rules.js';
import { apiPropertiesOAuthRules } from './api-properties/oauth-rules.js';
import { apiPropertiesPolicyRules } from './api-properties/policy-rules.js';
import { apiPropertiesPublisherRules } from './api-properties/publisher-rules.js';
import { apiPropertiesSchemaRules } from './api-properties/schema-rules.js';
import { apiPropertiesCapabilityRules } from './api-properties/script-operation-rules.js';

/** Catalog §1.11: apiProperties.json. */
export const apiPropertiesRules: RuleDefinition[] = [
  ...apiPropertiesSchemaRules,
  ...apiPropertiesBrandRules,
  ...apiPropertiesPublisherRules,
  ...apiPropertiesOAuthRules,
  ...apiPropertiesPolicyRules,
  ...apiPropertiesCapabilityRules,
];
