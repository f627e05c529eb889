import path from 'node:path';
import { unzipSync } from 'fflate';
import { UserError } from '@connector-alm/core';
import {
  carriesValue,
  compareOrdinal,
  connectionReferenceNames,
  DEFINITION_FILE,
  ENVIRONMENT_VARIABLES_FOLDER,
  environmentVariableDefinition,
  EXPORTED_XML_HINT,
  IN_MEMORY_ENTRY_BYTES,
  VALUES_FILE,
  type SolutionEnvironmentVariable,
} from '@connector-alm/solution';

/** What a deployment settings file can give a value: the solution's variables and connection references. */
export interface SolutionParameters {
  /** Each environment variable the zip defines, and whether it carries a value (default or current). */
  variables: Array<{ schemaName: string; hasValue: boolean }>;
  /**
   * The logical names of the connection references of customizations.xml; undefined when they were
   * not asked for, or customizations.xml is too large to hold in memory.
   */
  connectionReferences: string[] | undefined;
}

/**
 * Reads the environment variable definitions of a solution zip (`environmentvariabledefinitions/
 * <schema>/…`), and, when asked, the connection references of its customizations.xml; every other
 * entry stays compressed. Errors are located at `zip/<entry>`.
 */
export function readSolutionParameters(
  bytes: Uint8Array,
  zip: string,
  options: { connectionReferences: boolean },
): SolutionParameters {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (entry) => {
        const wanted =
          variablePart(entry.name) !== undefined ||
          (entry.name === 'customizations.xml' && options.connectionReferences);
        // Larger is left unread, as the solution code never holds such an entry in memory.
        return wanted && entry.originalSize < IN_MEMORY_ENTRY_BYTES;
      },
    });
  } catch (error) {
    // readSolutionManifest read this zip already; a damaged entry among these is still the zip's fault.
    throw new UserError(
      `is not a readable zip file: ${error instanceof Error ? error.message : String(error)}.`,
      { location: { file: zip }, hint: EXPORTED_XML_HINT, cause: error },
    );
  }
  const variables = new Map<string, SolutionEnvironmentVariable>();
  for (const [name, content] of Object.entries(entries).sort(([a], [b]) => compareOrdinal(a, b))) {
    const schemaName = variablePart(name);
    if (schemaName === undefined) continue;
    const variable = variables.get(schemaName) ?? { schemaName, parts: [], hint: EXPORTED_XML_HINT };
    variables.set(schemaName, variable);
    variable.parts.push({ path: name, bytes: Buffer.from(content), file: path.join(zip, name) });
  }
  const customizations = entries['customizations.xml'];
  return {
    variables: [...variables.values()]
      // A folder without a definition file is no variable.
      .filter((variable) => variable.parts.some((part) => isDefinition(part.path)))
      .map((variable) => ({
        schemaName: environmentVariableDefinition(variable).schemaName,
        hasValue: carriesValue(variable),
      })),
    connectionReferences:
      customizations === undefined
        ? undefined
        : connectionReferenceNames(customizations, path.join(zip, 'customizations.xml'), EXPORTED_XML_HINT),
  };
}

/** The schema name of `environmentvariabledefinitions/<schema>/<definition or values file>`, else undefined. */
function variablePart(name: string): string | undefined {
  if (!name.toLowerCase().startsWith(ENVIRONMENT_VARIABLES_FOLDER)) return undefined;
  const [schemaName, file, ...deeper] = name.slice(ENVIRONMENT_VARIABLES_FOLDER.length).split('/');
  if (!schemaName || deeper.length > 0) return undefined;
  return [DEFINITION_FILE, VALUES_FILE].includes(file?.toLowerCase() ?? '') ? schemaName : undefined;
}

function isDefinition(name: string): boolean {
  return name.toLowerCase().endsWith(`/${DEFINITION_FILE}`);
}
