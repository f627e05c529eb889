import { titleName } from '../rules/swagger/independent-publisher-title.js';
import {
  restrictedTitleWords,
  titleWithoutRestrictedWords,
} from '../rules/swagger/restricted-title-words.js';
import { nameExcerpt } from '../text/message-values.js';
import { namesPowerPlatformConnectors } from './submission-repository.js';

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
  /**
   * The repository it comes from, `owner/name` (`pull_request.head.repo.full_name`); the same as
   * baseRepository for a branch of that repository, absent when the head fork was deleted.
   */
  headRepository?: string;
  /** The branch it comes from (`pull_request.head.ref`). */
  headRef?: string;
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
  return namesPowerPlatformConnectors(pullRequest.baseRepository);
}

/**
 * True when the pull request merges `dev` into another branch of the same repository, as when a
 * maintainer syncs their fork's `dev` into its `master`: branch upkeep that carries every change the
 * upstream made meanwhile, not a submission. A feature branch of a fork into that fork's `master` is
 * not this: it is what would go to the upstream, so the submission rules still apply to it. False
 * when the event does not say. GitHub compares owner and name ignoring case.
 */
export function syncsBranchesOfOneRepository(pullRequest: PullRequestFacts): boolean {
  const { baseRepository, headRepository, headRef } = pullRequest;
  if (!baseRepository || !headRepository || headRef !== UPSTREAM_TARGET_BRANCH) return false;
  return baseRepository.toLowerCase() === headRepository.toLowerCase();
}

/**
 * Whether the rules about a submission to PowerPlatformConnectors (one connector, the `dev` branch,
 * the title) apply to a pull request: one into a PowerPlatformConnectors repository that is not
 * branch upkeep. A run without a pull request decides from its clone (checksLocalRunAsSubmission):
 * taken for a submission whatever the repository, `validate --base` asked a company's repository to
 * split a change of two connectors, which its pull request check never asked.
 */
export function checksAsSubmission(pullRequest: PullRequestFacts): boolean {
  return targetsPowerPlatformConnectors(pullRequest) && !syncsBranchesOfOneRepository(pullRequest);
}

const IP_MARKER = /\(\s*independent\s+publisher\s*\)/i;
const PROPOSAL_PREFIX = /^\s*proposal\s*[-–:]\s*/i;

/**
 * The connector name a pull request title gives in the independent-publisher form
 * `Connector Name (Independent Publisher)` or `Proposal - Connector Name (Independent Publisher)`,
 * or undefined when the title does not have that form. Text after the marker is allowed
 * ("… (Independent Publisher) - Bugfix", "… (Independent Publisher) v1.1"): a third of the merged
 * pull requests that used the form added such a note.
 */
export function independentPublisherTitleName(title: string): string | undefined {
  const marker = IP_MARKER.exec(title);
  if (!marker) return undefined;
  const name = title.slice(0, marker.index).replace(PROPOSAL_PREFIX, '').trim();
  return name === '' ? undefined : name;
}

/**
 * What is wrong with the title of an independent-publisher pull request, or undefined when it has
 * the form `Connector Name (Independent Publisher)` (or the proposal's) and names this connector by
 * its folder name or its swagger title. REPO-PR-TITLE-IP reports it on a pull request, and `pr`
 * warns with it about a title given to it, so that both say the same.
 */
export function independentPublisherTitleProblem(
  title: string,
  connector: { name: string; title?: string },
): string | undefined {
  // Names and titles are cut, not quoted whole: the connector's title shows up to three times.
  const shown = nameExcerpt(suggestedConnectorName(connector));
  const expected = `${shown} (Independent Publisher)`;
  const named = independentPublisherTitleName(title);
  if (named === undefined) {
    return `Title the pull request "${expected}" (or "Proposal - ${expected}" for a proposal); it is "${nameExcerpt(title.trim())}".`;
  }
  if (namesConnector(named, connector.name)) return undefined;
  if (connector.title !== undefined && namesConnector(named, connector.title)) return undefined;
  return `The pull request title names "${nameExcerpt(named)}", but the connector is "${shown}"; title it "${expected}".`;
}

/**
 * The connector's name for the pull request title: its swagger title as the title rules want it,
 * without a trailing "(Independent Publisher)" (the title adds it) and without the restricted words
 * SWG-INFO-TITLE-WORDS rejects ("Weather Now" for "Weather Now API Connector", where the title
 * "Weather Now API Connector (Independent Publisher)" was suggested); the folder name when the title
 * is missing or holds nothing else.
 */
function suggestedConnectorName(connector: { name: string; title?: string }): string {
  const title = connector.title?.trim();
  if (!title) return connector.name;
  const name = titleName(title, 'independent-publisher');
  if (restrictedTitleWords(name).length === 0) return name;
  return titleWithoutRestrictedWords(name) || connector.name;
}

/**
 * Whether a name given in a pull request title names a connector: the same name, or one that holds
 * the other ("Snowflake Connector" for Snowflake, "Bitly" for BitlyIP, "Yelp v1.1" for Yelp), so
 * that only a title about another connector is reported. Names of fewer than 4 letters must match
 * whole.
 */
export function namesConnector(given: string, name: string): boolean {
  const [a, b] = [nameKey(given), nameKey(name)];
  if (a === '' || b === '') return false;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return shorter === longer || (shorter.length >= 4 && longer.includes(shorter));
}

/** Names compare case-insensitively and ignoring spaces and punctuation ("Contoso-Tasks" = "contoso tasks"). */
function nameKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
