import { layoutProfile } from '../loader/discover.js';
import type { RuleContext } from '../model/rule.js';

/**
 * Whether a connector is checked as one kept in a company's own repository rather than one to submit
 * to PowerPlatformConnectors: outside that layout (no certified-connectors, independent-publisher-connectors
 * or custom-connectors folder above it), with the custom rules. Its messages then give the platform's
 * reasons, not the upstream's reviewers' and templates, which such a connector never meets. A folder
 * outside the layout that is given a submission's profile (`profile: certified`) is meant for upstream.
 * validate --base judges a change's submission by the clone's remotes first (checksLocalRunAsSubmission);
 * a rule on one folder has no git to ask, so it goes by the layout that judgement falls back on. The two
 * differ for a company's repository in the layout (the snapshot workflow writes custom-connectors/):
 * REPO-ONE-PER-PR is not asked there, while these messages speak of the upstream's templates and
 * reviewers. Passing the remotes' judgement in here would mean reading git in every validation (the
 * CLI on a folder, the action, the workers), for wording only: left as it is (docs/cli.md says so).
 */
export function isInHouseConnector(context: Pick<RuleContext, 'connector' | 'profile'>): boolean {
  return context.profile === 'custom' && layoutProfile(context.connector.absolutePath) === undefined;
}
