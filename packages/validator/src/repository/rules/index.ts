import type { RepositoryRuleDefinition } from '../../model/rule.js';
import { pullRequestRules } from './pull-request-rules.js';
import { uniquenessRules } from './uniqueness-rules.js';

/** The rules that look beyond one connector folder: at the pull request and the other folders. */
export const repositoryRules: RepositoryRuleDefinition[] = [...pullRequestRules, ...uniquenessRules];
/**
 * The rules about the pull request as a whole (how many connectors, its branch, its title): one problem,
 * reported on each connector it changes.
 */
export const PULL_REQUEST_RULE_IDS: ReadonlySet<string> = new Set(pullRequestRules.map((rule) => rule.id));
export { CONFIG_LOOSENED_RULE_ID, configurationRules } from './configuration-rules.js';
