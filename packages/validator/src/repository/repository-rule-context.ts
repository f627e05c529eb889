import type { Profile } from '../model/finding.js';
import type { Report } from '../model/report.js';
import type { ConnectorIdentity } from './connector-identity.js';
import type { PullRequestFacts } from './pull-request-facts.js';
import type { RepositoryIndex } from './repository-index.js';

/** Facts about the other connector folders a repository rule may read; each costs a pass over them. */
export type RepositoryFact = 'connector-titles' | 'connector-hosts' | 'connector-icons';

/** A changed connector as repository rules see it. */
export interface ChangedConnector extends ConnectorIdentity {
  /** The folder's name, e.g. `Contoso Tasks`. */
  name: string;
  /** Whether the folder has an icon.png (its iconHash is set only when the icon decodes). */
  hasIcon: boolean;
}

/** Where a repository rule's finding goes: the folder, or a place in the connector's swagger or icon. */
export type RepositoryReport = Pick<Report, 'message' | 'pointer' | 'severity'> & {
  file?: 'folder' | 'swagger' | 'icon';
};

/** What a repository rule sees: one changed connector, the change around it, and the other folders. */
export interface RepositoryRuleContext {
  readonly connector: ChangedConnector;
  readonly profile: Profile;
  /**
   * Every connector folder the change touches that still exists (repository-relative, sorted), this
   * one included unless it is a proposal (a readme alone, which submits no connector). A folder the
   * change deletes is not counted, so renaming a folder is one connector, nor is one the
   * configuration's `ignore` skips.
   */
  readonly changedFolders: readonly string[];
  /** Undefined outside a pull request (`validate --base`). */
  readonly pullRequest: PullRequestFacts | undefined;
  /**
   * Whether the change is checked as a submission to PowerPlatformConnectors: from the pull request's
   * base repository (checksAsSubmission), else from the clone (checksLocalRunAsSubmission).
   */
  readonly submission: boolean;
  /** The repository's other connector folders, with the facts the active rules use. */
  readonly repository: RepositoryIndex;
  report(report: RepositoryReport): void;
}
