import { asArray, asObject, asString, has, type JsonObject } from '../swagger/json-values.js';
import { connectionParameterReferences } from '../rules/api-properties/connection-parameter-references.js';
import { jsonEqual } from './json-equal.js';
import { parameterName } from './reroute-policies.js';
import {
  OPERATION_NAME_PARAMETER,
  TEMPLATE_PARAMETER_PREFIX,
} from '../rules/api-properties/policy-templates.js';
import { quoted, quoteList } from '../text/message-values.js';
import { policySentSecret } from '../rules/general-secrets/policy-secrets.js';
import { maskSecret } from '../rules/general-secrets/placeholders.js';

/**
 * What an edit of one policy changed, for a policy of any template kept under its title: each
 * parameter's old and new value ("value 'Bearer …' is now 'Token …'"), and the operations that gain
 * or lose it. A maker who reads only "Changed: 'Set Authentication Header'" cannot tell whether
 * existing connections still sign in, nor a reviewer which operations now send or stop sending a
 * header. Undefined when no parameter changed (another key of the instance did).
 */
export function policyParameterEdits(before: unknown, after: unknown): string | undefined {
  const was = parametersOf(before);
  const is = parametersOf(after);
  const shown = valueShower(sentSecret(before, was), sentSecret(after, is));
  const edits: string[] = [];
  const scope = scopeEdit(was[OPERATION_NAME_PARAMETER], is[OPERATION_NAME_PARAMETER]);
  for (const key of [...new Set([...Object.keys(was), ...Object.keys(is)])]) {
    if (key === OPERATION_NAME_PARAMETER || jsonEqual(was[key], is[key])) continue;
    const name = parameterName(key);
    if (!has(was, key)) edits.push(`${name} ${shown(is[key])} added`);
    else if (!has(is, key)) edits.push(`${name} ${shown(was[key])} removed`);
    else edits.push(`${name} ${shown(was[key])} is now ${shown(is[key])}`);
  }
  if (scope !== undefined) edits.push(scope);
  if (edits.length === 0) return undefined;
  const note = carriesCredential(was) || carriesCredential(is) ? ` ${CREDENTIAL_NOTE}` : '';
  return `${edits.join('; ')}.${note}`;
}

/**
 * Said of an edited policy that sends the connection's credential. Not a breaking change: rules.md §2
 * has no rule for a policy's parameters (BRK-AUTH-TYPE is the authentication type, which stays), and
 * the edit is often the fix that makes sign-in work; but it decides whether existing connections can
 * sign in, so the reviewer is told.
 */
const CREDENTIAL_NOTE =
  'The policy sends the credential of each connection: existing connections send the new value from this update on, so say in the pull request that the API accepts it.';

/** The header that carries a credential by its name, whatever its value. */
const AUTHORIZATION = 'authorization';

function carriesCredential(parameters: JsonObject): boolean {
  const name = asString(parameters[`${TEMPLATE_PARAMETER_PREFIX}name`]);
  if (name?.toLowerCase() === AUTHORIZATION) return true;
  return Object.entries(parameters).some(
    ([key, value]) =>
      key !== OPERATION_NAME_PARAMETER && typeof value === 'string' && readsConnectionParameter(value),
  );
}

/**
 * Whether a value is built from a connection parameter: the key, token or password each connection
 * holds. Read as PROP-POLICY reads it (connectionParameterReferences), so that the two never disagree
 * on what a reference is: `@ConnectionParameters('password')`, which that rule does not check, is none.
 */
function readsConnectionParameter(value: string): boolean {
  return connectionParameterReferences(value).length > 0;
}

/**
 * The secret a version of the policy sends, as GEN-SECRETS reads it (policy-secrets.ts): the edit
 * that replaces a hard-coded key with `@connectionParameters('apiKey')`, as that rule advises, must
 * not print the key in the pull request. No host: the diff of apiProperties.json alone has none.
 */
function sentSecret(instance: unknown, parameters: JsonObject): string | undefined {
  const template = asString(asObject(instance)?.templateId)?.toLowerCase();
  return template === undefined ? undefined : policySentSecret(template, parameters, undefined);
}

/**
 * How a parameter's value is shown: quoted, masked whole as GEN-SECRETS masks it where it is a secret
 * sent, as every message shows a masked value (`'Zq8v****** (24 characters)'`).
 */
function valueShower(...secrets: (string | undefined)[]): (value: unknown) => string {
  return (value) => quoted(typeof value === 'string' && secrets.includes(value) ? maskSecret(value) : value);
}

function parametersOf(instance: unknown): JsonObject {
  return asObject(asObject(instance)?.parameters) ?? {};
}

/**
 * The operations a policy gains or loses ("now applies to 'GetEventTypes' only, where it applied to
 * every operation"; "now also applies to 'A'; no longer to 'B'"). Without a list it applies to every
 * operation, which the diff of apiProperties alone cannot name.
 */
function scopeEdit(before: unknown, after: unknown): string | undefined {
  if (jsonEqual(before, after)) return undefined;
  const was = operationsOf(before);
  const is = operationsOf(after);
  if (is === undefined) return `it now applies to every operation, where it applied to ${listed(was)}`;
  if (was === undefined) return `it now applies to ${listed(is)} only, where it applied to every operation`;
  // Sets: a fork's list can hold thousands of operationIds, and `includes` over it made this quadratic.
  const listedBefore = new Set(was);
  const listedAfter = new Set(is);
  const gained = is.filter((id) => !listedBefore.has(id));
  const lost = was.filter((id) => !listedAfter.has(id));
  const parts = [
    ...(gained.length > 0 ? [`it now also applies to ${quoteList(gained)}`] : []),
    ...(lost.length > 0 ? [`it no longer applies to ${quoteList(lost)}`] : []),
  ];
  return parts.length > 0 ? parts.join('; ') : 'its operations are listed in another order';
}

/** A policy's operations, undefined for every one (no list, or not a list). */
function operationsOf(value: unknown): string[] | undefined {
  return asArray(value)?.map((id) => String(id));
}

function listed(operations: readonly string[] | undefined): string {
  if (operations === undefined) return 'every operation';
  return operations.length === 0 ? 'no operation' : quoteList(operations);
}
