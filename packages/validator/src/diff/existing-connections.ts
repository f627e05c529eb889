import { replaceDefaultedReferences } from '../rules/api-properties/connection-parameter-references.js';
import { connectionParametersOf } from '../rules/api-properties/connection-parameters.js';
import { asString, type JsonObject } from '../swagger/json-values.js';
import type { Reroute } from './reroute-policies.js';
import { URL_TEMPLATE } from './request-address.js';

/** A connection parameter that connections made before the update lack, and the default a policy gives. */
export interface DefaultedParameter {
  name: string;
  value: string;
}

/** The new version's rerouting policies as the connections made with the base version run them. */
export interface ExistingConnectionsView {
  policies: Reroute[];
  /** By policy of the new version (as `reroutes` read it): the new parameters whose defaults it reads. */
  defaulted: Map<Reroute, DefaultedParameter[]>;
}

/**
 * The new version's host policies (dynamichosturl) with each connection parameter that the base
 * version did not have replaced by its default: connections made before the update hold no value
 * for it, so they get the default. Oneflow (PowerPlatformConnectors b9678af7) added an
 * 'instance_url' parameter for a test environment and a policy to
 * `@connectionParameters('instance_url', 'https://api.oneflow.com/v1')`, the swagger's own address:
 * existing connections still call it, and the policy was no breaking reroute. A parameter of the base
 * version keeps its place: its value in existing connections is not known.
 */
export function existingConnectionsView(
  policies: readonly Reroute[],
  baseApiProperties: JsonObject | undefined,
): ExistingConnectionsView {
  const had = new Set(connectionParametersOf(baseApiProperties).map((parameter) => parameter.name));
  const defaulted = new Map<Reroute, DefaultedParameter[]>();
  const seen = policies.map((policy) => {
    const template = policy.template === 'dynamichosturl' ? asString(policy.target[URL_TEMPLATE]) : undefined;
    if (template === undefined) return policy;
    const used: DefaultedParameter[] = [];
    const run = replaceDefaultedReferences(template, (name, value) => {
      if (had.has(name)) return undefined;
      used.push({ name, value });
      return value;
    });
    if (used.length === 0) return policy;
    defaulted.set(policy, used);
    return { ...policy, target: { ...policy.target, [URL_TEMPLATE]: run } };
  });
  return { policies: seen, defaulted };
}
