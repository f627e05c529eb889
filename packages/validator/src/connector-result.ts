import type { Finding, Profile } from './model/finding.js';

// Apart from validate.ts, which makes it, because the worker pool (parallel/) that validate.ts
// calls makes it too.

export interface ConnectorResult {
  /** The folder as reachable from the working directory. */
  path: string;
  name: string;
  profile: Profile;
  findings: Finding[];
}
