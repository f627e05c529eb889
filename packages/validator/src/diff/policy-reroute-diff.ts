import { childPointer } from '../json/pointer.js';
import type { JsonObject } from '../swagger/json-values.js';
import { SwaggerModel } from '../swagger/swagger-model.js';
import { CHANGE_RULES } from './change-rules.js';
import { jsonEqual } from './json-equal.js';
import type { RawChange } from './raw-change.js';
import { existingConnectionsView, type DefaultedParameter } from './existing-connections.js';
import { inBaseNames, requestAddress, sameHostUrl } from './request-address.js';
import { appliesTo, parameterName, policyLabel, reroutes, type Reroute } from './reroute-policies.js';
import { quoted, quoteList } from '../text/message-values.js';

const POLICIES_POINTER = '/properties/policyTemplateInstances';

/** The two files of one version that say where its requests go; either may be missing. */
export interface RoutingFiles {
  swagger?: JsonObject;
  apiProperties?: JsonObject;
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
  const models =
    before.swagger && after.swagger
      ? { old: new SwaggerModel(before.swagger, true), now: new SwaggerModel(after.swagger, true) }
      : undefined;
  const kept = models && keptOperations(models.old, models.now);
  // Where requests go is compared as the connections made before the update run the policies: a new
  // connection parameter's default stands for the value they lack.
  const existing = existingConnectionsView(now, before.apiProperties);
  // A route edited along with the path template it rewrites can leave the request where it went.
  // With the same routes, only the host policies changed: they move the request only if the host URL
  // it goes below moves; a path template edited in the same update is the swagger's change
  // (BRK-PATH-CHANGED), as Cradl AI's '/runs' to '/workflows' beside its new host policies.
  const addressKept = (id: string) =>
    models !== undefined &&
    (sameRoutes(old, now, id)
      ? sameHostUrl(
          { model: models.old, policies: old },
          { model: models.now, policies: existing.policies },
          id,
        )
      : sameAddress(models, old, existing.policies, id));
  const routeChanged = (id: string) => !jsonEqual(routeOf(old, id), routeOf(now, id));
  const moved = (operations: readonly string[]) =>
    operations.filter((id) => routeChanged(id) && !addressKept(id));

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
      const still = reached.filter((id) => routeChanged(id) && addressKept(id));
      const defaults = is && still.length > 0 ? existing.defaulted.get(is) : undefined;
      const why = defaults
        ? defaultsKeepAddress(defaults)
        : still.length > 0
          ? `, which keeps the requests of ${quoteList(still)} going to the ${
              (is ?? was!).template === 'routerequesttoendpoint' ? 'address' : 'host'
            } they went to in the base version`
          : sameRoute(was, is)
            ? ''
            : ', which moves no operation of the base version';
      changes.push({
        rule: CHANGE_RULES.other,
        file: 'apiProperties',
        ...place,
        detail: `Changed: policyTemplateInstances ${policyLabel(is ?? was!)}${state}${why}.`,
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
      detail: `The policy ${policyLabel(is ?? was!)} ${whatChanged(was, is, requests)}.`,
    });
  }
  return changes;
}

/**
 * ", which sends the requests of existing connections where they went in the base version: made
 * without 'instance_url', they get its default 'https://api.oneflow.com/v1'".
 */
function defaultsKeepAddress(defaults: readonly DefaultedParameter[]): string {
  const names = quoteList(defaults.map(({ name }) => name));
  const values = quoteList(defaults.map(({ value }) => value));
  const its = defaults.length === 1 ? 'its default' : 'their defaults';
  return `, which sends the requests of existing connections where they went in the base version: made without ${names}, they get ${its} ${values}`;
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
      const name = parameterName(key);
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

/** Whether the routerequesttoendpoint policies of an operation are the same in both versions. */
function sameRoutes(old: readonly Reroute[], now: readonly Reroute[], operationId: string): boolean {
  const routes = (reroutes: readonly Reroute[]) =>
    routeOf(
      reroutes.filter((reroute) => reroute.template === 'routerequesttoendpoint'),
      operationId,
    );
  return jsonEqual(routes(old), routes(now));
}

/** Where a version's rerouting policies send one operation's requests, in their order. */
function routeOf(reroutes: readonly Reroute[], operationId: string): unknown[] {
  return reroutes
    .filter((reroute) => appliesTo(reroute, operationId))
    .map((reroute) => [reroute.template, reroute.target]);
}

/**
 * The operationIds of both versions: the ones existing flows can use. Without both swaggers (one
 * missing or unreadable) they are unknown: then every operation a policy names may be used.
 */
function keptOperations(before: SwaggerModel, after: SwaggerModel): Set<string> {
  const now = after.operationsById;
  return new Set([...before.operationsById.keys()].filter((id) => now.has(id)));
}

/**
 * Whether an operation's requests reach the same method and path in both versions, routes followed
 * (request-address.ts) and a renamed path parameter taken for the old one, on the same host
 * URL (sameHostUrl): then no flow calls another address.
 */
function sameAddress(
  models: { old: SwaggerModel; now: SwaggerModel },
  old: readonly Reroute[],
  now: readonly Reroute[],
  operationId: string,
): boolean {
  const before = models.old.operationById(operationId);
  const after = models.now.operationById(operationId);
  if (!before || !after) return false;
  const was = requestAddress(models.old, old, before);
  const is = requestAddress(models.now, now, after);
  return (
    was !== undefined &&
    is !== undefined &&
    was.address === inBaseNames(is, before, after) &&
    sameHostUrl({ model: models.old, policies: old }, { model: models.now, policies: now }, operationId)
  );
}
