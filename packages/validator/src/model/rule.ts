import type { ConnectorFolder } from '../loader/connector-folder.js';
import type { RepositoryRuleContext, RepositoryFact } from '../repository/repository-rule-context.js';
import type { SwaggerModel } from '../swagger/swagger-model.js';
import type { FileKind, Level, Profile } from './finding.js';
import type { Report } from './report.js';
import type { RuleExamplePlacement } from './rule-example-place.js';

/** What a rule sees: the loaded folder, the profile, a parsed swagger model, and the report sink. */
export interface RuleContext {
  readonly connector: ConnectorFolder;
  readonly profile: Profile;
  /** Present when the swagger parsed to an object. */
  readonly swagger: SwaggerModel | undefined;
  /** The apiProperties value when it parsed to an object. */
  readonly apiProperties: Record<string, unknown> | undefined;
  report(report: Report): void;
  /**
   * Whether the rule `ruleId` runs on this connector (its level, after the configuration's, is not
   * off): a rule that leaves a case to another rule's finding asks it, so that turning that rule off
   * does not silence the case.
   */
  isRuleOn(ruleId: string): boolean;
}

/** What every rule has, whatever it looks at: its id, levels and documentation. */
export interface RuleMetadata {
  /** Stable id from the catalog (`../shared/reference/rules.md`), e.g. SWG-OPID-UNIQUE. Never reuse one. */
  id: string;
  /** The file the rule is about; findings go there unless a report says otherwise. */
  file: FileKind;
  /** One line, imperative: what a good connector does. */
  title: string;
  /** Why the rule exists and where it comes from (Microsoft's doc, a reviewer's comment, corpus facts). */
  description: string;
  /** Level per profile, calibrated on the corpus: never broken by merged connectors → error. */
  levels: Record<Profile, Level>;
  /** Microsoft's code name and message template, where Microsoft has one. */
  msCode?: string;
  msMessage?: string;
  /**
   * Cases whose findings are milder than the rule's level: each is at most `atMost` (the engine's
   * reportSeverity lowers a report's level, never raises it). docs/rules.md shows them beside the
   * levels, which alone would say every finding is as severe.
   */
  milderCases?: readonly MilderCase[];
  /** A minimal example that fires the rule, and the fix; shown in docs/rules.md. */
  example?: RuleExample;
  /**
   * Its reports may carry a `fix`, of this kind: a key to rename (`renameKey`), a value to write
   * (`writeValue`) or a connector file to rename (`renameFile`). `validate --fix` runs only these rules to collect the fixes, not the whole catalog
   * once more before validating. docs/cli.md lists the rules of each kind, and tests hold the lists
   * to the marks (docs-fix-lists.test.ts) and the marks to the fixes the rules name on the corpus
   * (rules-naming-fixes.test.ts). A fix of another kind is not made, and --fix says so
   * (unmarkedFixReason): the mark is what users read, so it bounds what the rule can change.
   */
  namesFixes?: FixKind;
}

/** The kind of fix a rule's reports may name: keys to rename, values to write, or files to rename. */
export type FixKind = 'keyRenames' | 'valueWrites' | 'fileRenames';

/** A case of a rule reported at most at a milder level, e.g. GEN-ENCODING's in readme.md: warning. */
export interface MilderCase {
  /** Where or when, as it reads after the level: "in readme.md". */
  when: string;
  atMost: 'warning' | 'info';
}

/**
 * A fragment of a connector that fires the rule (`bad`), and its fix (`good`). Where a fragment's own
 * text does not say where it goes, `placement` says it (`goodPlacement` for a fix that goes elsewhere).
 */
export interface RuleExample {
  bad: string;
  good?: string;
  placement?: RuleExamplePlacement;
  goodPlacement?: RuleExamplePlacement;
  /**
   * Why the rule still reports the fix, at info: the reference then does not say it passes. Only
   * for a fix that is right and yet worth a note (e.g. a value Microsoft's own pipeline rejects).
   */
  goodNote?: string;
  /**
   * `bad` tells in words a state no fragment can hold (a file's size, a swagger of 300 operations):
   * shown as text, not in the code block of the rule's file.
   */
  inWords?: true;
}

/** A rule about one connector folder on its own; the engine runs it on every folder validated. */
export interface FolderRuleDefinition extends RuleMetadata {
  scope?: 'folder';
  check(context: RuleContext): void;
}

/**
 * A rule about a changed connector in its repository or pull request (one connector per pull request,
 * a title another folder already has). It runs only where a change is known (a pull request, `validate
 * --base`), once per changed connector, after the folder rules; the folder engine skips it.
 */
export interface RepositoryRuleDefinition extends RuleMetadata {
  scope: 'repository';
  /** The facts about the other connector folders that the rule reads: only those are indexed. */
  uses: readonly RepositoryFact[];
  check(context: RepositoryRuleContext): void;
}

/**
 * A rule about the configuration file itself: where a change is known, the file is compared with its
 * version at the base (configLoosening), once per run rather than per connector, so it has no check
 * of its own. Its level comes from the base's configuration, which the change cannot edit.
 */
export interface ConfigurationRuleDefinition extends RuleMetadata {
  scope: 'configuration';
}

export type RuleDefinition = FolderRuleDefinition | RepositoryRuleDefinition | ConfigurationRuleDefinition;

export function isRepositoryRule(rule: RuleDefinition): rule is RepositoryRuleDefinition {
  return rule.scope === 'repository';
}

/** A rule the folder engine runs on each connector folder. */
export function isFolderRule(rule: RuleDefinition): rule is FolderRuleDefinition {
  return rule.scope === undefined || rule.scope === 'folder';
}

/** Helper for the common case of the same level everywhere but custom connectors. */
export function certificationLevels(
  level: Level,
  custom: Level = level === 'error' ? 'warning' : level,
): Record<Profile, Level> {
  return { certified: level, 'independent-publisher': level, custom };
}

export function sameLevels(level: Level): Record<Profile, Level> {
  return { certified: level, 'independent-publisher': level, custom: level };
}
