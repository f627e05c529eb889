import { childPointer } from '../json/pointer.js';
import { asArray, asObject, asString, type JsonObject } from '../swagger/json-values.js';
import { SwaggerModel } from '../swagger/swagger-model.js';
import { CHANGE_RULES } from './change-rules.js';
import { jsonEqual } from './json-equal.js';
import type { RawChange } from './raw-change.js';
import { excerpt, quoted, quoteList } from '../text/message-values.js';

/**
 * Policy templates that decide where a request goes rather than what it carries: dynamichosturl and
 * dynamicsubdomain replace the swagger's host, routerequesttoendpoint an operation's path and method.
 * Matched without regard to case, as the platform accepts 'dynamicHostUrl' (rules.md §3.1).
 */
const REROUTING_TEMPLATES: ReadonlySet<string> = new Set([
  'dynamichosturl',
  'dynamicsubdomain',
  'routerequesttoendpoint',
]);

const POLICIES_POINTER = '/properties/policyTemplateInstances';
/** The operations a policy applies to; without it, it applies to every operation. */
const OPERATIONS_KEY = 'x-ms-apimTemplate-operationName';
const PARAMETER_PREFIX = 'x-ms-apimTemplateParameter.';

/** The two files of one version that say where its requests go; either may be missing. */
export interface RoutingFiles {
  swagger?: JsonObject;
  apiProperties?: JsonObject;
}

/** Whether a policy template instance decides where requests go. */
export function isRerouting(instance: unknown): boolean {
  const template = asString(asObject(instance)?.templateId);
  return template !== undefined && REROUTING_TEMPLATES.has(template.toLowerCase());
}

/** One rerouting policy of a version, as far as where it sends requests is concerned. */
interface Reroute {
  index: number;
  instance: JsonObject;
  /** The templateId as written, and lower-cased for matching. */
  templateId: string;
  template: string;
  title: string | undefined;
  /** Its parameters apart from the operations: where it sends requests. */
  target: JsonObject;
  /** The operations it applies to; undefined for every operation. */
  operations: string[] | undefined;
}

/**
 * Compares the rerouting policies of two versions, like the swagger's host and basePath
 * (BRK-HOST-BASEPATH): a policy added, removed or edited so that an operation of both versions sends
 * its requests to another address breaks the flows that use it. One that only reaches operations new
 * in this update (the route of a '_V2' added beside the old operation), a new title or a new order
 * moves no existing flow: it is listed as CHG-OTHER. The other policies are api-properties-diff's.
 */
export function diffRerouting(before: RoutingFiles, after: RoutingFiles): RawChange[] {
  const old = reroutes(before.apiProperties);
  const now = reroutes(after.apiProperties);
  const kept = keptOperations(before.swagger, after.swagger);
  const moved = (operations: readonly string[]) =>
    operations.filter((id) => !jsonEqual(routeOf(old, id), routeOf(now, id)));

  const changes: RawChange[] = [];
  for (const { was, is } of pairs(old, now)) {
    if (was && is && jsonEqual(was.instance, is.instance)) continue;
    const reached = [...new Set([...scope(was, kept), ...scope(is, kept)])];
    const affected = kept === undefined ? reached : moved(reached);
    const place = is
      ? { side: 'new' as const, pointer: childPointer(POLICIES_POINTER, String(is.index)) }
      : { side: 'old' as const, pointer: childPointer(POLICIES_POINTER, String(was!.index)) };
    // Without both swaggers, a policy for every operation moves every operation it may reach.
    const everyOperation = [was, is].some((reroute) => reroute && reroute.operations === undefined);
    if (affected.length === 0 && !(everyOperation && kept === undefined)) {
      const state = !was ? ' added' : !is ? ' removed' : '';
      const why = sameRoute(was, is) ? '' : ', which moves no operation of the base version';
      changes.push({
        rule: CHANGE_RULES.other,
        file: 'apiProperties',
        ...place,
        detail: `Changed: policyTemplateInstances ${label(is ?? was!)}${state}${why}.`,
      });
      continue;
    }
    const forEvery =
      [was, is].every((reroute) => !reroute || reroute.operations === undefined) ||
      (everyOperation && kept === undefined);
    const requests = `requests of ${forEvery ? 'every operation' : quoteList(affected)}`;
    changes.push({
      rule: CHANGE_RULES.policyReroute,
      file: 'apiProperties',
      ...place,
      operationId: affected.length === 1 && !forEvery ? affected[0] : undefined,
      detail: `The policy ${label(is ?? was!)} ${whatChanged(was, is, requests)}.`,
    });
  }
  return changes;
}

/**
 * Each policy of the old version with its counterpart in the new one, if any: the same route under
 * any title first (a retitled policy moves nothing), then the same template and title (an edited
 * one), then the only policy of a template left on each side (edited and retitled).
 */
function pairs(old: readonly Reroute[], now: readonly Reroute[]): { was?: Reroute; is?: Reroute }[] {
  const found: { was?: Reroute; is?: Reroute }[] = [];
  const leftOld = [...old];
  const leftNew = [...now];
  const pairBy = (same: (was: Reroute, is: Reroute) => boolean) => {
    for (const was of [...leftOld]) {
      const is = leftNew.find((candidate) => same(was, candidate));
      if (!is) continue;
      found.push({ was, is });
      leftOld.splice(leftOld.indexOf(was), 1);
      leftNew.splice(leftNew.indexOf(is), 1);
    }
  };
  pairBy((was, is) => jsonEqual(was.instance, is.instance));
  pairBy(sameRoute);
  pairBy((was, is) => was.template === is.template && was.title === is.title);
  pairBy(
    (was, is) =>
      was.template === is.template &&
      leftOld.filter((other) => other.template === was.template).length === 1 &&
      leftNew.filter((other) => other.template === was.template).length === 1,
  );
  return [...found, ...leftOld.map((was) => ({ was })), ...leftNew.map((is) => ({ is }))];
}

/** The same template sending the same operations to the same place. */
function sameRoute(was: Reroute | undefined, is: Reroute | undefined): boolean {
  return (
    was !== undefined &&
    is !== undefined &&
    was.template === is.template &&
    jsonEqual(was.target, is.target) &&
    jsonEqual(was.operations, is.operations)
  );
}

/** "changed: requests of 'ListTasks' went to newPath '/v1/tasks' and now go to newPath '/v2/tasks'". */
function whatChanged(was: Reroute | undefined, is: Reroute | undefined, requests: string): string {
  if (!was) return `has been added: ${requests} now go to ${target(is!)}`;
  if (!is) return `has been removed: ${requests} no longer go to ${target(was)}`;
  const sameScope = jsonEqual(was.operations, is.operations);
  if (sameScope) return `changed: ${requests} went to ${target(was, is)} and now go to ${target(is, was)}`;
  const applied = `it applied to ${scopeText(was)} and now applies to ${scopeText(is)}`;
  if (jsonEqual(was.target, is.target)) return `changed: ${applied}: ${requests} go to another address`;
  return `changed: ${applied}, and went to ${target(was, is)} and now goes to ${target(is, was)}: ${requests} go to another address`;
}

/** The method routerequesttoendpoint keeps when told to: the request's own, so no address part. */
const ORIGINAL_METHOD = '@Request.OriginalHTTPMethod';

/**
 * Where a policy sends requests, by its parameters: "newPath '/v2/tasks', httpMethod 'POST'". Beside
 * the other version (`other`), only the parameters that differ: they are the move.
 */
function target(reroute: Reroute, other?: Reroute): string {
  const keys = other
    ? [...new Set([...Object.keys(reroute.target), ...Object.keys(other.target)])].filter(
        (key) => !jsonEqual(reroute.target[key], other.target[key]),
      )
    : Object.keys(reroute.target).filter((key) => reroute.target[key] !== ORIGINAL_METHOD);
  if (keys.length === 0) return 'where its template decides';
  return keys
    .map((key) => {
      const name = excerpt(key.startsWith(PARAMETER_PREFIX) ? key.slice(PARAMETER_PREFIX.length) : key);
      const value = reroute.target[key];
      return value === undefined ? `no ${name}` : `${name} ${quoted(value)}`;
    })
    .join(', ');
}

function scopeText(reroute: Reroute): string {
  return reroute.operations === undefined ? 'every operation' : quoteList(reroute.operations);
}

/** The operations of both versions a policy reaches (every one named, when they are not known). */
function scope(reroute: Reroute | undefined, kept: ReadonlySet<string> | undefined): string[] {
  if (!reroute) return [];
  if (reroute.operations === undefined) return kept ? [...kept] : [];
  return kept ? reroute.operations.filter((id) => kept.has(id)) : reroute.operations;
}

/** Where a version's rerouting policies send one operation's requests, in their order. */
function routeOf(reroutes: readonly Reroute[], operationId: string): unknown[] {
  return reroutes
    .filter((reroute) => reroute.operations === undefined || reroute.operations.includes(operationId))
    .map((reroute) => [reroute.template, reroute.target]);
}

/**
 * The operationIds of both versions: the ones existing flows can use. Undefined when a swagger is
 * missing or unreadable: then every operation a policy names may be used.
 */
function keptOperations(
  before: JsonObject | undefined,
  after: JsonObject | undefined,
): Set<string> | undefined {
  if (!before || !after) return undefined;
  const now = new SwaggerModel(after, true).operationsById;
  return new Set([...new SwaggerModel(before, true).operationsById.keys()].filter((id) => now.has(id)));
}

function reroutes(apiProperties: JsonObject | undefined): Reroute[] {
  const instances = asArray(asObject(apiProperties?.properties)?.policyTemplateInstances) ?? [];
  return instances.flatMap((value, index): Reroute[] => {
    const instance = asObject(value);
    if (!instance || !isRerouting(instance)) return [];
    const parameters = asObject(instance.parameters) ?? {};
    const { [OPERATIONS_KEY]: operations, ...target } = parameters;
    const named = asArray(operations);
    return [
      {
        index,
        instance,
        templateId: asString(instance.templateId)!,
        template: asString(instance.templateId)!.toLowerCase(),
        title: asString(instance.title),
        target,
        operations: named?.map((name) => String(name)),
      },
    ];
  });
}

/** "'Route Request - CreateIssue' (routerequesttoendpoint)", as api-properties-diff names policies. */
function label(reroute: Reroute): string {
  return reroute.title === undefined
    ? quoted(reroute.templateId)
    : `${quoted(reroute.title)} (${excerpt(reroute.templateId)})`;
}
