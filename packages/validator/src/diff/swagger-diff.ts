import { childPointer } from '../json/pointer.js';
import { asArray, asObject, has, isObject, type JsonObject } from '../swagger/json-values.js';
import { SwaggerModel } from '../swagger/swagger-model.js';
import { connectorApiNames } from '../swagger/connector-api-names.js';
import { basePathChange } from './base-path-diff.js';
import { respelledCategories, respelledStatus } from './case-respelling.js';
import { CHANGE_RULES } from './change-rules.js';
import type { SwaggerDiffContext, VersionRoutes } from './diff-context.js';
import { differingKeys, jsonEqual } from './json-equal.js';
import { editedMemberPlace } from './edited-member-place.js';
import { diffOperations } from './operation-diff.js';
import { diffPathItemRefs, equalApartFrom, followedPathItems } from './path-item-refs.js';
import { ChangeSink } from './change-sink.js';
import type { RawEntry } from './schema-report.js';
import { hostPolicies } from './request-address.js';
import { policyLabel, type Reroute } from './reroute-policies.js';
import { SchemaComparer } from './schema-diff.js';
import type { SchemaListOptions } from './schema-lists.js';
import { nameList, quoted, quoteList } from '../text/message-values.js';
import { changedKeyList } from './changed-keys.js';

/**
 * Top-level keys compared by a dedicated step; any other top-level key is compared as a whole.
 * securityDefinitions and security are compared with apiProperties.json, which decides how users
 * sign in (auth-diff).
 */
const DOCUMENT_KEYS: ReadonlySet<string> = new Set([
  'info',
  'host',
  'basePath',
  'schemes',
  'securityDefinitions',
  'security',
  'paths',
  'definitions',
  'parameters',
  'responses',
]);
/** Sections of reusable objects: their changes are found through the operations that use them. */
const REUSABLE_SECTIONS = ['definitions', 'parameters', 'responses'] as const;
/** Extensions whose letter case `validate --fix` corrects in places (case-respelling.ts). */
const ANNOTATION = 'x-ms-api-annotation';
const METADATA = 'x-ms-connector-metadata';
/** `info` texts that Microsoft counts as a minor update; a new title is a major one. */
const INFO_MINOR_KEYS = ['description', 'contact'] as const;

/**
 * Every change between two parsed swaggers (root objects), not yet located. With `routes`, each
 * version's rerouting policies, an operation's address and the host are where requests really go.
 * `schemaLists` says how schema changes are shared between reports (tests write them out whole);
 * `apiNames` the names of the connector (connectorApiNames), by default those its swagger gives.
 */
export function diffSwaggerValues(
  before: JsonObject,
  after: JsonObject,
  routes?: VersionRoutes,
  schemaLists?: SchemaListOptions,
  apiNames: ReadonlySet<string> = connectorApiNames({ swagger: after }),
): RawEntry[] {
  const oldModel = new SwaggerModel(before, true);
  const newModel = new SwaggerModel(after, true);
  const context: SwaggerDiffContext = {
    old: oldModel,
    new: newModel,
    sink: new ChangeSink(),
    schemas: new SchemaComparer(oldModel, newModel, schemaLists),
    routes,
    apiNames,
  };

  diffEndpoint(context, before, after);
  diffInfo(context, before, after);
  diffOperations(context);
  diffPathItemRefs(context);
  diffUnvisitedReusables(context, before, after);
  const followed = new Set([...followedPathItems(oldModel), ...followedPathItems(newModel)]);
  for (const key of differingKeys(before, after, DOCUMENT_KEYS)) {
    // `x-paths` holding the path items that `$ref`s lead to: their operations told what changed.
    if (equalApartFrom(before[key], after[key], childPointer('', key), followed)) continue;
    const categories = key === METADATA ? respelledCategories(before[key], after[key]) : undefined;
    if (categories) {
      context.sink.add({
        rule: CHANGE_RULES.other,
        file: 'swagger',
        side: 'new',
        pointer: `/${METADATA}${categories.below}`,
        detail: `Respelled: the Categories of ${METADATA}, ${categories.detail}.`,
        impact: 'minor',
      });
      continue;
    }
    addOther(
      context,
      before,
      after,
      childPointer('', key),
      `Changed: ${changedKeyList([key], before, after)}.`,
    );
  }
  return context.sink.entries;
}

function diffEndpoint(context: SwaggerDiffContext, before: JsonObject, after: JsonObject): void {
  // Where dynamichosturl policies set the host URL of every operation in a version, that version's
  // swagger host, basePath and schemes are used by no request (request-address.ts, addressBase).
  const setters = hostSetters(context);
  const unused = (key: string, by: HostSetters) =>
    addOther(context, before, after, `/${key}`, `Changed: ${key}, ${unusedBecause(key, by)}.`);
  for (const key of ['host', 'basePath'] as const) {
    if (jsonEqual(before[key], after[key])) continue;
    if (setters) {
      unused(key, setters);
      continue;
    }
    if (key === 'basePath') {
      const { rule, detail, operationId } = basePathChange(context, before.basePath, after.basePath);
      context.sink.add({ rule, file: 'swagger', ...where(before, after, '/basePath'), operationId, detail });
      continue;
    }
    context.sink.add({
      rule: CHANGE_RULES.hostChanged,
      file: 'swagger',
      ...where(before, after, `/${key}`),
      detail: `The ${key} changed from ${describe(before[key])} to ${describe(after[key])}.`,
    });
  }
  if (jsonEqual(before.schemes, after.schemes)) return;
  const schemesAfter = new Set(asArray(after.schemes) ?? []);
  const dropped = (asArray(before.schemes) ?? []).filter((scheme) => !schemesAfter.has(scheme));
  if (dropped.length > 0 && setters) {
    unused('schemes', setters);
  } else if (onlyHttpDropped(dropped, before.schemes, after.schemes)) {
    addOther(context, before, after, '/schemes', "Changed: schemes, 'http' dropped and 'https' kept.");
  } else if (dropped.length > 0) {
    context.sink.add({
      rule: CHANGE_RULES.hostChanged,
      file: 'swagger',
      ...where(before, after, '/schemes'),
      detail: `The schemes no longer include ${quoteList(dropped)}.`,
    });
  } else {
    addOther(context, before, after, '/schemes', `Changed: ${changedKeyList(['schemes'], before, after)}.`);
  }
}

/**
 * Whether the schemes only lost 'http' while listing 'https' in both versions: requests go over
 * https when it is offered, so none moves, and 'https' is what validate steers makers to (it warns on
 * plain 'http'). sms77io, Plumsail and CobbleStone dropped 'http' so in PowerPlatformConnectors' history.
 */
function onlyHttpDropped(dropped: readonly unknown[], before: unknown, after: unknown): boolean {
  const offersHttps = (schemes: unknown) => asArray(schemes)?.includes('https') === true;
  return (
    dropped.length > 0 &&
    dropped.every((scheme) => scheme === 'http') &&
    offersHttps(before) &&
    offersHttps(after)
  );
}

/** The dynamichosturl policies that set the host URL of every operation of one version or both. */
interface HostSetters {
  policies: readonly Reroute[];
  versions: 'both' | 'old' | 'new';
}

/**
 * "which no request goes to: the policy 'Set JIRA Address' (dynamichosturl) of apiProperties.json
 * sets the host of every operation, in both versions": why a swagger's host, basePath or schemes
 * changed without moving a request. In one version only, the move is the policy's, told where the
 * policy is (BRK-POLICY-REROUTE), which compares it with the other version's swagger (Veterans
 * Affairs, PowerPlatformConnectors e803c3ff, added 'Set environment' with a new host and base path).
 * The host's words are the ones it had before the others.
 */
function unusedBecause(key: string, setters: HostSetters): string {
  const { policies, versions } = setters;
  const past = versions === 'old';
  const named =
    policies.length === 1
      ? `policy ${policyLabel(policies[0]!)} of apiProperties.json ${past ? 'set' : 'sets'}`
      : `policies ${nameList(policies.map(policyLabel))} of apiProperties.json set`;
  const what = key === 'host' ? 'the host' : 'the host URL';
  const included = key === 'host' ? '' : ', scheme and base path included';
  const verb = key === 'schemes' ? (past ? 'used' : 'uses') : past ? 'went to' : 'goes to';
  if (versions === 'both') {
    return `which no request ${verb}: the ${named} ${what} of every operation${included}, in both versions`;
  }
  const version = past ? 'the base version' : 'the new version';
  return `which no request ${verb} in ${version}: the ${named} ${what} of every operation${included}, and where requests moved is told with ${policies.length === 1 ? 'the policy' : 'them'}`;
}

/**
 * The dynamichosturl policies that set the host URL of every operation (JIRA's 'Set JIRA Address'),
 * so that the swagger's host, basePath and schemes are used by none: of both versions (the new
 * version's policies named), or of one. Undefined when some operation of either version may use the
 * swagger's in both, or the policies are not known.
 */
function hostSetters(context: SwaggerDiffContext): HostSetters | undefined {
  if (!context.routes) return undefined;
  const before = hostPolicies(context.old, context.routes.old);
  const after = hostPolicies(context.new, context.routes.new);
  if (after) return { policies: after, versions: before ? 'both' : 'new' };
  return before ? { policies: before, versions: 'old' } : undefined;
}

const infoKey = (key: string) => `info.${key}`;

function diffInfo(context: SwaggerDiffContext, before: JsonObject, after: JsonObject): void {
  const infoBefore = asObject(before.info) ?? {};
  const infoAfter = asObject(after.info) ?? {};
  // On the edited key (info's description can run for lines, contact's email is inside it), or where
  // a deleted one left its place: '/info' is a line of the diff's context, or above it. With no info
  // object left, on the base version's.
  const place = (keys: readonly string[]) =>
    isObject(after.info)
      ? { side: 'new' as const, ...editedMemberPlace(before.info, after.info, '/info', keys) }
      : where(before, after, '/info');
  const add = (keys: readonly string[], impact: 'minor' | 'major', rule = CHANGE_RULES.textEdited): void => {
    if (keys.length === 0) return;
    context.sink.add({
      rule,
      file: 'swagger',
      ...place(keys),
      detail:
        rule === CHANGE_RULES.textEdited
          ? `Edited: ${nameList(keys.map(infoKey))}.`
          : `Changed: ${changedKeyList(keys, infoBefore, infoAfter, { name: infoKey })}.`,
      impact,
    });
  };
  add(
    INFO_MINOR_KEYS.filter((key) => !jsonEqual(infoBefore[key], infoAfter[key])),
    'minor',
  );
  add(jsonEqual(infoBefore.title, infoAfter.title) ? [] : ['title'], 'major');
  const others = differingKeys(infoBefore, infoAfter, new Set([...INFO_MINOR_KEYS, 'title']));
  const status = respelledStatus(infoBefore[ANNOTATION], infoAfter[ANNOTATION]);
  if (status) {
    context.sink.add({
      rule: CHANGE_RULES.other,
      file: 'swagger',
      side: 'new',
      pointer: `/info/${ANNOTATION}${status.below}`,
      detail: `Respelled: info.${ANNOTATION}.status, ${status.detail}.`,
      impact: 'minor',
    });
  }
  add(status ? others.filter((key) => key !== ANNOTATION) : others, 'major', CHANGE_RULES.other);
}

/**
 * Definitions, global parameters and responses that changed but that no compared operation
 * reached (unused, or used only by a deleted operation): listed so the change set is complete.
 */
function diffUnvisitedReusables(context: SwaggerDiffContext, before: JsonObject, after: JsonObject): void {
  const visited = new Set<string>();
  for (const set of [context.schemas.visitedOld, context.schemas.visitedNew]) {
    for (const pointer of set) visited.add(sectionEntry(pointer));
  }
  for (const section of REUSABLE_SECTIONS) {
    const sectionBefore = asObject(before[section]) ?? {};
    const sectionAfter = asObject(after[section]) ?? {};
    for (const name of differingKeys(sectionBefore, sectionAfter, new Set())) {
      const pointer = childPointer('', section, name);
      if (visited.has(pointer) || context.sink.touches(pointer)) continue;
      const state = !has(sectionBefore, name) ? 'added' : !has(sectionAfter, name) ? 'removed' : 'changed';
      context.sink.add({
        rule: CHANGE_RULES.other,
        file: 'swagger',
        side: has(sectionAfter, name) ? 'new' : 'old',
        pointer,
        detail: `The ${section} entry ${quoted(name)} has been ${state}.`,
      });
    }
  }
}

function addOther(
  context: SwaggerDiffContext,
  before: JsonObject,
  after: JsonObject,
  pointer: string,
  detail: string,
): void {
  context.sink.add({ rule: CHANGE_RULES.other, file: 'swagger', ...where(before, after, pointer), detail });
}

/** A top-level place: in the new version when it is still there, else in the old one. */
function where(
  before: JsonObject,
  after: JsonObject,
  pointer: string,
): { side: 'old' | 'new'; pointer: string } {
  const key = pointer.slice(1);
  if (has(after, key) || !has(before, key)) return { side: 'new', pointer };
  return { side: 'old', pointer };
}

function describe(value: unknown): string {
  return value === undefined ? 'nothing' : quoted(value);
}

/** `/definitions/Task` of `/definitions/Task/properties/id`: the first two segments, still encoded. */
function sectionEntry(pointer: string): string {
  const second = pointer.indexOf('/', 1);
  const third = second === -1 ? -1 : pointer.indexOf('/', second + 1);
  return third === -1 ? pointer : pointer.slice(0, third);
}
