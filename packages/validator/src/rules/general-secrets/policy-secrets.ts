import { childPointer } from '../../json/pointer.js';
import type { JsonObject } from '../../swagger/json-values.js';
import { policyInstances } from '../api-properties/policy-instances.js';
import { TEMPLATE_PARAMETER_PREFIX } from '../api-properties/policy-templates.js';
import { isCredentialName, secretLookingDefault } from './secret-default.js';

/** A secret that a policy of apiProperties.json adds to every request. */
export interface PolicySecret {
  /** Where the value is written: the policy's `x-ms-apimTemplateParameter.value`. */
  readonly pointer: string;
  /** The templateId as written. */
  readonly templateId: string;
  /** What the policy sets: a header or a query parameter. */
  readonly sets: 'header' | 'query parameter';
  /** The header's or query parameter's name. */
  readonly name: string;
  readonly value: string;
}

/** The templates that add a named value to each request, and what they add. */
const VALUE_SETTING_TEMPLATES: ReadonlyMap<string, PolicySecret['sets']> = new Map([
  ['setheader', 'header'],
  ['setqueryparameter', 'query parameter'],
]);

const NAME_PARAMETER = `${TEMPLATE_PARAMETER_PREFIX}name`;
const VALUE_PARAMETER = `${TEMPLATE_PARAMETER_PREFIX}value`;

/**
 * A policy expression, which the gateway evaluates for each request: `@connectionParameters('apiKey')`,
 * `Bearer @headers('Authorization')`, `@queryParameters('key')`, `@{triggerBody()}`. A value holding
 * one takes its credential from the connection or the request, not from the file.
 */
const POLICY_EXPRESSION = /@\{|@[A-Za-z]\w*\s*\(/;

/**
 * The values that setheader and setqueryparameter policies write under a credential's name and that
 * look like real secrets: `{"x-ms-apimTemplateParameter.name": "X-Api-Key",
 * "x-ms-apimTemplateParameter.value": "f3a9…"}` sends that key with every call of every user, and the
 * text scan misses it, since the JSON key before the value is `…value`, not the credential's name.
 */
export function policySecrets(
  apiProperties: JsonObject | undefined,
  host: string | undefined,
): PolicySecret[] {
  const found: PolicySecret[] = [];
  for (const { index, templateId, template, parameters } of policyInstances(apiProperties)) {
    const sets = VALUE_SETTING_TEMPLATES.get(template);
    if (sets === undefined || parameters === undefined) continue;
    const value = policySentSecret(template, parameters, host);
    if (value === undefined) continue;
    const pointer = childPointer('/properties/policyTemplateInstances', index, 'parameters', VALUE_PARAMETER);
    // A secret is sent under a name, which policySentSecret has read as a string.
    found.push({ pointer, templateId, sets, name: String(parameters[NAME_PARAMETER]), value });
  }
  return found;
}

/**
 * The secret one policy sends, its template id given in lower case: the value of a setheader or
 * setqueryparameter policy whose name carries a credential, when it looks real. Names and values
 * are judged as a secret-named parameter's default is (secret-default.ts): placeholders are left
 * alone, and so are expressions. `code` names an Azure Function's key only as a query parameter on
 * a Function app's `host` (the swagger's); as a header its key is x-functions-key. The diff asks it
 * too, so as not to print the secret an edit replaces (diff/policy-parameter-edits.ts).
 */
export function policySentSecret(
  template: string,
  parameters: JsonObject,
  host: string | undefined,
): string | undefined {
  const sets = VALUE_SETTING_TEMPLATES.get(template);
  const name = parameters[NAME_PARAMETER];
  if (sets === undefined || typeof name !== 'string') return undefined;
  if (!isCredentialName(name, sets === 'query parameter' ? host : undefined)) return undefined;
  const value = parameters[VALUE_PARAMETER];
  if (typeof value === 'string' && POLICY_EXPRESSION.test(value)) return undefined;
  return secretLookingDefault(value);
}
