import type { JsonDocument } from '../json/json-document.js';
import type { ConnectorFolder } from '../loader/connector-folder.js';
import { CANONICAL_NAMES } from '../loader/connector-folder.js';
import { asObject, type JsonObject } from '../swagger/json-values.js';
import { diffApiPropertiesValues } from './api-properties-diff.js';
import { diffAuthentication, type AuthFiles } from './auth-diff.js';
import { classifyChanges, type Change, type ChangedFileKind, type DiffResult } from './change.js';
import { capChanges } from './change-cap.js';
import { CHANGE_RULES } from './change-rules.js';
import type { VersionRoutes } from './diff-context.js';
import { diffRerouting } from './policy-reroute-diff.js';
import { reroutes } from './reroute-policies.js';
import type { RawChange } from './raw-change.js';
import { diffSwaggerValues } from './swagger-diff.js';
import { syntaxChanges, uncomparableChange } from './syntax-changes.js';
import { appendAll, compareText } from '@connector-alm/core';
import { boundedMessage } from '../text/message-length.js';
import { excerpt, MAX_NAME_LENGTH } from '../text/message-values.js';

/** A text file of one version, for the minor-update classification. */
export interface TextVersion {
  text: string;
  path: string;
}

/**
 * One version of a connector's files. Only the swagger and apiProperties are compared in depth;
 * readme, script and icon are compared as a whole, to classify the update.
 */
export interface ConnectorVersion {
  swagger?: JsonDocument;
  apiProperties?: JsonDocument;
  /** How to name the files in changes (defaults: the canonical names). */
  swaggerPath?: string;
  apiPropertiesPath?: string;
  readme?: TextVersion;
  script?: TextVersion;
  icon?: { data: Buffer; path: string };
}

/** The files of a loaded connector folder, as a version to compare. */
export function connectorVersion(folder: ConnectorFolder): ConnectorVersion {
  const { swagger, apiProperties, readme, script, icon } = folder.files;
  const version: ConnectorVersion = {
    swagger: swagger?.document,
    apiProperties: apiProperties?.document,
    swaggerPath: swagger?.displayPath,
    apiPropertiesPath: apiProperties?.displayPath,
  };
  if (readme?.document) version.readme = { text: readme.document.text, path: readme.displayPath };
  if (script?.document) version.script = { text: script.document.text, path: script.displayPath };
  if (icon?.data) version.icon = { data: icon.data, path: icon.displayPath };
  return version;
}

/**
 * Compares two versions of a connector and classifies the change set as certification does.
 * Pure: it reads nothing from disk. Each change is located in the new file, or in the old one
 * for deletions.
 */
export function diffConnectorFiles(before: ConnectorVersion, after: ConnectorVersion): DiffResult {
  const raw: RawChange[] = [
    ...syntaxChanges('swagger', 'old', before.swagger),
    ...syntaxChanges('swagger', 'new', after.swagger),
    ...syntaxChanges('apiProperties', 'old', before.apiProperties),
    ...syntaxChanges('apiProperties', 'new', after.apiProperties),
  ];
  const routes = versionRoutes(before, after);
  // Appended one by one: a spread passes each change on the stack, which overflowed past some 100,000.
  appendAll(
    raw,
    compareJson('swagger', before.swagger, after.swagger, (old, now) => diffSwaggerValues(old, now, routes)),
  );
  appendAll(
    raw,
    compareJson('apiProperties', before.apiProperties, after.apiProperties, diffApiPropertiesValues),
  );
  appendAll(raw, authenticationChanges(before, after));
  appendAll(raw, reroutingChanges(before, after));
  appendAll(raw, compareWhole('readme', before.readme?.text, after.readme?.text));
  appendAll(raw, compareWhole('script', before.script?.text, after.script?.text));
  appendAll(raw, compareWhole('icon', before.icon?.data, after.icon?.data));
  // At most a thousand of each rule, the first in report order (see change-cap.ts).
  const changes = capChanges(dedupe(locate(withoutSuperseded(raw), before, after)));
  return { changes, classification: classifyChanges(changes) };
}

/** A version with a swagger or an apiProperties: one without either was added or deleted whole. */
function hasJson(version: ConnectorVersion): boolean {
  return version.swagger !== undefined || version.apiProperties !== undefined;
}

/**
 * How users sign in, compared across both files of each version. A version's apiProperties.json that
 * cannot be read (CHG-UNCOMPARABLE) may hold any connection parameters, and they decide the sign-in,
 * so nothing is compared: read as missing, it told a parameter "added" beside it or sets "removed".
 */
function authenticationChanges(before: ConnectorVersion, after: ConnectorVersion): RawChange[] {
  if (!hasJson(before) || !hasJson(after)) return [];
  if (isUnreadable(before.apiProperties) || isUnreadable(after.apiProperties)) return [];
  return diffAuthentication(authFiles(before), authFiles(after));
}

/**
 * Where requests go, as the policies of apiProperties.json decide it, judged for the operations of
 * both swaggers. An unreadable apiProperties.json is CHG-UNCOMPARABLE's alone, as for the sign-in.
 * A swagger that is missing beside an apiProperties.json, or unreadable, leaves the operations
 * unknown: every one a policy names may be in use.
 */
function reroutingChanges(before: ConnectorVersion, after: ConnectorVersion): RawChange[] {
  if (isUnreadable(before.apiProperties) || isUnreadable(after.apiProperties)) return [];
  const files = (version: ConnectorVersion) => ({
    // A version with neither file (a connector added or deleted whole) has no operations at all.
    swagger: asObject(version.swagger?.value) ?? (hasJson(version) ? undefined : {}),
    apiProperties: asObject(version.apiProperties?.value),
  });
  return diffRerouting(files(before), files(after));
}

/**
 * Each version's rerouting policies, for the swagger comparison: an unreadable apiProperties.json may
 * hold any, so then the swagger's addresses are compared, as before policies were read.
 */
function versionRoutes(before: ConnectorVersion, after: ConnectorVersion): VersionRoutes | undefined {
  if (isUnreadable(before.apiProperties) || isUnreadable(after.apiProperties)) return undefined;
  return {
    old: reroutes(asObject(before.apiProperties?.value)),
    new: reroutes(asObject(after.apiProperties?.value)),
  };
}

/** How a version's users sign in is read from both files: apiProperties first, then the swagger. */
function authFiles(version: ConnectorVersion): AuthFiles {
  return {
    swagger: asObject(version.swagger?.value),
    apiProperties: asObject(version.apiProperties?.value),
    swaggerUnreadable: isUnreadable(version.swagger),
  };
}

/** A file that is there but is no JSON object (empty, YAML, an array): CHG-UNCOMPARABLE's. */
function isUnreadable(document: JsonDocument | undefined): boolean {
  return document !== undefined && asObject(document.value) === undefined;
}

/** Drops the generic "Other properties" entries that another change already tells as its own. */
function withoutSuperseded(raw: readonly RawChange[]): RawChange[] {
  const superseded = new Set(
    raw.flatMap((change) => (change.supersedes ?? []).map((place) => `${place.file}:${place.pointer}`)),
  );
  if (superseded.size === 0) return [...raw];
  return raw.filter(
    (change) => change.rule !== CHANGE_RULES.other || !superseded.has(`${change.file}:${change.pointer}`),
  );
}

function compareJson(
  file: 'swagger' | 'apiProperties',
  before: JsonDocument | undefined,
  after: JsonDocument | undefined,
  compare: (before: JsonObject, after: JsonObject) => RawChange[],
): RawChange[] {
  if (!before && !after) return [];
  // A missing file compares as an empty object: every operation of a new swagger is then "added".
  const valueBefore = before ? asObject(before.value) : {};
  const valueAfter = after ? asObject(after.value) : {};
  if (!valueBefore || !valueAfter) {
    // One change, for the new version when it is unreadable, else for the base version.
    return valueAfter
      ? [uncomparableChange(file, 'old', before!)]
      : [uncomparableChange(file, 'new', after!)];
  }
  return compare(valueBefore, valueAfter);
}

function compareWhole(
  file: Extract<ChangedFileKind, 'readme' | 'script' | 'icon'>,
  before: string | Buffer | undefined,
  after: string | Buffer | undefined,
): RawChange[] {
  if (sameContent(before, after)) return [];
  const rule =
    file === 'readme'
      ? CHANGE_RULES.readmeEdited
      : file === 'script'
        ? CHANGE_RULES.scriptChanged
        : CHANGE_RULES.iconChanged;
  const state =
    before === undefined ? 'It has been added.' : after === undefined ? 'It has been removed.' : undefined;
  const line = typeof before === 'string' && typeof after === 'string' ? firstChangedLine(before, after) : 1;
  return [{ rule, file, side: after === undefined ? 'old' : 'new', pointer: '', detail: state, line }];
}

/**
 * The first line of the new text that the edit changed, as a diff would show it (line endings
 * aside): where the maker looks. Lines deleted at the end leave the last line.
 */
function firstChangedLine(before: string, after: string): number {
  // Each line with its line end; split after each '\n', where matching lines took quadratic time.
  const linesOf = (text: string) => (text === '' ? [] : text.replace(/\r\n/g, '\n').split(/(?<=\n)/));
  const was = linesOf(before);
  const is = linesOf(after);
  let index = 0;
  while (index < was.length && index < is.length && was[index] === is[index]) index++;
  return Math.max(1, Math.min(index + 1, is.length));
}

function sameContent(a: string | Buffer | undefined, b: string | Buffer | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (typeof a === 'string' && typeof b === 'string') {
    // Line endings are a checkout setting (core.autocrlf), not an edit.
    return a.replace(/\r\n/g, '\n') === b.replace(/\r\n/g, '\n');
  }
  return Buffer.isBuffer(a) && Buffer.isBuffer(b) && a.equals(b);
}

/** Locates every change in its file: one pass per file and version over the text. */
function locate(raw: readonly RawChange[], before: ConnectorVersion, after: ConnectorVersion): Change[] {
  const documents = new Map<string, JsonDocument | undefined>();
  const pointers = new Map<string, Set<string>>();
  for (const change of raw) {
    const key = `${change.side}:${change.file}`;
    const set = pointers.get(key) ?? new Set<string>();
    set.add(change.pointer);
    pointers.set(key, set);
  }
  const located = new Map<string, ReturnType<JsonDocument['locateAll']>>();
  for (const [key, set] of pointers) {
    const [side, file] = key.split(':') as ['old' | 'new', ChangedFileKind];
    const version = side === 'old' ? before : after;
    const document =
      file === 'swagger' ? version.swagger : file === 'apiProperties' ? version.apiProperties : undefined;
    documents.set(key, document);
    if (document && document.value !== undefined) located.set(key, document.locateAll(set));
  }
  return raw.map((change) => {
    const key = `${change.side}:${change.file}`;
    const version = change.side === 'old' ? before : after;
    const offset = change.offset ?? located.get(key)?.get(change.pointer)?.offset;
    const document = documents.get(key);
    const position =
      document && offset !== undefined ? document.position(offset) : { line: change.line ?? 1, column: 1 };
    const impact = change.impact ?? change.rule.impact;
    // Keys in the documented order, optional ones only when set: this object is the JSON output.
    return {
      ruleId: change.rule.id,
      breaking: impact === 'breaking',
      severity: change.rule.severity,
      message: boundedMessage(
        [change.rule.message, change.detail, change.rule.advice].filter(Boolean).join(' '),
      ),
      ...(change.operationId !== undefined
        ? { operationId: excerpt(change.operationId, MAX_NAME_LENGTH) }
        : {}),
      file: filePath(version, change.file),
      pointer: change.pointer,
      line: position.line,
      column: position.column,
      side: change.side,
      impact,
      ...(change.valuePath !== undefined ? { valuePath: change.valuePath } : {}),
    };
  });
}

function filePath(version: ConnectorVersion, file: ChangedFileKind): string {
  switch (file) {
    case 'swagger':
      return version.swaggerPath ?? CANONICAL_NAMES.swagger;
    case 'apiProperties':
      return version.apiPropertiesPath ?? CANONICAL_NAMES.apiProperties;
    case 'readme':
      return version.readme?.path ?? CANONICAL_NAMES.readme;
    case 'script':
      return version.script?.path ?? CANONICAL_NAMES.script;
    case 'icon':
      return version.icon?.path ?? CANONICAL_NAMES.icon;
  }
}

/**
 * A shared definition reached from several operations gives one breaking change per operation, as
 * Microsoft reports them (each names its operation); non-breaking ones are listed once per place.
 * The place is the line and column too: syntax errors all have the file's root as their pointer.
 */
function dedupe(changes: readonly Change[]): Change[] {
  const seen = new Set<string>();
  const result: Change[] = [];
  for (const change of changes) {
    const place = [change.ruleId, change.side, change.file, change.pointer, change.line, change.column];
    const key = (
      change.breaking
        ? [...place, change.operationId, change.valuePath, change.message]
        : [...place, change.message, change.impact]
    ).join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(change);
  }
  return result.sort(compareChanges);
}

function compareChanges(a: Change, b: Change): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.operationId ?? '', b.operationId ?? '') ||
    compareText(a.message, b.message)
  );
}
