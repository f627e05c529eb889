import { isObject, type JsonObject } from '../../swagger/json-values.js';
import { SECRET_FORMATS, SECRET_NAMES } from './patterns.js';
import { isPlaceholderSecret } from './placeholders.js';
import { FUNCTION_KEY_PARAMETER, isFunctionAppHost } from './function-key.js';

/**
 * Names of parameters that carry a credential (api_key, X-Api-Key, Ocp-Apim-Subscription-Key,
 * access_token, Authorization, password). A maker who hard-codes a key as such a parameter's default
 * (usually internal, so users never see it) ships the key to every user; the text scan misses it,
 * since the key is named by the parameter's `name`, not by the JSON key `default` before the value.
 * A name of SECRET_NAMES anywhere in the parameter's name counts, its words joined by `-`, `_`, a
 * space or nothing (headers are written X-Api-Key); and, unlike the whole keys of the text scan, so
 * do a subscription key (Ocp-Apim-Subscription-Key), any name with `secret` in it, and the names
 * Authorization and token themselves.
 */
const SECRET_PARAMETER = new RegExp(
  [
    ...SECRET_NAMES.map((words) => words.join('[-_ ]?')),
    'subscription[-_ ]?key',
    'secret',
    '^authorization$',
    '^token$',
  ].join('|'),
  'i',
);
/**
 * An Azure Function's key as a header (`x-functions-key`); as a query parameter it is named `code`,
 * which counts on a Function app's host only (function-key.ts).
 */
const FUNCTION_KEY_HEADER = /^x-functions-key$/i;
/** The scheme word before the credential in an Authorization value. */
const AUTH_SCHEME = /^(?:basic|bearer|token)\s+/i;
/** Non-global copies: the text scan reports these formats wherever they are, defaults included. */
const KNOWN_FORMATS = SECRET_FORMATS.map((format) => new RegExp(format.pattern.source));

/**
 * The default of a parameter or schema property named `name` when it is a secret GEN-SECRETS reports
 * as its default: a secret-named input whose default looks real, or an Azure Function's key (`code`
 * on a Function app's `host`, the swagger's; a property is given no host, a Function app reading its
 * key from the query or a header only). Undefined for any other. The name is tested first: few
 * inputs get their default read. The breaking-change check asks it too, of a deleted parameter or
 * body field (diff/secret-deletion.ts), whose removal it then does not advise against.
 */
export function secretDefault(name: string, value: unknown, host: string | undefined): string | undefined {
  if (!isCredentialName(name, host)) return undefined;
  return secretLookingDefault(value);
}

/**
 * The secret a parameter named `name` is sent with by default, as secretDefault tells it, and where
 * the default is written (keys below the parameter object): its own `default`, or a body's schema's
 * written in place, which is the whole body (`{"in": "body", "name": "api_key", "schema": {"type":
 * "string", "default": …}}`), named by the parameter. The schema gets no host: a Function app reads
 * its key (`code`) from the query or a header, never a body. A schema's properties are
 * property-defaults.ts's.
 */
export function parameterSecretDefault(
  name: string,
  parameter: JsonObject,
  host: string | undefined,
): { readonly value: string; readonly at: readonly string[] } | undefined {
  const own = secretDefault(name, parameter.default, host);
  if (own !== undefined) return { value: own, at: ['default'] };
  if (parameter.in !== 'body' || !isObject(parameter.schema)) return undefined;
  const body = secretDefault(name, parameter.schema.default, undefined);
  return body === undefined ? undefined : { value: body, at: ['schema', 'default'] };
}

/**
 * A default that is a secret when its field carries a credential: a string that is no placeholder
 * and no token format (those the text scan reports, wherever they are written). Asked of a
 * definition's default before the names of the fields that use it are known (property-defaults.ts).
 */
export function secretLookingDefault(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (isPlaceholderSecret(value.replace(AUTH_SCHEME, ''))) return undefined;
  // A token format is the text scan's, wherever it is written.
  if (KNOWN_FORMATS.some((format) => format.test(value))) return undefined;
  return value;
}

/**
 * Whether an input named `name` carries a credential, as secretDefault asks first: with no `host`
 * (a body's or a property's), the names of a subset.
 */
export function isCredentialName(name: string, host: string | undefined): boolean {
  if (SECRET_PARAMETER.test(name) || FUNCTION_KEY_HEADER.test(name)) return true;
  return name.toLowerCase() === FUNCTION_KEY_PARAMETER && host !== undefined && isFunctionAppHost(host);
}
