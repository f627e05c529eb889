import { childPointer } from '../../json/pointer.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { writtenParameters } from '../operations/parameter-index.js';
import { SECRET_FORMATS, SECRET_NAMES } from './patterns.js';
import { isPlaceholderSecret } from './placeholders.js';

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
/** The scheme word before the credential in an Authorization value. */
const AUTH_SCHEME = /^(?:basic|bearer|token)\s+/i;
/** Non-global copies: the text scan reports these formats wherever they are, defaults included. */
const KNOWN_FORMATS = SECRET_FORMATS.map((format) => new RegExp(format.pattern.source));

export interface SecretDefault {
  /** Where the default is written. */
  readonly pointer: string;
  readonly name: string;
  readonly in: string | undefined;
  readonly value: string;
}

/**
 * The defaults of secret-named parameters that look like real secrets, each parameter object once.
 * Names are tested first: only a few of the corpus's ~14,000 parameters get their default read.
 */
export function secretParameterDefaults(model: SwaggerModel): SecretDefault[] {
  const found: SecretDefault[] = [];
  for (const parameter of writtenParameters(model)) {
    if (parameter.name === undefined || !SECRET_PARAMETER.test(parameter.name)) continue;
    const value = parameter.value.default;
    if (typeof value !== 'string') continue;
    if (isPlaceholderSecret(value.replace(AUTH_SCHEME, ''))) continue;
    if (KNOWN_FORMATS.some((format) => format.test(value))) continue;
    found.push({
      pointer: childPointer(parameter.pointer, 'default'),
      name: parameter.name,
      in: parameter.in,
      value,
    });
  }
  return found;
}
