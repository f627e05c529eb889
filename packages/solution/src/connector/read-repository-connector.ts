import { promises as fs } from 'node:fs';
import path from 'node:path';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import {
  isConnectorYamlSwagger,
  isFile,
  isTopFolderChild,
  isYamlSwagger,
  misnamedFileError,
  missingPathError,
  namesMeantAs,
  UsageError,
  UserError,
  yamlSwaggerConversion,
} from '@connector-alm/core';
import { checkJson, minifyJson, REPOSITORY_JSON_HINT } from '../json/json-text.js';
import { decodeUtf8Strict } from '../text/decode.js';
import { connectorIdFor, connectorNameFor } from './connector-identity.js';
import { REPOSITORY_FILES } from './repository-layout.js';
import { scriptOperationsPath } from './built-script-operations.js';
import type { SolutionConnector } from './solution-connector.js';

const CONNECTOR_FOLDER_HINT =
  'Give a connector folder: the one that holds apiDefinition.swagger.json and apiProperties.json.';

/**
 * What to give instead of a folder without a swagger: the connector folders in it, when it holds
 * some (the folder extract-connectors wrote into, given for the connector folder in it). They are
 * named from the folder, which the error is located at, as the unpacked solution inside a folder is.
 */
async function connectorFoldersHint(folder: string, names: readonly string[]): Promise<string> {
  const connectors: string[] = [];
  for (const name of [...names].sort()) {
    const inner = await fs.readdir(path.join(folder, name)).catch(() => [] as string[]);
    if (inner.some((entry) => entry.toLowerCase() === REPOSITORY_FILES.swagger.toLowerCase()))
      connectors.push(name);
  }
  if (connectors.length === 0) return CONNECTOR_FOLDER_HINT;
  if (connectors.length === 1) return `It holds the connector folder ${connectors[0]}: give that folder.`;
  const shown = connectors.length > 3 ? `${connectors.slice(0, 3).join(', ')}, …` : connectors.join(', ');
  return `It holds ${connectors.length} connector folders (${shown}): give those to build into the solution.`;
}

/** The files of a folder plainly meant to be `canonical`, which it lacks (namesMeantAs). */
function misnamedCopies(folder: string, names: readonly string[], canonical: string): string[] {
  return namesMeantAs(canonical, names).filter((name) => isFile(path.join(folder, name)));
}

/**
 * The folder's swagger written in YAML, where it lacks the JSON one: apiDefinition.swagger.yaml, or
 * one named as a swagger (openapi.yaml) beside apiProperties.json, as validate finds them.
 */
function yamlSwaggerOf(folder: string, names: readonly string[]): string | undefined {
  const hasProperties = names.some(
    (name) => name.toLowerCase() === REPOSITORY_FILES.apiProperties.toLowerCase(),
  );
  return names.find(
    (name) =>
      (isConnectorYamlSwagger(name) || (hasProperties && isYamlSwagger(name))) &&
      isFile(path.join(folder, name)),
  );
}

/**
 * A PowerPlatformConnectors folder as the solution connector it becomes. Values are taken as text
 * from apiProperties.json (not re-serialised), so key order and number literals reach the solution
 * exactly as written.
 */
export async function readRepositoryConnector(folder: string, prefix: string): Promise<SolutionConnector> {
  const names = await fs.readdir(folder).catch(async (error: unknown) => {
    // A path that is missing or not a folder is a usage error (exit code 2), as everywhere else.
    // readdir says ENOTDIR both of a file and of a path below one; only the file exists, and below
    // a file, the error is located at that file.
    const exists = await fs.stat(folder).then(
      () => true,
      () => false,
    );
    const hint = CONNECTOR_FOLDER_HINT;
    if (!exists) throw missingPathError(folder, hint, { cause: error });
    throw new UsageError('is not a folder.', { location: { file: folder }, hint, cause: error });
  });
  const find = (name: string): string | undefined =>
    names.find((entry) => entry.toLowerCase() === name.toLowerCase());
  const read = async (name: string, required: boolean): Promise<Buffer | undefined> => {
    const actual = find(name);
    if (!actual) {
      const misnamed = required ? misnamedCopies(folder, names, name) : [];
      if (misnamed.length > 0) throw misnamedFileError(folder, name, misnamed);
      // A folder with apiProperties.json, or right in certified-connectors/ and the other top
      // folders, is a connector folder that lacks its swagger: a part missing (exit code 1), as
      // validate and pr say of it. Any other folder without a swagger holds no connector at all: the
      // path is the mistake, a usage error (exit code 2). A connector folder that lacks its
      // apiProperties.json is a connector with a part missing too, and said to be one.
      // Its swagger written in YAML makes it a connector folder too, as for validate.
      const yaml = name === REPOSITORY_FILES.swagger ? yamlSwaggerOf(folder, names) : undefined;
      if (
        required &&
        name === REPOSITORY_FILES.swagger &&
        (find(REPOSITORY_FILES.apiProperties) || isTopFolderChild(folder) || yaml)
      )
        throw new UserError(
          yaml
            ? `has no ${name}, which a connector folder needs: its swagger, ${yaml}, is written in YAML, which build-solution does not read.`
            : `has no ${name}, which a connector folder needs.`,
          {
            location: { file: folder },
            hint: yaml
              ? yamlSwaggerConversion(yaml)
              : "Add the connector's OpenAPI definition under that name, or extract the connector again (extract-connectors writes it).",
          },
        );
      if (required && name === REPOSITORY_FILES.swagger)
        throw new UsageError(`has no ${name}; it is not a connector folder.`, {
          location: { file: folder },
          hint: await connectorFoldersHint(folder, names),
        });
      if (required)
        throw new UserError(
          `has no ${name}, which a connector folder needs beside ${REPOSITORY_FILES.swagger}.`,
          {
            location: { file: folder },
            hint: 'Extract the connector again (extract-connectors writes it), or write one: its properties hold the connection parameters and policies of the connector.',
          },
        );
      return undefined;
    }
    return fs.readFile(path.join(folder, actual));
  };

  const swaggerFile = path.join(folder, REPOSITORY_FILES.swagger);
  const swaggerText = decodeUtf8Strict((await read(REPOSITORY_FILES.swagger, true))!, swaggerFile);
  const swagger = checkJson(swaggerText, swaggerFile, REPOSITORY_JSON_HINT) as {
    info?: { title?: unknown; description?: unknown };
  } | null;
  const title = swagger?.info?.title;
  if (typeof title !== 'string' || title.trim() === '') {
    throw new UserError('has no info.title; the connector needs a display name.', {
      location: { file: swaggerFile },
    });
  }
  const propertiesFile = path.join(folder, REPOSITORY_FILES.apiProperties);
  const propertiesText = decodeUtf8Strict(
    (await read(REPOSITORY_FILES.apiProperties, true))!,
    propertiesFile,
  );
  const properties = checkJson(propertiesText, propertiesFile, REPOSITORY_JSON_HINT);
  const tree = parseTree(propertiesText)!;
  const rawAt = (keys: readonly string[]): string | undefined => {
    const node = findNodeAtLocation(tree, [...keys]);
    return node
      ? minifyJson(
          propertiesText.slice(node.offset, node.offset + node.length),
          propertiesFile,
          REPOSITORY_JSON_HINT,
        )
      : undefined;
  };
  const raw = (key: string): string | undefined => rawAt(['properties', key]);
  const brand = findNodeAtLocation(tree, ['properties', 'iconBrandColor'])?.value as unknown;

  const name = connectorNameFor(prefix, title.trim());
  const connector: SolutionConnector = {
    name,
    connectorId: connectorIdFor(name),
    displayName: title.trim(),
    description: typeof swagger?.info?.description === 'string' ? swagger.info.description : '',
    iconBrandColor: typeof brand === 'string' ? brand : '',
    connectorType: '1',
    files: {
      openapidefinition: {
        extension: '.json',
        bytes: Buffer.from(minifyJson(swaggerText, swaggerFile, REPOSITORY_JSON_HINT)),
      },
      policytemplateinstances: {
        extension: '.json',
        bytes: Buffer.from(raw('policyTemplateInstances') ?? 'null'),
      },
    },
  };
  // Without connection parameters the element and file are left out, as in exports of such connectors.
  const parameters = raw('connectionParameters');
  if (parameters !== undefined)
    connector.files.connectionparameters = { extension: '.json', bytes: Buffer.from(parameters) };
  const sets = raw('connectionParameterSets');
  if (sets !== undefined)
    connector.files.connectionparametersets = { extension: '.json', bytes: Buffer.from(sets) };
  // Either form of the list (scriptOperations, script.operationIds) is the solution's scriptoperations:
  // without it, the script would run for every operation in the environment.
  const scriptOperationsAt = scriptOperationsPath(properties, propertiesText, propertiesFile);
  const scriptOperations = scriptOperationsAt && rawAt(scriptOperationsAt);
  if (scriptOperations !== undefined) connector.scriptOperations = scriptOperations;
  const script = await read(REPOSITORY_FILES.script, false);
  if (script) connector.files.customcodeblobcontent = { extension: '.csx', bytes: script };
  const icon = await read(REPOSITORY_FILES.icon, false);
  if (icon) connector.files.iconblob = { extension: '.Png', bytes: icon };
  return connector;
}
