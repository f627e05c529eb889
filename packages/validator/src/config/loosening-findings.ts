import { effectiveLevel } from '../engine.js';
import { PROFILES, type Finding, type Level } from '../model/finding.js';
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
  const subject = !head
    ? `Deleting the configuration file ${base!.file}`
    : !base
      ? 'The configuration file, new in this change,'
      : base.file === head.file
        ? 'This change to the configuration file'
        : `The configuration file (at the base: ${base.file})`;
  if (loosened.length === 0) return [];
  // One parse of the file for all its findings.
  const positionOf = yamlPositions(located.text);
  return loosened.map((loosening) => ({
    ruleId: CONFIG_LOOSENED_RULE_ID,
    severity: level,
    message:
      `${subject} ${loosening.message}. The change's own check reads this file: ` +
      'make sure the loosening is meant, or make it in a change of its own.',
    file: located.file,
    ...positionOf(placeIn(located.config, loosening.path), { key: loosening.atKey }),
    connector: sides.folder,
    baseline: 'new' as const,
  }));
}

/** A rule's override that the file does not have (the change removed it) is said on `rules:`. */
function placeIn(config: ValidatorConfig, path: readonly string[]): string[] {
  const [setting, ruleId] = path;
  return setting === 'rules' && ruleId !== undefined && !(ruleId in config.rules) ? ['rules'] : [...path];
}

function strictestLevel(rule: RuleLevels, config: ValidatorConfig): Level {
  return PROFILES.map((profile) => effectiveLevel(rule, profile, config.rules)).reduce((strictest, level) =>
    isLowerLevel(strictest, level) ? level : strictest,
  );
}
