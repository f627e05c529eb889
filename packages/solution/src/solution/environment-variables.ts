import { promises as fs } from 'node:fs';
import path from 'node:path';
import { compareOrdinal } from '../fs/list-files.js';
import { decodeUtf8Strict } from '../text/decode.js';
import { withRecordedEnding } from '../text/line-endings.js';
import { EXPORTED_XML_HINT, parseXml, UNPACKED_XML_HINT } from '../xml/parse-xml.js';
import { serializeXml } from '../xml/serialize-xml.js';
import { EXPORT_STYLE } from '../xml/xml-writer.js';
import { attribute, element, firstChild, textOf, type XmlElement } from '../xml/xml-tree.js';
import type { LineEndings } from './line-endings-file.js';

/**
 * Where a solution keeps its environment variables, in the zip and unpacked alike: one folder each,
 * named after its schema name, holding `environmentvariabledefinition.xml` (its type, display name
 * and default value) and, when the solution carries a current value, `environmentvariablevalues.json`.
 */
export const ENVIRONMENT_VARIABLES_FOLDER = 'environmentvariabledefinitions/';
export const DEFINITION_FILE = 'environmentvariabledefinition.xml';
export const VALUES_FILE = 'environmentvariablevalues.json';
const KNOWN_FILES = [DEFINITION_FILE, VALUES_FILE];

/**
 * The type Dataverse gives a Secret variable: its value is a reference to an Azure Key Vault secret
 * ("Use environment variables for Azure Key Vault secrets"), and what it opens is for the environment
 * that holds the vault's permissions to say, never for a file that travels.
 */
export const SECRET_TYPE = '100000005';

/** The solution component type of an environment variable definition, in `<RootComponents>`. */
export const ENVIRONMENT_VARIABLE_COMPONENT = '380';

/** An environment variable of a solution, as its parts, read before the solution's folder goes. */
export interface SolutionEnvironmentVariable {
  /** Its folder's name: the schema name, as Dataverse and SolutionPackager name the folder. */
  schemaName: string;
  /**
   * Its files by path in the solution (`environmentvariabledefinitions/<schema>/…`), with the bytes
   * the solution zip has, and where they were read, for errors.
   */
  parts: Array<{ path: string; bytes: Buffer; file: string }>;
  /** What to do about a definition that is not XML: export again, or fix the unpacked file. */
  hint: string;
}

/**
 * The environment variables among a solution's parts (path in the solution → file to read in
 * `folder`): each folder's definition and values files, the two an export writes there. `endings` is
 * the unpacked folder's record of CRLF files, whose bytes are given as pack writes them; 'as-is' for
 * a zip staged as it is. A folder without a definition file is no variable.
 */
export async function readEnvironmentVariables(
  folder: string,
  parts: ReadonlyMap<string, string>,
  endings: LineEndings | 'as-is',
  displayRoot: string,
): Promise<SolutionEnvironmentVariable[]> {
  const variables = new Map<string, SolutionEnvironmentVariable>();
  for (const [part, file] of [...parts].sort(([a], [b]) => compareOrdinal(a, b))) {
    if (!part.toLowerCase().startsWith(ENVIRONMENT_VARIABLES_FOLDER)) continue;
    const [schemaName, name, ...deeper] = part.slice(ENVIRONMENT_VARIABLES_FOLDER.length).split('/');
    if (!schemaName || deeper.length > 0 || !KNOWN_FILES.includes(name?.toLowerCase() ?? '')) continue;
    const bytes = await fs.readFile(path.join(folder, file));
    const hint = endings === 'as-is' ? EXPORTED_XML_HINT : UNPACKED_XML_HINT;
    const variable = variables.get(schemaName) ?? { schemaName, parts: [], hint };
    variables.set(schemaName, variable);
    variable.parts.push({
      path: part,
      bytes: endings === 'as-is' ? bytes : withRecordedEnding(bytes, endings.get(file)),
      file: path.join(displayRoot, file),
    });
  }
  return [...variables.values()].filter((variable) => definitionPart(variable) !== undefined);
}

function definitionPart(
  variable: SolutionEnvironmentVariable,
): SolutionEnvironmentVariable['parts'][number] | undefined {
  return variable.parts.find((part) => part.path.toLowerCase().endsWith(`/${DEFINITION_FILE}`));
}

/**
 * Refuses a staged export whose variable definition is not UTF-8 XML, located at the part in the zip
 * (`displayRoot`): unpack copies definitions as they are, and pack reads them, so a damaged one would
 * unpack without a word and be refused only at the next pack of the folder, far from its cause.
 */
export async function refuseUnreadableDefinitions(
  staging: string,
  stagedFiles: readonly string[],
  displayRoot: string,
): Promise<void> {
  const parts = new Map(stagedFiles.map((file) => [file, file]));
  for (const variable of await readEnvironmentVariables(staging, parts, 'as-is', displayRoot))
    parseDefinition(variable);
}

/** What a variable is, from its definition file. */
export interface EnvironmentVariableDefinition {
  /** As the definition names it (`schemaname`), else as its folder does. */
  schemaName: string;
  /** Dataverse's code: 100000000 text, 100000001 number, 100000002 yes/no, 100000003 JSON, … */
  type: string | undefined;
  secret: boolean;
}

function parseDefinition(variable: SolutionEnvironmentVariable): XmlElement {
  const part = definitionPart(variable)!;
  return parseXml(decodeUtf8Strict(part.bytes, part.file), part.file, variable.hint);
}

/** A definition that is not UTF-8 XML is an error located at its file. */
export function environmentVariableDefinition(
  variable: SolutionEnvironmentVariable,
): EnvironmentVariableDefinition {
  const root = parseDefinition(variable);
  const typeElement = firstChild(root, 'type');
  const type = typeElement === undefined ? undefined : textOf(typeElement).trim();
  return {
    schemaName: attribute(root, 'schemaname')?.trim() || variable.schemaName,
    type,
    secret: type === SECRET_TYPE,
  };
}

/**
 * Why the import of a built solution must give a variable a value: a secret's value (default or
 * current) was left out, or a current value was, with no default value to stand for it.
 */
export type ValueLeftOut = 'secret' | 'current value';

/**
 * The parts of a variable that a solution built from its connectors carries: its definition, with its
 * default value, which is what travels from one environment to another, and never its current value
 * (the values file). A current value is the value of the environment the solution was exported from:
 * Microsoft's environment variables FAQ ("How do I remove a value from an environment variable?") says
 * to remove it from a solution before exporting it, so the import gives the target environment its own
 * value (deployment settings), and the ALM Accelerator leaves it out of exports
 * (DoNotExportCurrentEnvironmentVariableValues). A secret's value, default or current, is the location
 * of a Key Vault secret in one tenant: its definition goes without its `<defaultvalue>` too.
 * `valueLeftOut` says when the import has a value to give that the build left out.
 */
export function carriedParts(variable: SolutionEnvironmentVariable): {
  parts: Array<{ path: string; bytes: Buffer }>;
  valueLeftOut: ValueLeftOut | undefined;
} {
  const definition = definitionPart(variable)!;
  const root = parseDefinition(variable);
  const defaults = defaultValues(root);
  const { hadDefault, hadCurrentValue } = valuesCarried(variable, root);
  if (!environmentVariableDefinition(variable).secret)
    return {
      parts: [{ path: definition.path, bytes: definition.bytes }],
      valueLeftOut: hadCurrentValue && !hadDefault ? 'current value' : undefined,
    };
  const bytes =
    defaults.length === 0
      ? definition.bytes
      : Buffer.from(
          serializeXml(
            element(
              root.name,
              root.attributes,
              root.children.filter((node) => !defaults.some((value) => value === node)),
            ),
            EXPORT_STYLE,
          ),
        );
  return {
    parts: [{ path: definition.path, bytes }],
    valueLeftOut: hadDefault || hadCurrentValue ? 'secret' : undefined,
  };
}

/**
 * Whether the solution gives the variable a value: a default value in its definition, or a current
 * value (its values file). Without either, the connector has none in an environment that was given
 * none at import (deployment settings) or by hand.
 */
export function carriesValue(variable: SolutionEnvironmentVariable): boolean {
  const { hadDefault, hadCurrentValue } = valuesCarried(variable, parseDefinition(variable));
  return hadDefault || hadCurrentValue;
}

function defaultValues(root: XmlElement): XmlElement[] {
  return root.children.filter(
    (node): node is XmlElement => node.kind === 'element' && node.name === 'defaultvalue',
  );
}

function valuesCarried(
  variable: SolutionEnvironmentVariable,
  root: XmlElement,
): { hadDefault: boolean; hadCurrentValue: boolean } {
  const definition = definitionPart(variable)!;
  return {
    hadDefault: defaultValues(root).some((node) => textOf(node).trim() !== ''),
    // A values file is written only for a current value.
    hadCurrentValue: variable.parts.some((part) => part !== definition),
  };
}
