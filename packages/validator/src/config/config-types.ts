import type { RuleOverrides } from '../engine.js';
import type { Profile } from '../model/finding.js';

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
}

export const DEFAULT_CONFIG: ValidatorConfig = { rules: {}, ignore: [] };
