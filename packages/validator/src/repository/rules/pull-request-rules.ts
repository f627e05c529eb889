import { certificationLevels, type RepositoryRuleDefinition } from '../../model/rule.js';
import { independentPublisherTitleProblem, UPSTREAM_TARGET_BRANCH } from '../pull-request-facts.js';
import { listFolders } from './folder-list.js';

/** Rules about the pull request as a whole: how many connectors it changes, where it goes, its title. */
export const pullRequestRules: RepositoryRuleDefinition[] = [
  {
    id: 'REPO-ONE-PER-PR',
    scope: 'repository',
    uses: [],
    file: 'folder',
    title: 'A pull request changes one connector.',
    description:
      'Reviewers of PowerPlatformConnectors ask independent publishers for one connector per pull request ("You can only submit one connector per pull request.", independent-publisher best practices; PR #3276). Certified publishers who keep a family of connectors change them together, and Microsoft merges those pull requests (9 of the 168 connector pull requests merged from November 2024 to September 2025, all certified or custom), so for certified connectors it is a warning. Checked in pull requests of a PowerPlatformConnectors repository (your fork) except one that merges `dev` into another branch of the same repository (syncing the fork), and with `validate --base` in a clone of one: a remote\'s URL names PowerPlatformConnectors, or, in a repository with no remote yet, certified-connectors, independent-publisher-connectors or custom-connectors is at its top level (a clone of your company\'s own connector repository is not checked, as its pull requests are not). The changed files must all be in one connector folder. A folder the change deletes does not count, so renaming a connector folder is fine, and neither does a folder skipped by `ignore` in the configuration file, nor one of files git does not track (a scratch copy never added: the pull request holds only what git knows, so a folder counts once a file of it is added, staged or committed), nor an independent-publisher proposal (a folder with a readme alone, see REPO-REQUIRED-FILES), which submits no connector: upstream merged #3500, an update of a connector with a proposal added beside it. Reported on each changed connector.',
    // An error only where the rule is written down: the independent-publisher best practices.
    levels: { certified: 'warning', 'independent-publisher': 'error', custom: 'warning' },
    example: {
      bad: 'a pull request changing certified-connectors/Contoso/ and certified-connectors/Fabrikam/',
      good: 'one pull request per connector folder',
    },
    check(context) {
      if (context.changedFolders.length <= 1 || !context.submission) return;
      // A proposal is left out of the changed connector folders: it is no connector to report on.
      if (!context.changedFolders.includes(context.connector.repositoryPath)) return;
      const others = context.changedFolders.filter((folder) => folder !== context.connector.repositoryPath);
      context.report({
        message: `You can only submit one connector per pull request: this change also touches ${listFolders(others)}. Move the changes to the other connectors into pull requests of their own.`,
      });
    },
  },
  {
    id: 'REPO-TARGET-DEV',
    scope: 'repository',
    uses: [],
    file: 'folder',
    title: 'Open the pull request against the dev branch.',
    description:
      "PowerPlatformConnectors takes pull requests into `dev`; reviewers close those opened against `master` and ask to sync the fork first (PR #3076, #3045). Checked only in a pull request whose base repository's name starts with PowerPlatformConnectors (Microsoft's, or a fork, which GitHub may name `PowerPlatformConnectors-1`) or does not say: a connector repository of your own has its own branches. Not checked on a pull request that merges `dev` into another branch of the same repository (syncing your fork's `master`): that is not a submission to the upstream. Turn it off in the configuration file if your fork's workflow differs.",
    levels: certificationLevels('error'),
    example: { bad: 'a pull request from your fork into master', good: 'a pull request into dev' },
    check(context) {
      const pullRequest = context.pullRequest;
      const baseRef = pullRequest?.baseRef;
      if (!pullRequest || !baseRef || baseRef === UPSTREAM_TARGET_BRANCH) return;
      if (!context.submission) return;
      context.report({
        message: `This pull request goes into '${baseRef}', but PowerPlatformConnectors takes pull requests into '${UPSTREAM_TARGET_BRANCH}'. Sync your fork's ${UPSTREAM_TARGET_BRANCH} branch with upstream, then change the pull request's base branch to ${UPSTREAM_TARGET_BRANCH} (Edit, next to its title).`,
      });
    },
  },
  {
    id: 'REPO-PR-TITLE-IP',
    scope: 'repository',
    uses: [],
    file: 'folder',
    title: 'Title an independent-publisher pull request "Connector Name (Independent Publisher)".',
    description:
      'The pull request template and the independent-publisher guide ask for the title `Connector Name (Independent Publisher)`, or `Proposal - Connector Name (Independent Publisher)` for a proposal. The name may be the connector\'s title or its folder name, compared ignoring case, spaces and punctuation, or hold it ("Snowflake Connector" for Snowflake); a note after the marker is fine ("… (Independent Publisher) - Bugfix"). The title it suggests names the connector by its title as SWG-INFO-TITLE-WORDS wants it, without "API", "Connector" or product names, and without a trailing "(Independent Publisher)" of its own. Checked in pull requests of a PowerPlatformConnectors repository (your fork), except one that syncs `dev` into another branch. A warning, not an error: the title is what the guide asks for, not a condition of merging (a quarter of merged independent-publisher pull requests had another title: "init", "Add files via upload"). Retitling the pull request clears the warning where the check runs on `edited` pull requests too, as examples/workflows/connector-pr-check.yml does; a workflow without that type keeps it until the next push.',
    levels: { certified: 'off', 'independent-publisher': 'warning', custom: 'off' },
    example: { bad: 'Add Contoso Tasks connector', good: 'Contoso Tasks (Independent Publisher)' },
    check(context) {
      const title = context.pullRequest?.title;
      if (title === undefined || !context.submission) return;
      const problem = independentPublisherTitleProblem(title, context.connector);
      if (problem !== undefined) context.report({ message: problem });
    },
  },
];
