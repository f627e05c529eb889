import { effectiveLevel } from '../engine.js';
import { locatedFinding, PROFILES, type Finding, type Level } from '../model/finding.js';
import { CONFIG_LOOSENED_RULE_ID } from '../repository/rules/configuration-rules.js';
import { configLoosening, isLowerLevel, type LooseningOptions, type RuleLevels } from './config-loosening.js';
import { DEFAULT_CONFIG, type ValidatorConfig } from './config-types.js';
import { yamlPositions } from './yaml-locate.js';

/** One side of the comparison: a configuration file as parsed, its text, and its name for findings. */
export interface ConfigurationSide {
  config: ValidatorConfig;
  text: string;
  /** The file as reachable from the working directory (for the base: where it is, or was, in the work tree). */
  file: string;
  /**
   * The file in the repository, `/`-separated, where known: whether the change renamed the file is
   * judged on it, since `file` may name the same file through a link (`../link/…` beside `../fork/…`).
   */
  repositoryPath?: string;
  /**
   * Where the file leads when it is a symbolic link out of the repository (`/dev/null`): what was
   * read is no file of the change, which the findings say.
   */
  linksOutTo?: string;
}

export interface ConfigurationSides {
  /** Undefined when the base has no configuration file. */
  base?: ConfigurationSide;
  /** Undefined when the change deleted it (or there is none). */
  head?: ConfigurationSide;
  /** The folder the configuration applies to, as reachable from the working directory: the findings' connector. */
  folder: string;
}

/**
 * The REPO-CONFIG-LOOSENED findings of a change to the configuration file: one per thing loosened,
 * on its line in the change's file (in the base's file when the change deleted it). Their level is
 * the rule's at the base, the strictest of its profiles there: the change's own file could turn the
 * rule off. None when the base turned it off.
 */
export function looseningFindings(
  sides: ConfigurationSides,
  rules: readonly RuleLevels[],
  options: LooseningOptions = {},
): Finding[] {
  const { base, head } = sides;
  const located = head ?? base;
  if (!located) return [];
  const rule = rules.find((candidate) => candidate.id === CONFIG_LOOSENED_RULE_ID);
  const level = rule ? strictestLevel(rule, base?.config ?? DEFAULT_CONFIG) : 'off';
  if (level === 'off') return [];
  const loosened = configLoosening(
    base?.config ?? DEFAULT_CONFIG,
    head?.config ?? DEFAULT_CONFIG,
    rules,
    options,
  );
  if (loosened.length === 0) return [];
  // One parse of the file for all its findings.
  const positionOf = yamlPositions(located.text);
  const advice = adviceFor(options.changedFolders ?? []);
  return loosened.map((loosening) =>
    locatedFinding({
      ruleId: CONFIG_LOOSENED_RULE_ID,
      severity: level,
      message: `${subjectOf(sides)} ${loosening.message}. ${advice}`,
      file: located.file,
      ...positionOf(placeIn(located.config, loosening.path), { key: loosening.atKey }),
      connector: sides.folder,
      baseline: 'new',
    }),
  );
}

/**
 * Why the loosening matters and what to do. A change that also touches connectors has them checked
 * with the file it loosens, so it can be split off; a change of the file alone (a pull request with
 * no connector) was told to "make it in a change of its own", which it is: what it loosens is the
 * check of the changes after it.
 */
function adviceFor(changedFolders: readonly string[]): string {
  return changedFolders.length > 0
    ? "The change's own check reads this file: make sure the loosening is meant, or make it in a change of its own, one that changes no connector."
    : 'The checks of later changes read this file: make sure the loosening is meant.';
}

/** What the change did to the file, as the start of each finding's sentence. */
function subjectOf({ base, head }: ConfigurationSides): string {
  if (!head) return `Deleting the configuration file ${base!.file}`;
  const link =
    head.linksOutTo === undefined ? '' : `a symbolic link to ${head.linksOutTo}, outside the repository`;
  if (!base) return `The configuration file, new in this change${link && ` and ${link}`},`;
  if (isSameFile(base, head)) return `This change to the configuration file${link && ` (now ${link})`}`;
  return `The configuration file (at the base: ${base.file}${link && `; now ${link}`})`;
}

/** Whether both sides are one file: by their paths in the repository where both are known. */
function isSameFile(base: ConfigurationSide, head: ConfigurationSide): boolean {
  return base.repositoryPath !== undefined && head.repositoryPath !== undefined
    ? base.repositoryPath === head.repositoryPath
    : base.file === head.file;
}

/** A rule's override that the file does not have (the change removed it) is said on `rules:`. */
function placeIn(config: ValidatorConfig, path: readonly string[]): string[] {
  const [setting, ruleId] = path;
  return setting === 'rules' && ruleId !== undefined && !(ruleId in config.rules) ? ['rules'] : [...path];
}

export function strictestLevel(rule: RuleLevels, config: ValidatorConfig): Level {
  return PROFILES.map((profile) => effectiveLevel(rule, profile, config.rules)).reduce((strictest, level) =>
    isLowerLevel(strictest, level) ? level : strictest,
  );
}
