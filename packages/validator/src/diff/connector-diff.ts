import type { JsonDocument } from '../json/json-document.js';
import { asObject, type JsonObject } from '../swagger/json-values.js';
import { connectorApiNames } from '../swagger/connector-api-names.js';
import { diffApiPropertiesValues } from './api-properties-diff.js';
import { apiPropertiesInOneVersion } from './api-properties-presence.js';
import { diffAuthentication, type AuthFiles } from './auth-diff.js';
import { classifyChanges, type Change, type ChangedFileKind, type DiffResult } from './change.js';
import type { ConnectorVersion, TextVersion } from './connector-version.js';
import { CHANGE_RULES } from './change-rules.js';
import type { VersionRoutes } from './diff-context.js';
import { diffRerouting } from './policy-reroute-diff.js';
import { reroutes } from './reroute-policies.js';
import type { RawChange } from './raw-change.js';
import { reportedChanges } from './reported-changes.js';
import type { RawEntry } from './schema-report.js';
import { diffSwaggerValues } from './swagger-diff.js';
import { swaggerDeletion } from './swagger-presence.js';
import { syntaxChanges, uncomparableChange } from './syntax-changes.js';
import { appendAll, asCommittedText } from '@connector-alm/core';

/**
 * Compares two versions of a connector and classifies the change set as certification does.
 * Pure: it reads nothing from disk. Each change is located in the new file, or in the old one
 * for deletions.
 */
export function diffConnectorFiles(before: ConnectorVersion, after: ConnectorVersion): DiffResult {
  // A deleted swagger is one change: the operations, sign-in and policies it decided are not compared.
  const swaggerDeleted = swaggerDeletion(before, after);
  const raw: RawEntry[] = [
    ...(swaggerDeleted ? [swaggerDeleted] : syntaxChanges('swagger', before.swagger, after.swagger)),
    ...syntaxChanges('apiProperties', before.apiProperties, after.apiProperties),
  ];
  if (!swaggerDeleted) {
    const routes = versionRoutes(before, after);
    const apiNames = connectorApiNames({
      folderName: after.folderName,
      swagger: after.swagger?.value,
      apiProperties: after.apiProperties?.value,
    });
    // Appended one by one: a spread passes each change on the stack, which overflowed past some 100,000.
    appendAll(
      raw,
      compareJson('swagger', before.swagger, after.swagger, (old, now) =>
        diffSwaggerValues(old, now, routes, undefined, apiNames),
      ),
    );
  }
  appendAll(raw, apiPropertiesChanges(before.apiProperties, after.apiProperties));
  if (!swaggerDeleted) {
    appendAll(raw, authenticationChanges(before, after));
    appendAll(raw, reroutingChanges(before, after));
  }
  appendAll(raw, compareWhole('readme', before.readme?.text, after.readme?.text));
  appendAll(raw, compareWhole('script', before.script?.text, after.script?.text));
  appendAll(raw, compareWhole('icon', before.icon?.data, after.icon?.data));
  // At most a thousand of each rule, the first in report order (see change-cap.ts).
  const changes = reportedChanges(raw, before, after);
  appendAll(changes, caseTwinChanges(before, after));
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

/** The apiProperties.json of both versions compared, or one change for a file only one of them has. */
function apiPropertiesChanges(before: JsonDocument | undefined, after: JsonDocument | undefined): RawEntry[] {
  const inOneVersion = apiPropertiesInOneVersion(before, after);
  if (inOneVersion) return [inOneVersion];
  return compareJson('apiProperties', before, after, diffApiPropertiesValues);
}

function compareJson(
  file: 'swagger' | 'apiProperties',
  before: JsonDocument | undefined,
  after: JsonDocument | undefined,
  compare: (before: JsonObject, after: JsonObject) => RawEntry[],
): RawEntry[] {
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
 * Edits to the readmes and scripts beside the ones read, named like them but for case (README.md
 * beside readme.md), matched by name: a pull request that edited only the one not read was compared
 * as "no change", and the job summary said that no readme differs from the base. The file read in
 * the new version is compared as the readme (or script) already, whatever the base read.
 */
function caseTwinChanges(before: ConnectorVersion, after: ConnectorVersion): Change[] {
  const names = new Set([...(before.caseTwins ?? []), ...(after.caseTwins ?? [])].map((twin) => twin.name));
  const changes: Change[] = [];
  for (const name of names) {
    const [old, now] = [textNamed(before, name), textNamed(after, name)];
    const kind = (old ?? now)!.kind;
    const read = fileName((after[kind] ?? before[kind])!.path);
    if (read === name) continue;
    const edits = compareWhole(kind, old?.text, now?.text).map((change) => ({
      ...change,
      detail: [change.detail, `${name} is not the ${kind} read and validated: ${read} is.`].join(' ').trim(),
    }));
    // Located in the twin itself, in the version it is in.
    appendAll(changes, reportedChanges(edits, { [kind]: old }, { [kind]: now }));
  }
  return changes;
}

/** The readme or script of a version named `name`: the one read, or a twin of it. */
function textNamed(
  version: ConnectorVersion,
  name: string,
): (TextVersion & { kind: 'readme' | 'script' }) | undefined {
  const twin = version.caseTwins?.find((candidate) => candidate.name === name);
  if (twin) return twin;
  for (const kind of ['readme', 'script'] as const) {
    const read = version[kind];
    if (read && fileName(read.path) === name) return { ...read, kind };
  }
  return undefined;
}

/** The last segment of a path, as the versions name their files (with either separator). */
function fileName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

/**
 * The first line of the new text that the edit changed, as a diff would show it (line endings
 * aside): where the maker looks. Lines deleted at the end leave the last line.
 */
function firstChangedLine(before: string, after: string): number {
  // Each line with its line end; split after each '\n', where matching lines took quadratic time.
  const linesOf = (text: string) => {
    const compared = asCommittedText(text);
    return compared === '' ? [] : compared.split(/(?<=\n)/);
  };
  const was = linesOf(before);
  const is = linesOf(after);
  let index = 0;
  while (index < was.length && index < is.length && was[index] === is[index]) index++;
  return Math.max(1, Math.min(index + 1, is.length));
}

function sameContent(a: string | Buffer | undefined, b: string | Buffer | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (typeof a === 'string' && typeof b === 'string') return asCommittedText(a) === asCommittedText(b);
  return Buffer.isBuffer(a) && Buffer.isBuffer(b) && a.equals(b);
}
