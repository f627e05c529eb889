import type { RuleDefinition } from '../model/rule.js';
import { oauthRedirectRule } from './readme/oauth-redirect-rule.js';
import { oauthStepsRule } from './readme/oauth-steps-rule.js';
import { operationsMatchRule } from './readme/operations-match-rule.js';
import { placeholderRule } from './readme/placeholder-rule.js';
import { productNamesRule } from './readme/product-names-rule.js';
import { readmePresentRule } from './readme/readme-present-rule.js';
import { sectionsRule } from './readme/template-sections-rule.js';

/** The readme rules of the catalog, in its order (each in the file of its concept). */
export const readmeRules: RuleDefinition[] = [
  readmePresentRule,
  sectionsRule('README-SECTIONS-CERT', 'certified', 'warning', 'certified'),
  sectionsRule('README-SECTIONS-IP', 'independent-publisher', 'warning', 'independent publisher'),
  placeholderRule,
  productNamesRule,
  oauthStepsRule,
  oauthRedirectRule,
  operationsMatchRule,
];
