import {
  carriedParts,
  environmentVariableDefinition,
  type SolutionEnvironmentVariable,
} from '../solution/environment-variables.js';
import { environmentVariablesOf, sameSchemaName } from './environment-variable-references.js';
import type { SolutionConnector } from './solution-connector.js';

/** An environment variable a built connector refers to, and whether the built solution defines it. */
export interface ConnectorEnvironmentVariable {
  /** As the solution's definition names it; as the connector writes it when there is none. */
  schemaName: string;
  /** True when its definition was carried from the existing solution (`--existing`). */
  carried: boolean;
}

export interface CarriedEnvironmentVariables {
  /** The parts to write into the built solution, by path in it. */
  parts: Array<{ path: string; bytes: Buffer }>;
  /** The schema names of the variables carried, for `<RootComponents>`, in the order met. */
  schemaNames: string[];
  /** Per connector, in the order given: the variables it refers to, and what to tell of them. */
  connectors: Array<{ variables: ConnectorEnvironmentVariable[]; warnings: string[] }>;
}

/**
 * The environment variables that the connectors of a built solution refer to, carried from the
 * solution they came from (`existing`) where it defines them: each definition with its default value,
 * but no current value, which is the source environment's (see carriedParts). Why: a connector whose host is `@environmentVariables("cat_HitlHostUrl")`,
 * imported without the variable's definition into an environment that lacks it, points at a
 * variable that does not exist; and the import said nothing of it. A variable no solution at hand
 * defines gets a warning on each connector that refers to it, saying how to ship it.
 */
export function carryEnvironmentVariables(
  connectors: readonly SolutionConnector[],
  existing: { variables: readonly SolutionEnvironmentVariable[]; source: string } | undefined,
): CarriedEnvironmentVariables {
  const carried = new Map<SolutionEnvironmentVariable, { schemaName: string }>();
  const result: CarriedEnvironmentVariables = { parts: [], schemaNames: [], connectors: [] };
  for (const connector of connectors) {
    const variables: ConnectorEnvironmentVariable[] = [];
    const warnings: string[] = [];
    const missing: string[] = [];
    for (const name of environmentVariablesOf(connector)) {
      const variable = existing?.variables.find((candidate) => sameSchemaName(candidate.schemaName, name));
      if (variable === undefined) {
        missing.push(name);
        variables.push({ schemaName: name, carried: false });
        continue;
      }
      let known = carried.get(variable);
      if (known === undefined) {
        const { schemaName } = environmentVariableDefinition(variable);
        const { parts, valueLeftOut } = carriedParts(variable);
        known = { schemaName };
        carried.set(variable, known);
        result.parts.push(...parts);
        result.schemaNames.push(schemaName);
        // Said once, on the first connector that refers to it: the value is the solution's, not theirs.
        if (valueLeftOut === 'secret') warnings.push(secretValueWarning(schemaName, existing!.source));
        if (valueLeftOut === 'current value')
          warnings.push(currentValueWarning(schemaName, existing!.source));
      }
      variables.push({ schemaName: known.schemaName, carried: true });
    }
    if (missing.length > 0) warnings.unshift(missingWarning(missing, existing?.source));
    result.connectors.push({ variables, warnings });
  }
  return result;
}

function missingWarning(names: readonly string[], existing: string | undefined): string {
  const one = names.length === 1;
  const which = one
    ? `the environment variable ${names[0]}`
    : `the environment variables ${names.join(', ')}`;
  const it = one ? 'it' : 'them';
  const variable = one ? 'the variable' : 'the variables';
  const where =
    existing === undefined
      ? 'the built solution does not define'
      : `neither the built solution nor ${existing} ${one ? 'defines' : 'define'}`;
  const how =
    existing === undefined
      ? `Give --existing the solution the connector came from, if it holds ${variable} (the definition is carried into the build); else add ${variable} to that solution in the maker portal (Add existing > More > Environment variable) and export it again`
      : `Add ${variable} to that solution in the maker portal (Add existing > More > Environment variable), export it again and give that export to --existing`;
  return (
    `The connector refers to ${which}, which ${where}: imported into an environment that lacks ${it}, ` +
    `the connector points at a variable that does not exist. ${how}, or import a solution that holds ${it} first.`
  );
}

function secretValueWarning(schemaName: string, existing: string): string {
  return (
    `The environment variable ${schemaName} is a secret: the built solution carries its definition but not the value ` +
    `${existing} gives it (the location of an Azure Key Vault secret, which is the environment's to give). Give the ` +
    'value when importing: import --settings, under EnvironmentVariables.'
  );
}

function currentValueWarning(schemaName: string, existing: string): string {
  return (
    `The environment variable ${schemaName} has a current value in ${existing} and no default value: the built ` +
    "solution carries its definition but not that value, which is the source environment's (an environment " +
    'gets its own at import), so an environment without a value of its own leaves the connector without one. ' +
    'Give the value when importing: import --settings, under EnvironmentVariables; or give the variable a ' +
    'default value in the maker portal and export the solution again.'
  );
}
