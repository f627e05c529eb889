import { promises as fs } from 'node:fs';
import path from 'node:path';
import { temporarySibling, UserError, writingTo } from '@connector-alm/core';
import { commitFolder } from '../fs/commit-folder.js';
import { refuseNonFolder } from '../fs/folder-path.js';
import { refuseInside } from '../fs/path-inside.js';
import { checkJson, prettyJson, SOLUTION_JSON_HINT } from '../json/json-text.js';
import { decodeUtf8Strict } from '../text/decode.js';
import type { ZipLimits } from '../zip/limits.js';
import { mergeApiProperties, parseExistingApiProperties } from './api-properties.js';
import { readSolutionConnectors } from './read-solution-connectors.js';
import { readmeFromTemplate } from './readme-template.js';
import { isPng, REPOSITORY_FILES, repositoryFolderName } from './repository-layout.js';
import type { SolutionConnector } from './solution-connector.js';

export interface ExtractOptions {
  limits?: Partial<ZipLimits>;
  /**
   * The code page of zip entry names without the UTF-8 flag, e.g. shift_jis for a zip made on
   * Japanese Windows (see zip/name-encoding).
   */
  zipNameEncoding?: string;
}

export interface ExtractedConnector {
  name: string;
  displayName: string;
  /** The connector folder, relative to the destination root. */
  folder: string;
  written: string[];
  unchanged: string[];
  deleted: string[];
  warnings: string[];
}

interface PreparedConnector {
  connector: SolutionConnector;
  folder: string;
  files: Map<string, string | Buffer>;
  remove: string[];
  warnings: string[];
}

/**
 * Writes the custom connectors of a solution (zip or unpacked folder) into the PowerPlatformConnectors
 * layout, one folder per connector named after its display name. Every connector is converted and
 * checked before the first folder is touched. An existing folder keeps what the solution does not
 * carry: its readme, publisher, stackOwner, capabilities and any other file.
 */
export async function extractConnectors(
  source: string,
  destinationRoot: string,
  options: ExtractOptions = {},
): Promise<ExtractedConnector[]> {
  await refuseNonFolder(destinationRoot);
  const connectors = await readSolutionConnectors(source, {
    limits: options.limits,
    zipNameEncoding: options.zipNameEncoding,
  });
  // Checked once the source is known to be a solution: a zip has no inside, and a folder that is no
  // solution is refused as that.
  refuseInside(destinationRoot, source, {
    problem:
      'lies inside the unpacked solution to extract from: pack would put the connector folders into the solution.',
    hint: 'Give a folder outside it (e.g. beside it).',
    orEqual: true,
  });
  const folders = new Map<string, string>();
  const prepared: PreparedConnector[] = [];
  for (const connector of connectors) {
    const folder = repositoryFolderName(connector.displayName || connector.name);
    const clash = folders.get(folder.toLowerCase());
    if (clash)
      throw new UserError(
        `has connectors '${clash}' and '${connector.name}' that would both be extracted to '${folder}'.`,
        { location: { file: source }, hint: 'Give them different display names.' },
      );
    folders.set(folder.toLowerCase(), connector.name);
    prepared.push(await prepare(connector, path.join(destinationRoot, folder), folder));
  }
  const results: ExtractedConnector[] = [];
  for (const item of prepared) results.push(await write(item, path.join(destinationRoot, item.folder)));
  return results;
}

async function prepare(
  connector: SolutionConnector,
  destination: string,
  folder: string,
): Promise<PreparedConnector> {
  const files = new Map<string, string | Buffer>();
  const warnings: string[] = [];
  const remove: string[] = [];
  const definition = connector.files.openapidefinition;
  if (!definition)
    throw new UserError(
      `Connector '${connector.name}' has no API definition (openapidefinition) in the solution.`,
    );
  // Where the connector came from: its side file in an unpacked folder, else the name it has in the solution.
  const definitionFile = definition.file ?? `${connector.name}_openapidefinition${definition.extension}`;
  const swaggerText = decodeUtf8Strict(definition.bytes, definitionFile);
  files.set(REPOSITORY_FILES.swagger, prettyJson(swaggerText, definitionFile, SOLUTION_JSON_HINT));

  await refuseNonFolder(destination);
  const existingNames = await fs.readdir(destination).catch(() => [] as string[]);
  // In any case, as the validator finds them: on Windows and macOS ApiProperties.json is the file
  // that apiProperties.json is written over.
  const existing = (name: string): string | undefined =>
    existingNames.find((entry) => entry.toLowerCase() === name.toLowerCase());
  const apiPropertiesName = existing(REPOSITORY_FILES.apiProperties);
  const existingApiProperties = apiPropertiesName
    ? parseExistingApiProperties(
        await fs.readFile(path.join(destination, apiPropertiesName), 'utf8'),
        path.join(destination, apiPropertiesName),
      )
    : undefined;
  files.set(REPOSITORY_FILES.apiProperties, mergeApiProperties(connector, existingApiProperties));

  const icon = connector.files.iconblob;
  if (icon && isPng(icon.bytes)) files.set(REPOSITORY_FILES.icon, icon.bytes);
  else if (icon)
    warnings.push(
      `The icon of '${connector.name}' is not a PNG (${icon.extension}); icon.png was not written.`,
    );

  const script = connector.files.customcodeblobcontent;
  if (script) files.set(REPOSITORY_FILES.script, script.bytes);
  else if (existing(REPOSITORY_FILES.script)) remove.push(existing(REPOSITORY_FILES.script)!);

  if (!existing(REPOSITORY_FILES.readme)) {
    files.set(
      REPOSITORY_FILES.readme,
      readmeFromTemplate(
        checkJson(swaggerText, REPOSITORY_FILES.swagger, SOLUTION_JSON_HINT),
        connector.displayName,
      ),
    );
  }
  return { connector, folder, files, remove, warnings };
}

function write(item: PreparedConnector, destination: string): Promise<ExtractedConnector> {
  return writingTo(destination, () => writeStaged(item, destination));
}

async function writeStaged(item: PreparedConnector, destination: string): Promise<ExtractedConnector> {
  const staging = temporarySibling(destination);
  await fs.mkdir(staging, { recursive: true });
  try {
    for (const [name, content] of item.files) await fs.writeFile(path.join(staging, name), content);
    const committed = await commitFolder(staging, destination, { stale: 'keep' });
    for (const name of item.remove) await fs.rm(path.join(destination, name), { force: true });
    return {
      name: item.connector.name,
      displayName: item.connector.displayName,
      folder: item.folder,
      written: committed.written,
      unchanged: committed.unchanged,
      deleted: item.remove,
      warnings: item.warnings,
    };
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}
