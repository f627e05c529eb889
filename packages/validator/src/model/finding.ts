import { compareFolderPaths, compareText } from '@connector-alm/core';
import { boundedMessage, type BoundedMessage } from '../text/message-length.js';
import type { RelatedPlace } from './other-places.js';
import type { ProblemParts } from './problem-parts.js';
import type { Unlisted } from './unlisted-message.js';

export type { BoundedMessage };
/** The three rule sets of PowerPlatformConnectors, chosen by the connector's top folder. */
export const PROFILES = ['certified', 'independent-publisher', 'custom'] as const;
export type Profile = (typeof PROFILES)[number];

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A rule's level in one profile: a severity, or off. */
export type Level = Severity | 'off';

/** The files of a connector folder that rules look at; `folder` is the folder itself. */
export type FileKind = 'swagger' | 'apiProperties' | 'icon' | 'readme' | 'script' | 'settings' | 'folder';

/**
 * One problem, located. This shape, but for the fields that are never output
 * (`messageWithoutPlaces`, `identity` and `unlisted`), is the JSON output's contract: keep it stable.
 */
export interface Finding {
  ruleId: string;
  severity: Severity;
  /** At most MAX_MESSAGE_LENGTH characters: a finding is made by `locatedFinding`, which bounds it. */
  message: BoundedMessage;
  /** The file's path as reachable from the working directory (the folder itself for folder rules). */
  file: string;
  /** RFC 6901 pointer into a JSON file; absent for other files. */
  pointer?: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  endLine?: number;
  endColumn?: number;
  /** The connector folder the finding belongs to. */
  connector: string;
  /** Microsoft's code name for the same check, where it has one (e.g. OperationIdNotUnique). */
  msCode?: string;
  /** Set when validating against a base: whether the base already had this finding. */
  baseline?: 'new' | 'existing';
  /**
   * The other places of the problem in `file`, whose lines the message names (model/other-places.ts):
   * GEN-SECRETS' other copies of one secret, GEN-JSON-DUPLICATE-KEY's occurrence that JSON readers
   * keep. In text order, at most MAX_RELATED_PLACES; SARIF gives them as relatedLocations.
   */
  related?: RelatedPlace[];
  /**
   * With `related`: the message without the words that name their lines, which change with edits
   * that leave the problem as it was; with a report's `transientNote` (model/report.ts), the message
   * without it. The baseline and the fingerprints match findings on it. Never output: users read `message`.
   */
  messageWithoutPlaces?: string;
  /**
   * What tells the problem apart from others of its rule and file whose messages read alike, where
   * the message cannot say it: for GEN-SECRETS, a keyed hash of the secret, which the message masks
   * (rules/general-secrets/secret-identity.ts); for GEN-JSON-PARSE, the error's place, which its
   * generic message does not say (json/syntax-error-places.ts). The baseline matches findings on it.
   * Never output.
   */
  identity?: string;
  /**
   * Where twin rules report one problem for different profiles (README-SECTIONS-CERT and
   * README-SECTIONS-IP, whose messages name each its template): the problem as both say it. The
   * baseline matches on it in place of the rule and the message, so that a connector moved from
   * independent-publisher-connectors/ to certified-connectors/ keeps the section it still lacks as an
   * existing finding, not as one fixed and one new. Also where the message quotes a value as written
   * that means the same in any case (PROP-BRAND-FORBIDDEN's `#EEEEEE`, respelt `#eeeeee`). Never output.
   */
  matchedAs?: string;
  /**
   * For a finding that stands for many things of one problem, each fixed on its own, which its
   * message names (model/problem-parts.ts): the problem without them, and all of them. The baseline
   * and the SARIF fingerprints match the finding on the problem (`matchedMessage`), and the baseline
   * counts it new only with a part the base's finding lacked: listing one of the operations a readme
   * missed changed the message, and the finding read as new. Never output: users read `message`.
   */
  parts?: ProblemParts;
  /**
   * Set by `validate --base` on an existing finding of parts whose base finding had more: the parts
   * the change fixed (their names, as `parts.names`), which its message names. Counted as the
   * findings "fixed in part" beside those fixed whole. Never output: users read `message`.
   */
  partsFixed?: readonly string[];
  /**
   * Set on the one finding that stands for the findings a rule does not list, for a connector
   * (model/finding-cap.ts) or for a file (GEN-JSON-PARSE): how many, of which. Its message says
   * the same; the baseline reads this (diff/baseline.ts). Never output: users read `message`.
   */
  unlisted?: Unlisted;
  /**
   * `validate --fix` makes the fix of this finding (its message says so): counted in the text report
   * and the job summary, and `fixable: true` in the JSON output.
   */
  fixable?: true;
}

/**
 * The message a finding is matched on: without the words that name the lines of its other places
 * (`related`), so that it is the same finding when an edit moved them, or cleaned some of them; for
 * a problem of parts, the problem without them (`parts`), so that it is the same when some are fixed.
 */
export function matchedMessage(finding: Finding): string {
  return finding.parts?.problem ?? finding.messageWithoutPlaces ?? finding.message;
}

/** A finding's fields as its producer has them: the message as its template made it. */
export type FindingFields = Omit<Finding, 'message'> & { message: string };

/**
 * The one constructor of a finding, whoever produces it (the engine's rules, a diff's breaking
 * changes, the configuration's loosening, a deleted connector): it holds the message to
 * MAX_MESSAGE_LENGTH, whatever the producer's template quotes, so that a new producer cannot forget
 * the bound. `Finding.message`'s type makes the compiler refuse a finding built another way.
 */
export function locatedFinding(fields: FindingFields): Finding {
  // Written out, not spread: a spread copy gets a map of its own in V8, and the findings of a run then
  // came in several shapes, which slowed every function that reads or places them (about 5% of a
  // corpus run). The optional fields are set only where given, as the producers did.
  const finding: Finding = {
    ruleId: fields.ruleId,
    severity: fields.severity,
    message: boundedMessage(fields.message),
    file: fields.file,
    line: fields.line,
    column: fields.column,
    connector: fields.connector,
  };
  if (fields.pointer !== undefined) finding.pointer = fields.pointer;
  if (fields.endLine !== undefined) finding.endLine = fields.endLine;
  if (fields.endColumn !== undefined) finding.endColumn = fields.endColumn;
  if (fields.msCode !== undefined) finding.msCode = fields.msCode;
  if (fields.baseline !== undefined) finding.baseline = fields.baseline;
  if (fields.related !== undefined) finding.related = fields.related;
  if (fields.messageWithoutPlaces !== undefined)
    finding.messageWithoutPlaces = boundedMessage(fields.messageWithoutPlaces);
  if (fields.identity !== undefined) finding.identity = fields.identity;
  if (fields.matchedAs !== undefined) finding.matchedAs = fields.matchedAs;
  if (fields.parts !== undefined) finding.parts = fields.parts;
  if (fields.unlisted !== undefined) finding.unlisted = fields.unlisted;
  return finding;
}

export function severityRank(severity: Severity): number {
  return severity === 'error' ? 3 : severity === 'warning' ? 2 : 1;
}

/**
 * The findings' order: by connector as discovery lists them, by their '/'-separated form (so
 * `validate --base`, which sorts the findings of every connector together, lists them as `validate`
 * does, and a Windows runner as a Linux one), then by file, place, rule and message in English
 * collation, the same on every machine. Equal connector and file names, the common case (findings
 * are sorted per connector), are told apart without comparing. test/model/finding-order.test.ts.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.connector === b.connector ? 0 : compareFolderPaths(a.connector, b.connector)) ||
    (a.file === b.file ? 0 : compareText(a.file, b.file)) ||
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.message, b.message)
  );
}
