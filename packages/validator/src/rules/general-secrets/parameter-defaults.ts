import { childPointer } from '../../json/pointer.js';
import { asString } from '../../swagger/json-values.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { writtenParameters } from '../operations/parameter-index.js';
import { parameterSecretDefault } from './secret-default.js';

export interface SecretDefault {
  /** Where the default is written. */
  readonly pointer: string;
  readonly name: string;
  readonly in: string | undefined;
  readonly value: string;
}

/**
 * The defaults of parameters that carry a credential and look like real secrets (secret-default.ts),
 * a body's that of its schema written in place, each parameter object once. Names are tested first:
 * only a few of the corpus's ~14,000 parameters get their default read.
 */
export function secretParameterDefaults(model: SwaggerModel): SecretDefault[] {
  const found: SecretDefault[] = [];
  const host = asString(model.root.host);
  for (const parameter of writtenParameters(model)) {
    const name = parameter.name;
    if (name === undefined) continue;
    const secret = parameterSecretDefault(name, parameter.value, host);
    if (secret === undefined) continue;
    found.push({
      pointer: childPointer(parameter.pointer, ...secret.at),
      name,
      in: parameter.in,
      value: secret.value,
    });
  }
  return found;
}
