import { secretParameterDefaults } from '../rules/general-secrets/parameter-defaults.js';
import { secretPropertyDefaults } from '../rules/general-secrets/property-defaults.js';
import type { SwaggerModel } from '../swagger/swagger-model.js';

/**
 * The values GEN-SECRETS reports as secrets by where they are written, in either version: the
 * defaults of credential-named parameters and schema properties (an internal `api_key`'s default, a
 * Function app's `code`). Their text alone says nothing of a secret, so the masking every message
 * gets (masked-secrets.ts) misses them; a diff that told "default (from 'Zq8v…' to 'Rr4t…')" printed
 * both keys that `validate` masked. Found with GEN-SECRETS' own code, so that the two agree; read
 * once, on the first value asked of, since few diffs show a default at all.
 */
export class SecretDefaultValues {
  private values: ReadonlySet<string> | undefined;

  constructor(private readonly models: readonly SwaggerModel[]) {}

  /**
   * Whether `value` is the default GEN-SECRETS reports as a secret in one of the versions. Bound, so
   * that it can be handed on as a predicate.
   */
  readonly has = (value: string): boolean => {
    this.values ??= new Set(
      this.models.flatMap((model) =>
        [...secretParameterDefaults(model), ...secretPropertyDefaults(model)].map((found) => found.value),
      ),
    );
    return this.values.has(value);
  };
}
