import { asArray, asObject, asString, type JsonObject } from '../swagger/json-values.js';
import { excerpt, quoted } from '../text/message-values.js';
import {
  OPERATION_NAME_PARAMETER,
  POLICY_SECTION_PARAMETER,
  TEMPLATE_PARAMETER_PREFIX,
} from '../rules/api-properties/policy-templates.js';

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

/** A policy parameter's name as the maker reads it: without the `x-ms-apimTemplateParameter.` prefix. */
export function parameterName(key: string): string {
  return excerpt(
    key.startsWith(TEMPLATE_PARAMETER_PREFIX) ? key.slice(TEMPLATE_PARAMETER_PREFIX.length) : key,
  );
}

/** Whether a policy template instance decides where requests go. */
export function isRerouting(instance: unknown): boolean {
  const template = asString(asObject(instance)?.templateId);
  return template !== undefined && REROUTING_TEMPLATES.has(template.toLowerCase());
}

/** One rerouting policy of a version, as far as where it sends requests is concerned. */
export interface Reroute {
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

/** Whether a policy applies to an operation: to every one when it names none. */
export function appliesTo(reroute: Reroute, operationId: string | undefined): boolean {
  if (reroute.operations === undefined) return true;
  return operationId !== undefined && reroute.operations.includes(operationId);
}

/**
 * A policy's parameters with the section left out where it is the request's, the one it runs in
 * without it: writing it moves no request (Cradl AI added it to its two host policies, which
 * PowerPlatformConnectors merged as an edit of the sign-in alone).
 */
function withoutDefaultSection(parameters: JsonObject): JsonObject {
  const section = asString(parameters[POLICY_SECTION_PARAMETER]);
  if (section?.toLowerCase() !== 'request') return parameters;
  const { [POLICY_SECTION_PARAMETER]: _request, ...rest } = parameters;
  return rest;
}

/** A version's rerouting policies, in the order of policyTemplateInstances. */
export function reroutes(apiProperties: JsonObject | undefined): Reroute[] {
  const instances = asArray(asObject(apiProperties?.properties)?.policyTemplateInstances) ?? [];
  return instances.flatMap((value, index): Reroute[] => {
    const instance = asObject(value);
    if (!instance || !isRerouting(instance)) return [];
    const parameters = asObject(instance.parameters) ?? {};
    const { [OPERATION_NAME_PARAMETER]: operations, ...written } = parameters;
    const named = asArray(operations);
    const target = withoutDefaultSection(written);
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

/** "'Route Request - CreateIssue' (routerequesttoendpoint)": a rerouting policy as every change names it. */
export function policyLabel(reroute: Reroute): string {
  return policyInstanceLabel(reroute.instance);
}

/**
 * An entry of policyTemplateInstances as the change messages name it: its title and template, or
 * whichever of the two it has.
 */
export function policyInstanceLabel(instance: unknown): string {
  const title = asString(asObject(instance)?.title);
  const template = asString(asObject(instance)?.templateId);
  if (title === undefined) return quoted(template ?? '?');
  return template === undefined ? quoted(title) : `${quoted(title)} (${excerpt(template)})`;
}
