import type { RuleOverrides } from '../engine.js';
import type { Profile } from '../model/finding.js';

/**
 * One entry of the file's `overrides`: the profile and rule levels of the connector folders its
 * `files` globs match (relative to the configuration file's folder, as `ignore`). Later entries win.
 */
export interface ConfigOverride {
  files: string[];
  /** The profile of the folders matched, in the PowerPlatformConnectors layout too (folderSettings). */
  profile?: Profile;
  /** Rule levels for the folders matched, over the file's own `rules`. */
  rules?: RuleOverrides;
}

/** The syntax of a configuration file (`.connector-alm.json` is JSON), which its hints' examples are written in. */
export type ConfigSyntax = 'yaml' | 'json';

/** Where a value is in the configuration file (1-based). */
export interface ConfigPlace {
  line: number;
  column: number;
}

/** A per-repository configuration file, validated and ready to use. */
export interface ValidatorConfig {
  /** The file it came from, for messages; undefined for the built-in defaults. */
  path?: string;
  /** The profile for folders outside the PowerPlatformConnectors layout (default: from the path, else custom). */
  profile?: Profile;
  /** Rule level overrides by rule id. */
  rules: RuleOverrides;
  /** Glob patterns (relative to the configuration file's folder) of connector folders to skip. */
  ignore: string[];
  /**
   * Where each `ignore` pattern is in the file, in the same order (1-based), for what is said of it:
   * the folders it skips, or that it matches none. Absent for a configuration built by hand.
   */
  ignorePlaces?: readonly ConfigPlace[];
  /**
   * Per-path settings, in the file's order (folderSettings). Like `ignore`, they apply only to a
   * configuration with a `path`, which their globs are relative to.
   */
  overrides?: ConfigOverride[];
  /**
   * Where each override's `files` globs are in the file: `overridePlaces[i][j]` for
   * `overrides[i].files[j]`, for what is said of a glob that matches no folder. Absent as `ignorePlaces`.
   */
  overridePlaces?: readonly (readonly ConfigPlace[])[];
  /**
   * Set when the file (or that there is none) is what the search found for the paths, no file being
   * named (--config, the action's config input): each connector folder found under them must then
   * take the same one by the same search (refuseFoldersOfAnotherConfiguration). Unset for a file
   * named and for a configuration built by hand (DEFAULT_CONFIG, a test's, an API caller's without
   * loadConfig's search): no folder is refused, every one takes it.
   */
  foundBySearch?: boolean;
}

export const DEFAULT_CONFIG: ValidatorConfig = { rules: {}, ignore: [] };
