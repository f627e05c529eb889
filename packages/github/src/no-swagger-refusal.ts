import type { LocalFile } from './connector-files.js';
import { SWAGGER, yamlSwaggerOf } from './connector-swagger.js';
import type { PullRequestResult } from './pull-request-result.js';
import type { LeftOutFile } from './sent-files.js';

/** A refused folder's refusal, reason and YAML swagger, when it has no apiDefinition.swagger.json. */
export type NoSwaggerRefusal = Required<Pick<PullRequestResult, 'refusal' | 'reason'>> &
  Pick<PullRequestResult, 'yamlSwagger' | 'swaggerIgnored'>;

/**
 * Why a folder without apiDefinition.swagger.json among the files it would send is refused, from what
 * it holds instead: the swagger that git ignores (the pull request would leave it out: to take out of
 * .gitignore, `swaggerIgnored`), one written in YAML (to convert: the CLI and the action say how, from
 * `yamlSwagger`), or none at all. Whichever it is, the pull request would propose deleting the
 * upstream's connector.
 */

/** What to do about an apiDefinition.swagger.json that git ignores, said alike by the CLI and the action. */
export const IGNORED_SWAGGER_ADVICE = `Take ${SWAGGER} out of .gitignore and commit it, so that the pull request sends the connector's definition.`;
export function noSwaggerRefusal(
  sent: readonly LocalFile[],
  leftOut: readonly LeftOutFile[],
): NoSwaggerRefusal {
  const yamlSwagger = yamlSwaggerOf(sent);
  const ignored = leftOut.some(
    (file) => file.reason === 'git-ignored' && file.path.toLowerCase() === SWAGGER.toLowerCase(),
  );
  const has = ignored
    ? `git ignores its ${SWAGGER} (git check-ignore -v names the line of .gitignore that does)`
    : yamlSwagger
      ? `it has its swagger in YAML (${yamlSwagger}) and no ${SWAGGER}`
      : `it has no ${SWAGGER}`;
  return {
    refusal: 'no-swagger',
    reason: `${has}, and sending the folder would propose deleting the upstream's connector: nothing was pushed, no pull request opened or updated`,
    // Named only when the reason names it: beside an ignored JSON swagger, the YAML one is likely its
    // source, and the advice to convert it would say to make the file that is there already.
    ...(ignored || yamlSwagger === undefined ? {} : { yamlSwagger }),
    ...(ignored ? { swaggerIgnored: true } : {}),
  };
}
