/**
 * What the checks know about the pull request itself. Everything is optional: the CLI's `--base` mode
 * has no pull request, and an event payload may lack a field; rules that need a fact skip without it.
 */
export interface PullRequestFacts {
  title?: string;
  /** The branch the pull request goes into, e.g. `dev` (`pull_request.base.ref`). */
  baseRef?: string;
  /** The repository it goes into, `owner/name` (`pull_request.base.repo.full_name`). */
  baseRepository?: string;
}

/** The branch PowerPlatformConnectors takes pull requests into. */
export const UPSTREAM_TARGET_BRANCH = 'dev';

/**
 * True when the pull request goes into a PowerPlatformConnectors repository (Microsoft's or a fork,
 * which keeps the name), or when the event does not say. A maker's own connector repository has its
 * own branching, so it is not held to `dev`.
 */
export function targetsPowerPlatformConnectors(pullRequest: PullRequestFacts): boolean {
  if (!pullRequest.baseRepository) return true;
  const name = pullRequest.baseRepository.split('/').pop() ?? '';
  return name.toLowerCase() === 'powerplatformconnectors';
}

const IP_SUFFIX = /\(\s*independent\s+publisher\s*\)\s*$/i;
const PROPOSAL_PREFIX = /^\s*proposal\s*[-–:]\s*/i;

/**
 * The connector name a pull request title gives in the independent-publisher form
 * `Connector Name (Independent Publisher)` or `Proposal - Connector Name (Independent Publisher)`,
 * or undefined when the title does not have that form.
 */
export function independentPublisherTitleName(title: string): string | undefined {
  if (!IP_SUFFIX.test(title)) return undefined;
  const name = title.replace(IP_SUFFIX, '').replace(PROPOSAL_PREFIX, '').trim();
  return name === '' ? undefined : name;
}

/** Names compare case-insensitively and ignoring spaces and punctuation ("Contoso-Tasks" = "contoso tasks"). */
export function sameConnectorName(a: string, b: string): boolean {
  const key = (name: string): string => name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return key(a) !== '' && key(a) === key(b);
}
