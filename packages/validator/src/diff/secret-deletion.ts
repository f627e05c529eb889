import { maskSecret } from '../rules/general-secrets/placeholders.js';
import { parameterSecretDefault, secretDefault } from '../rules/general-secrets/secret-default.js';
import type { JsonObject } from '../swagger/json-values.js';
import { CASE_RULES } from './change-rules.js';
import type { CaseRule } from './change-rule-type.js';
import type { Direction } from './schema-change.js';

/** How a deleted field whose default was a secret is told: its case rule, and what its default was. */
export interface SecretDeletion {
  readonly rule: CaseRule;
  /** Says the default looked like a secret, masked: the secret itself is never printed. */
  readonly detail: string;
}

/**
 * How the deletion of an input (a parameter, a body field) or an output field named `name` is told
 * when its default `value` was a secret, as GEN-SECRETS tells one (secret-default.ts): removing it is
 * right, and the advice to keep it would keep the leaked key (upstream #3269). Undefined for any
 * other field. `host` is the base version's, for an Azure Function's `code`; a schema's field gives
 * none, a Function app reading its key from the query or a header only.
 */
export function secretDeletion(
  name: string,
  value: unknown,
  host: string | undefined,
  direction: Direction = 'input',
): SecretDeletion | undefined {
  const secret = secretDefault(name, value, host);
  return secret === undefined ? undefined : secretTold(secret, direction);
}

/**
 * The same of a parameter named `name`, whose default is its own or, for a body, its schema's
 * written in place (parameterSecretDefault): as GEN-SECRETS reads it.
 */
export function secretParameterDeletion(
  name: string,
  parameter: JsonObject,
  host: string | undefined,
): SecretDeletion | undefined {
  const secret = parameterSecretDefault(name, parameter, host);
  return secret === undefined ? undefined : secretTold(secret.value, 'input');
}

function secretTold(secret: string, direction: Direction): SecretDeletion {
  return {
    rule: direction === 'output' ? CASE_RULES.secretOutputDeleted : CASE_RULES.secretInputDeleted,
    detail: `Its default looked like a real secret (${maskSecret(secret)}).`,
  };
}
