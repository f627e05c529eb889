import { childPointer } from '../../json/pointer.js';
import { asString, isObject } from '../../swagger/json-values.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { writtenParameters, type WrittenParameter } from '../operations/parameter-index.js';
import { isCredentialName, parameterSecretDefault, secretDefault } from './secret-default.js';

export interface SecretDefault {
  /** Where the default is written. */
  readonly pointer: string;
  readonly name: string;
  readonly in: string | undefined;
  readonly value: string;
}

/**
 * The defaults of parameters that carry a credential and look like real secrets (secret-default.ts),
 * a body's that of its schema, written in place or reached through `$ref`, each parameter object
 * once. Names are tested first: only a few of the corpus's ~14,000 parameters get their default read.
 */
export function secretParameterDefaults(model: SwaggerModel): SecretDefault[] {
  const found: SecretDefault[] = [];
  const host = asString(model.root.host);
  for (const parameter of writtenParameters(model)) {
    const name = parameter.name;
    // Each default below is a secret under a credential's name only (with no host, under fewer): the
    // name is tested once, before any key of the parameter is read. Reading its `default`, `in` and
    // `schema` first, each a lookup on objects of hundreds of shapes, and testing the name for each,
    // made this 2.2 ms a corpus run instead of 1.0 (~13,000 parameters, a few of them so named).
    if (name === undefined || !isCredentialName(name, host)) continue;
    const secret = parameterSecretDefault(name, parameter.value, host);
    const at =
      secret === undefined
        ? referencedBodyDefault(model, parameter, name)
        : { value: secret.value, pointer: childPointer(parameter.pointer, ...secret.at) };
    if (at === undefined) continue;
    found.push({ pointer: at.pointer, name, in: parameter.in, value: at.value });
  }
  return found;
}

/**
 * The secret default of a body whose schema is a `$ref` (`{"in": "body", "name": "api_key", "schema":
 * {"$ref": "#/definitions/Key"}}`, Key `{"type": "string", "default": …}`): the whole body, sent by
 * every user as surely as one written in place, and reported at the definition's default. A chain of
 * references is followed to its end; a broken or circular one has no default (refTarget).
 */
function referencedBodyDefault(
  model: SwaggerModel,
  parameter: WrittenParameter,
  name: string,
): { value: string; pointer: string } | undefined {
  const schema = parameter.value.schema;
  if (parameter.in !== 'body' || !isObject(schema) || schema.$ref === undefined) return undefined;
  const target = model.refTarget(schema);
  if (target === undefined || !isObject(target.value)) return undefined;
  // No host: a Function app reads its key (`code`) from the query or a header, never a body.
  const value = secretDefault(name, target.value.default, undefined);
  return value === undefined ? undefined : { value, pointer: childPointer(target.pointer, 'default') };
}
