import { displayPathIn, type ConnectorFolder, type LoadedFile } from './loader/connector-folder.js';
import type { TextRange } from './json/line-index.js';
import type { JsonDocument } from './json/json-document.js';
import type { PointerLocation } from './json/locate.js';
import {
  compareFindings,
  locatedFinding,
  type FileKind,
  type Finding,
  type Level,
  type Profile,
  type Severity,
  severityRank,
} from './model/finding.js';
import {
  isFolderRule,
  type FolderRuleDefinition,
  type RuleContext,
  type RuleDefinition,
  type RuleMetadata,
} from './model/rule.js';
import type { PendingFinding } from './model/pending-finding.js';
import { namePlaces } from './model/other-places.js';
import { releasingConnectorCaches } from './model/connector-cache.js';
import { UnlistedReports } from './model/finding-cap.js';
import { UnreadMembers } from './model/unread-members.js';
import { MAX_FINDINGS_PER_RULE } from './model/unlisted-message.js';
import { isObject } from './swagger/json-values.js';
import { SwaggerModel } from './swagger/swagger-model.js';
import { reportsUnderMisspeltKeys } from './misspelt-key-values.js';

/** Per-rule level overrides from a configuration file: a level for every profile, or per profile. */
export type RuleOverrides = Record<string, Level | Partial<Record<Profile, Level>>>;

export interface EngineOptions {
  profile: Profile;
  rules: readonly RuleDefinition[];
  overrides?: RuleOverrides;
}

/** A rule that throws is a bug of ours: an internal-error finding on the folder, not a crash. */
export function internalErrorFinding(rule: RuleMetadata, error: unknown): PendingFinding {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    rule,
    severity: 'error',
    report: {
      file: 'folder',
      message: `Internal error in rule ${rule.id}: ${reason}. Please report this with the connector folder.`,
    },
  };
}

/** The level a rule has for a profile, after the configuration's overrides. */
export function effectiveLevel(
  rule: Pick<RuleMetadata, 'id' | 'levels'>,
  profile: Profile,
  overrides: RuleOverrides | undefined,
): Level {
  const override = overrides?.[rule.id];
  if (typeof override === 'string') return override;
  return override?.[profile] ?? rule.levels[profile];
}

/**
 * The severity of a report: its rule's level (the configuration's, if it gives one), lowered to the
 * report's own severity where the rule rates that case milder (a readme that is not UTF-8 is a
 * warning of GEN-ENCODING). Never raised by it: a rule turned down to info is info in every case.
 */
export function reportSeverity(reported: Severity | undefined, level: Severity): Severity {
  return reported !== undefined && severityRank(reported) < severityRank(level) ? reported : level;
}

/**
 * Runs every rule on one loaded connector folder and returns its findings, located and sorted.
 * A rule that throws is a bug of ours: it becomes an internal-error finding on the folder instead of
 * hiding the other rules' findings. The values under keys whose findings name their right spelling
 * are judged too, as if spelled so (misspelt-key-values.ts): a wrong value there is not left for the
 * run after the rename.
 */
export function validateLoadedConnector(connector: ConnectorFolder, options: EngineOptions): Finding[] {
  const reports = ruleReports(connector, options);
  const underMisspeltKeys = reportsUnderMisspeltKeys(connector, reports, (renamed) =>
    ruleReports(renamed, options),
  );
  return locateFindings(connector, [...reports, ...underMisspeltKeys]);
}

/**
 * What the rules that are on report about one loaded connector folder, not yet located: the reports
 * as the rules made them, with the fixes they name (`validate --fix` reads those).
 */
export function ruleReports(connector: ConnectorFolder, options: EngineOptions): PendingFinding[] {
  const swaggerValue = connector.files.swagger?.document?.value;
  const apiPropertiesValue = connector.files.apiProperties?.document?.value;
  const swagger = isObject(swaggerValue) ? new SwaggerModel(swaggerValue) : undefined;
  const apiProperties = isObject(apiPropertiesValue) ? apiPropertiesValue : undefined;
  const pending: PendingFinding[] = [];

  // One context for all rules of the connector: checks run one after the other and synchronously,
  // so `report` files each finding under the rule that is running. (A context and a closure per
  // rule and connector were a measurable share of the corpus run.)
  let current: ActiveRule | undefined;
  // Reports of the running rule, and those past the most it may list (see MAX_FINDINGS_PER_RULE).
  let listed = 0;
  const unlisted = new UnlistedReports();
  const unread = UnreadMembers.of(connector);
  const context: RuleContext = {
    connector,
    profile: options.profile,
    swagger,
    apiProperties,
    isRuleOn: (ruleId) => activeRuleIds(options).has(ruleId),
    report: (report) => {
      // A member said to be missing that the file writes after its end, where reading stopped.
      if (unread?.withholds(report.file ?? current!.rule.file, report)) return;
      const severity = reportSeverity(report.severity, current!.level);
      if (listed < MAX_FINDINGS_PER_RULE) {
        listed++;
        pending.push({ rule: current!.rule, severity, report });
      } else {
        unlisted.add(report, severity);
      }
    },
  };
  // The indexes the rules share are dropped from their caches once the rules are done: locating
  // needs none of them.
  releasingConnectorCaches(() => {
    for (const active of activeRules(options)) {
      current = active;
      listed = 0;
      unlisted.clear();
      try {
        active.rule.check(context);
      } catch (error) {
        pending.push(internalErrorFinding(active.rule, error));
      }
      const rest = unlisted.summary();
      if (rest) pending.push({ rule: active.rule, ...rest });
    }
  });
  current = undefined;
  return pending;
}

interface ActiveRule {
  rule: FolderRuleDefinition;
  level: Exclude<Level, 'off'>;
}

/**
 * The rules that are not off, with their levels, per rule list, profile and overrides: worked out
 * once per run instead of once per connector (every connector of a run shares the rule list).
 * Keyed by identity: a rule list or an overrides object is not changed once validation uses it.
 */
const activeRuleCache = new WeakMap<
  readonly RuleDefinition[],
  Map<Profile, { overrides: RuleOverrides | undefined; active: ActiveRule[]; ids: ReadonlySet<string> }>
>();

function activeRules(options: EngineOptions): ActiveRule[] {
  return activeRuleSet(options).active;
}

/** The ids of activeRules, for RuleContext.isRuleOn. */
function activeRuleIds(options: EngineOptions): ReadonlySet<string> {
  return activeRuleSet(options).ids;
}

function activeRuleSet(options: EngineOptions): { active: ActiveRule[]; ids: ReadonlySet<string> } {
  let byProfile = activeRuleCache.get(options.rules);
  if (!byProfile) activeRuleCache.set(options.rules, (byProfile = new Map()));
  const cached = byProfile.get(options.profile);
  if (cached && cached.overrides === options.overrides) return cached;
  const active: ActiveRule[] = [];
  for (const rule of options.rules) {
    // Repository rules need the pull request and the other folders: they run after this engine.
    // Configuration rules compare the configuration file with the base's, once per run.
    if (!isFolderRule(rule)) continue;
    const level = effectiveLevel(rule, options.profile, options.overrides);
    if (level !== 'off') active.push({ rule, level });
  }
  const entry = { overrides: options.overrides, active, ids: new Set(active.map(({ rule }) => rule.id)) };
  byProfile.set(options.profile, entry);
  return entry;
}

/**
 * Makes findings of a connector's reports: each located in its file (every pointer of a file in one
 * pass over its text), sorted. Folder rules and repository rules both end here.
 */
export function locateFindings(connector: ConnectorFolder, pending: readonly PendingFinding[]): Finding[] {
  const places = pointerPlaces(connector, pending);
  const findings: Finding[] = pending.map(({ rule, severity, report }, index) => {
    const kind = report.file ?? rule.file;
    const file = report.path ? undefined : fileOf(connector, kind);
    const document = file && 'document' in file ? file.document : undefined;
    const named =
      report.others && document
        ? namePlaces(report.message, report.others, (offset) => document.position(offset))
        : undefined;
    const told = named?.message ?? report.message;
    const finding = locatedFinding({
      ruleId: rule.id,
      severity,
      message: report.transientNote === undefined ? told : `${told} ${report.transientNote}`,
      file: report.path
        ? displayPathIn(connector.displayPath, report.path)
        : (file?.displayPath ?? connector.displayPath),
      line: 1,
      column: 1,
      connector: connector.displayPath,
      related: named?.related,
      messageWithoutPlaces:
        named?.messageWithoutPlaces ?? (report.transientNote === undefined ? undefined : report.message),
      identity: report.identity,
      matchedAs: report.matchedAs,
      parts: report.parts,
      unlisted: report.unlisted,
    });
    if (rule.msCode) finding.msCode = rule.msCode;
    if (report.fixable) finding.fixable = true;
    if (document) {
      const pointed = report.pointer !== undefined && 'locateEach' in document;
      if (pointed) finding.pointer = report.pointer;
      if (report.offset !== undefined) {
        placeAt(finding, document.rangeBetween(report.offset, report.offset + (report.length ?? 0)));
      } else if (pointed) {
        const where = places[index];
        if (where) placeAt(finding, document.range(where.offset, where.length));
      } else if (report.line !== undefined) {
        finding.line = report.line;
        finding.column = report.column ?? 1;
      }
    } else if (report.line !== undefined) {
      finding.line = report.line;
      finding.column = report.column ?? 1;
    }
    return finding;
  });
  return findings.sort(compareFindings);
}

/**
 * Where the pointer of each report is, by the report's index (undefined for reports that name no
 * place in a JSON file). The pointers of a file are located together, in one pass over its text.
 * A connector has at most three JSON files: they are told apart by a search of a short list, and
 * places are matched to reports by index, not through maps and sets keyed by pointer.
 */
function pointerPlaces(
  connector: ConnectorFolder,
  pending: readonly PendingFinding[],
): (PointerLocation | undefined)[] {
  const places = new Array<PointerLocation | undefined>(pending.length).fill(undefined);
  const documents: JsonDocument[] = [];
  const pointers: string[][] = [];
  const reports: number[][] = [];
  for (let index = 0; index < pending.length; index++) {
    const { rule, report } = pending[index]!;
    // A report placed at an offset has its place: its pointer only names what it is about.
    if (report.pointer === undefined || report.offset !== undefined || report.path) continue;
    const file = fileOf(connector, report.file ?? rule.file);
    if (!file || !('document' in file) || !file.document || !('locateEach' in file.document)) continue;
    const document = file.document;
    let slot = documents.indexOf(document);
    if (slot === -1) {
      slot = documents.push(document) - 1;
      pointers.push([]);
      reports.push([]);
    }
    pointers[slot]!.push(report.pointer);
    reports[slot]!.push(index);
  }
  for (let slot = 0; slot < documents.length; slot++) {
    const found = documents[slot]!.locateEach(pointers[slot]!);
    const owners = reports[slot]!;
    for (let k = 0; k < found.length; k++) places[owners[k]!] = found[k];
  }
  return places;
}

/** Copies a range into a finding, field by field: the JSON output keeps the finding's key order. */
function placeAt(finding: Finding, range: TextRange): void {
  finding.line = range.line;
  finding.column = range.column;
  finding.endLine = range.endLine;
  finding.endColumn = range.endColumn;
}

function fileOf(connector: ConnectorFolder, kind: FileKind): LoadedFile | undefined {
  if (kind === 'folder') return undefined;
  return connector.files[kind];
}
