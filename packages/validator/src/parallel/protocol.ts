import type { ValidatorConfig } from '../config/config-types.js';
import type { GitIgnored, GitIgnoredOf } from '../loader/connector-folder.js';
import type { Profile } from '../model/finding.js';
import type { ConnectorResult } from '../connector-result.js';

/**
 * The messages between a validation run and its worker threads. Everything here crosses a thread
 * boundary by structured clone, so it is plain data: no rule functions, no class instances.
 */

/** What every folder of a run is validated with. */
export interface WorkerSetup {
  cwd: string;
  /** A profile forced for every folder; otherwise each folder's comes from its place in the tree. */
  profile?: Profile;
  config: ValidatorConfig;
  /**
   * The key of GEN-SECRETS' identities (rules/general-secrets/secret-identity.ts), the starting
   * process's: a worker's findings are matched with the main thread's in `validate --base`.
   */
  secretIdentityKey: string;
  /** What is done with the entries git ignores in a folder (a task's `gitIgnored`); `mark` by default. */
  gitIgnored?: GitIgnoredOf['handling'];
}

/**
 * One connector folder to validate; `index` is its place in the run's order. The setup travels with
 * a worker's first task of each run (so that a worker kept from an earlier run needs no other
 * message) and is left out of the next ones: the worker validates them with the setup it has.
 */
export interface FolderTask {
  index: number;
  folder: string;
  /** What git ignores in the folder, when it ignores anything (gitIgnoredEntries). */
  gitIgnored?: GitIgnored;
  setup?: WorkerSetup;
}

export type WorkerReply =
  { index: number; result: ConnectorResult } | { index: number; failure: { message: string } };
