import type { RepositoryRuleDefinition } from '../../model/rule.js';
import { pullRequestRules } from './pull-request-rules.js';
import { uniquenessRules } from './uniqueness-rules.js';

/** The rules that look beyond one connector folder: at the pull request and the other folders. */
export const repositoryRules: RepositoryRuleDefinition[] = [...pullRequestRules, ...uniquenessRules];
export { CONFIG_LOOSENED_RULE_ID, configurationRules } from './configuration-rules.js';
