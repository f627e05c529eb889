import type { RuleDefinition } from '../model/rule.js';
import { configurationRules } from '../repository/rules/configuration-rules.js';
import { repositoryRules } from '../repository/rules/index.js';
import { apiPropertiesRules } from './api-properties.js';
import { folderRules } from './folder.js';
import { generalRules } from './general.js';
import { secretRules } from './general-secrets.js';
import { iconRules } from './icon.js';
import { readmeRules } from './readme.js';
import { scriptRules } from './script.js';
import { settingsRules } from './settings.js';
import { swaggerDocumentRules } from './swagger-document.js';
import { swaggerDynamicRules } from './swagger-dynamic.js';
import { swaggerInfoRules } from './swagger-info.js';
import { swaggerOperationsRules } from './swagger-operations.js';
import { swaggerParametersRules } from './swagger-parameters.js';
import { swaggerSchemasRules } from './swagger-schemas.js';
import { swaggerSecurityRules } from './swagger-security.js';
import { swaggerVersioningRules } from './swagger-versioning.js';
import { swaggerWebhooksRules } from './swagger-webhooks.js';

/** Every rule, in the order of the catalog. Ids are unique (a test checks it). */
export const ALL_RULES: readonly RuleDefinition[] = [
  ...generalRules,
  ...secretRules,
  ...swaggerDocumentRules,
  ...swaggerInfoRules,
  ...swaggerOperationsRules,
  ...swaggerVersioningRules,
  ...swaggerParametersRules,
  ...swaggerDynamicRules,
  ...swaggerWebhooksRules,
  ...swaggerSchemasRules,
  ...swaggerSecurityRules,
  ...apiPropertiesRules,
  ...iconRules,
  ...readmeRules,
  ...scriptRules,
  ...settingsRules,
  ...folderRules,
  // Last: they run after the folder rules, only where a change is known (see repository/).
  ...repositoryRules,
  // Once per run, where a change is known: the configuration file compared with the base's.
  ...configurationRules,
];

export function findRule(id: string): RuleDefinition | undefined {
  return ALL_RULES.find((rule) => rule.id === id);
}
