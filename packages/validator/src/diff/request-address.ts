import { asArray, asString } from '../swagger/json-values.js';
import type { SwaggerModel } from '../swagger/swagger-model.js';
import type { OperationInfo } from '../swagger/operation-info.js';
import { basePathPrefix } from './diff-context.js';
import { jsonEqual } from './json-equal.js';
import { appliesTo, type Reroute } from './reroute-policies.js';
import {
  POLICY_SECTION_PARAMETER,
  TEMPLATE_PARAMETER_PREFIX,
} from '../rules/api-properties/policy-templates.js';
import { withoutTrailingSlashes } from '@connector-alm/core';
import { braceSpans, splitOrigin } from './address-parts.js';
import { sameType } from './same-type.js';

const ROUTE_TEMPLATE = 'routerequesttoendpoint';
const NEW_PATH = `${TEMPLATE_PARAMETER_PREFIX}newPath`;
const HTTP_METHOD = `${TEMPLATE_PARAMETER_PREFIX}httpMethod`;
const HOST_TEMPLATE = 'dynamichosturl';
/** The dynamichosturl parameter that holds the URL a policy sends requests below. */
export const URL_TEMPLATE = `${TEMPLATE_PARAMETER_PREFIX}urlTemplate`;
/** routerequesttoendpoint's httpMethod for "the operation's own" (rules.md §3). */
const ORIGINAL_METHOD = '@Request.OriginalHTTPMethod';
const METHODS: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD']);
/**
 * The expressions a newPath takes a request's values from (Zoho Calendar's "@queryParameters('cuid')",
 * Miro's "@headers('TeamId')", ExchangeRate's "@connectionParameters('apiKey')"), with a default value
 * as OpenLegacy writes "@connectionParameters('hub_url','https://…')".
 */
const EXPRESSION = /@(queryParameters|headers|connectionParameters)\('([^']*)'(?:\s*,\s*'[^']*')?\)/g;

/** Where one operation's requests go: its method and path, and the route policy that set them. */
export interface RequestAddress {
  /** "POST /rest/api/2/issue": as swaggerAddress writes it, parameters by their names. */
  address: string;
  route?: Reroute;
}

/**
 * The method and path an operation's requests reach: the swagger's, or those a routerequesttoendpoint
 * policy rewrites them to. newPath is read where the path template is, below the base path or the
 * urlTemplate of a dynamichosturl policy (addressBase): JIRA's urlTemplate
 * 'https://@connectionParameters('jirainstance').atlassian.net/rest/api/' and newPath '/2/issue'
 * call /rest/api/2/issue on the user's instance. Undefined when that cannot be
 * told for sure, so that callers keep what the swagger alone says: several route policies for the
 * operation, a route with other parameters, a newPath that does not start with '/' or takes a value
 * the operation does not have, a method outside the template's list.
 */
export function requestAddress(
  model: SwaggerModel,
  policies: readonly Reroute[],
  operation: OperationInfo,
): RequestAddress | undefined {
  const routes = policies.filter(
    (policy) => policy.template === ROUTE_TEMPLATE && appliesTo(policy, operation.operationId),
  );
  if (routes.length === 0) return { address: swaggerAddress(model, policies, operation) };
  if (routes.length > 1) return undefined;
  const route = routes[0]!;
  if (Object.keys(route.target).some((key) => key !== NEW_PATH && key !== HTTP_METHOD)) return undefined;
  const newPath = asString(route.target[NEW_PATH]);
  if (newPath === undefined || !newPath.startsWith('/') || !takesKnownValues(newPath, operation)) {
    return undefined;
  }
  const method = methodOf(route.target[HTTP_METHOD], operation);
  if (method === undefined) return undefined;
  return { address: `${method} ${addressBase(model, policies, operation)}${newPath}`, route };
}

/**
 * Where the swagger sends an operation's requests, "GET /v1/tasks/{taskId}": its method and path
 * template below the base path, or below the urlTemplate of the dynamichosturl policy that sets its
 * host URL. Moving '/v1' from the base path into every path template, or back, keeps it. Routes
 * are not followed (requestAddress does).
 */
export function swaggerAddress(
  model: SwaggerModel,
  policies: readonly Reroute[],
  operation: OperationInfo,
): string {
  return `${operation.method.toUpperCase()} ${addressBase(model, policies, operation)}${operation.path}`;
}

/**
 * What an operation's path goes below: the urlTemplate of the dynamichosturl policy that sets its
 * host URL, as written, or else the swagger's base path (the swagger's host, compared on its own,
 * left out). Of several such policies the last one counts: each replaces the URL the one before
 * set, as Cradl AI's 'Change host to auth' and then 'Change host back' do.
 *
 * The urlTemplate replaces the whole URL below which the path goes, scheme and base path included,
 * not the host alone. Microsoft's page for the template says it "replaces host URL with the URL
 * generated from the template", its example 'https://@header('test').abc.@queryParameters('domain')/
 * @connectionParameters('subPath')' giving 'https://foo.abc.pqr/path'; and the corpus's connectors
 * agree (../shared/corpus, apiProperties.json): JIRA, Atlassian Jira, Cradl AI, Centrical, Cascade,
 * iObeya, Assently, Alemba, Tesseron Invoice and IA-Connect repeat their basePath at the end of the
 * urlTemplate ('.../rest/api/' for basePath '/rest/api'), which a kept base path would double;
 * Veterans Affairs Facilities has basePath '/' and its urlTemplate ends in
 * '/services/va_facilities/v1', where that API is; MongoDB's basePath is the placeholder
 * '/app/<Data API App ID>/endpoint/data/v1/' while its BaseUrl parameter asks for that whole URL;
 * CO2 Signal (basePath '/v1') sends GetZones to 'https://api.electricitymap.org' with newPath
 * '/v3/zones', that API's address without '/v1'. Only UiPath Orchestrator and PoliteMail read as if
 * the base path stayed; the many above could not work if it did.
 */
function addressBase(model: SwaggerModel, policies: readonly Reroute[], operation: OperationInfo): string {
  const setter = movingHostSetter(model, policies, operation.operationId);
  const template = setter && asString(setter.target[URL_TEMPLATE]);
  return template !== undefined ? withoutTrailingSlashes(template) : basePathPrefix(model);
}

/**
 * What an operation's path template goes below, the host left out: the base path, or the path part of
 * the urlTemplate that sets its host URL ('/services/va_facilities/v1' of Veterans Affairs Facilities'
 * 'https://@connectionParameters('env').va.gov/services/va_facilities/v1'), '' for none. Undefined
 * when that urlTemplate does not start with a scheme and host that can be cut off (a connection
 * parameter holding the whole URL).
 */
export function pathBase(
  model: SwaggerModel,
  policies: readonly Reroute[],
  operation: OperationInfo,
): string | undefined {
  const base = addressBase(model, policies, operation);
  const below = splitOrigin(base)?.rest ?? base;
  return below === '' || below.startsWith('/') ? below : undefined;
}

/**
 * Whether a dynamichosturl policy sends an operation's requests below its urlTemplate, so that the
 * swagger's scheme, host and base path are not where they go (a policy at the swagger's own URL
 * counting as none, as in addressBase).
 */
export function setsHostUrl(
  model: SwaggerModel,
  policies: readonly Reroute[],
  operation: OperationInfo,
): boolean {
  return movingHostSetter(model, policies, operation.operationId) !== undefined;
}

/** One version's swagger and rerouting policies. */
export interface RoutedVersion {
  model: SwaggerModel;
  policies: readonly Reroute[];
}

/**
 * Whether an operation's requests go to the same host URL in both versions as far as the policies
 * decide it: the same policies apart from routes and host setters, and the same URL set by the last
 * host setter, a setter at the swagger's own address counting as none (Cradl AI adds 'Change host
 * back' to 'https://api.lucidtech.ai/v1', where its swagger sends requests anyway). Without a host
 * setter on either side the swagger's host is used by both, which the swagger comparison tells
 * (BRK-HOST-BASEPATH).
 */
export function sameHostUrl(old: RoutedVersion, now: RoutedVersion, operationId: string): boolean {
  const others = ({ policies }: RoutedVersion) =>
    policies
      .filter(
        (policy) =>
          policy.template !== ROUTE_TEMPLATE &&
          appliesTo(policy, operationId) &&
          hostSetting([policy]).length === 0,
      )
      .map((policy) => [policy.template, policy.target]);
  if (!jsonEqual(others(old), others(now))) return false;
  const urls = ({ policies }: RoutedVersion) => {
    const template = asString(lastHostSetter(policies, operationId)?.target[URL_TEMPLATE]);
    return template === undefined ? undefined : [comparableUrl(template)];
  };
  const [was, is] = [urls(old), urls(now)];
  if (was === undefined && is === undefined) return true;
  const [wasUrls, isUrls] = [was ?? swaggerUrls(old.model), is ?? swaggerUrls(now.model)];
  return wasUrls.some((url) => isUrls.includes(url));
}

/** The last dynamichosturl policy that applies to an operation: each replaces the URL the one before set. */
function lastHostSetter(policies: readonly Reroute[], operationId: string | undefined): Reroute | undefined {
  return hostSetting(policies)
    .filter((policy) => appliesTo(policy, operationId))
    .at(-1);
}

/**
 * The dynamichosturl policy that sets the URL an operation's requests go below: the last one that
 * applies, each replacing the URL the one before set. Undefined when none applies, or when the last
 * one's URL is the swagger's own scheme, host and base path: Cradl AI sends its sign-in call to
 * 'https://auth.lucidtech.ai' and then every request back to 'https://api.lucidtech.ai/v1', where
 * its swagger (https, api.lucidtech.ai, /v1) sends them anyway.
 */
function movingHostSetter(
  model: SwaggerModel,
  policies: readonly Reroute[],
  operationId: string | undefined,
): Reroute | undefined {
  const setter = lastHostSetter(policies, operationId);
  const template = setter && asString(setter.target[URL_TEMPLATE]);
  if (template === undefined) return setter;
  return swaggerUrls(model).includes(comparableUrl(template)) ? undefined : setter;
}

/** The URLs the swagger itself sends requests below: one per listed scheme (https when none is). */
function swaggerUrls(model: SwaggerModel): string[] {
  const host = asString(model.root.host);
  if (host === undefined || host === '') return [];
  const listed = (asArray(model.root.schemes) ?? []).map((scheme) => asString(scheme)).filter(Boolean);
  const schemes = listed.length > 0 ? (listed as string[]) : ['https'];
  return schemes.map((scheme) => comparableUrl(`${scheme}://${host}${basePathPrefix(model)}`));
}

/** A URL with its scheme and host in lower case (they are case-insensitive) and no trailing '/'. */
function comparableUrl(url: string): string {
  const trimmed = withoutTrailingSlashes(url);
  const parts = splitOrigin(trimmed);
  return parts ? parts.origin.toLowerCase() + parts.rest : trimmed;
}

/** The dynamichosturl policies that set a host URL: with a urlTemplate, run on the request. */
function hostSetting(policies: readonly Reroute[]): Reroute[] {
  return policies.filter(
    (policy) =>
      policy.template === HOST_TEMPLATE &&
      (asString(policy.target[URL_TEMPLATE]) ?? '') !== '' &&
      // The target keeps a section only when it is not the request's (reroutes): a policy run on
      // the response does not choose the host.
      policy.target[POLICY_SECTION_PARAMETER] === undefined,
  );
}

/**
 * A request address of the new version (`is`, of operation `after`) as the base version names its
 * path parameters: a path parameter renamed ('/items/{id}' to '/things/{itemId}') keeps its old name,
 * so that a route sending the requests to '/items/{itemId}' is seen to reach the old '/items/{id}'.
 * Flows bind path parameters by name, so the rename itself still breaks them: the parameter
 * comparison reports it (BRK-PARAM-RENAMED); this only tells that the address did not move.
 */
export function inBaseNames(is: RequestAddress, before: OperationInfo, after: OperationInfo): string {
  const rename = renamedPathParameter(before, after);
  return rename ? is.address.split(`{${rename.to}}`).join(`{${rename.from}}`) : is.address;
}

/**
 * The path parameter renamed between two versions of an operation, as parameter-diff.ts decides a
 * rename: the only path parameter gone and the only one come, of the same type, neither of them a
 * parameter that kept its name in another location. Undefined when that is not sure (two renamed,
 * another type): the new parameter may be another value, and the address change stays a break.
 */
function renamedPathParameter(
  before: OperationInfo,
  after: OperationInfo,
): { from: string; to: string } | undefined {
  const names = (operation: OperationInfo) =>
    new Set(operation.parameters.map((parameter) => parameter.name));
  const inPath = (operation: OperationInfo) =>
    operation.parameters.filter((parameter) => parameter.in === 'path');
  const [namesBefore, namesAfter] = [names(before), names(after)];
  const gone = inPath(before).filter((parameter) => !namesAfter.has(parameter.name));
  const came = inPath(after).filter((parameter) => !namesBefore.has(parameter.name));
  if (gone.length !== 1 || came.length !== 1) return undefined;
  const [from, to] = [gone[0]!, came[0]!];
  if (from.name === undefined || to.name === undefined || !sameType(from.value.type, to.value.type)) {
    return undefined;
  }
  return { from: from.name, to: to.name };
}

/**
 * The dynamichosturl policies that set the host URL of every operation of a version, so that its
 * swagger's host, base path and schemes are used by none (JIRA's 'yourhost.yourdomain.com'; see
 * addressBase). Undefined when any operation has none, or the version has no operations: then the
 * swagger's may be used.
 */
export function hostPolicies(model: SwaggerModel, policies: readonly Reroute[]): Reroute[] | undefined {
  const hosts = hostSetting(policies);
  if (model.operations.length === 0) return undefined;
  const covered = model.operations.every((operation) =>
    hosts.some((policy) => appliesTo(policy, operation.operationId)),
  );
  return covered ? hosts : undefined;
}

/**
 * Whether every value a newPath takes is one the operation has: each '{name}' a path parameter, each
 * @queryParameters and @headers expression a parameter of its kind. A connection parameter is the
 * same for every operation (the sign-in comparison tells its changes); anything else with '@' is an
 * expression this comparison does not read.
 */
function takesKnownValues(newPath: string, operation: OperationInfo): boolean {
  const has = (kind: string, name: string) =>
    operation.parameters.some(
      (parameter) =>
        parameter.in === kind &&
        (kind === 'header' ? parameter.name?.toLowerCase() === name.toLowerCase() : parameter.name === name),
    );
  let known = true;
  const rest = newPath.replace(EXPRESSION, (_, kind: string, name: string) => {
    if (kind === 'queryParameters') known &&= has('query', name);
    if (kind === 'headers') known &&= has('header', name);
    return '';
  });
  if (!known || rest.includes('@')) return false;
  return braceSpans(rest).every((span) => has('path', span.inner));
}

/** The method a route sends with: its httpMethod, or the operation's own when it keeps that. */
function methodOf(httpMethod: unknown, operation: OperationInfo): string | undefined {
  if (httpMethod === undefined || httpMethod === ORIGINAL_METHOD) return operation.method.toUpperCase();
  const method = asString(httpMethod)?.toUpperCase();
  return method !== undefined && METHODS.has(method) ? method : undefined;
}
