import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  forgetTemporary,
  isUserError,
  removeTemporary,
  temporarySibling,
  toDisplayPath,
  UserError,
  userErrorsTogether,
  writingTo,
} from '@connector-alm/core';
import { refuseFolder, refusePathThroughFile } from '../fs/folder-path.js';
import { prettyJson, REPOSITORY_JSON_HINT } from '../json/json-text.js';
import { serializeXml } from '../xml/serialize-xml.js';
import { UNPACKED_STYLE } from '../xml/xml-writer.js';
import { element, type XmlElement, type XmlNode } from '../xml/xml-tree.js';
import { CONNECTOR_CHILD_ORDER, FILE_COLUMNS } from '../solution/connector-element.js';
import { builtScriptBytes } from './built-script.js';
import { FOLDER_CONNECTOR_FOLDER, FOLDER_CUSTOMIZATIONS, FOLDER_SOLUTION } from '../solution/layout.js';
import { FOLDER_LINE_ENDINGS, lineEndingsXml } from '../solution/line-endings-file.js';
import { packSolution } from '../solution/pack.js';
import {
  checkCustomizationPrefix,
  checkPublisherUniqueName,
  checkSolutionUniqueName,
  checkSolutionVersion,
  optionValuePrefixFrom,
} from '../solution/solution-settings.js';
import { MAX_NAME_BYTES } from '../zip/entry-name.js';
import { ZIP_PATH_HINT } from '../zip/zip-writer.js';
import {
  displayNameKeeping,
  existingIdentityOf,
  identityOf,
  type ConnectorIdentity,
} from './existing-identity.js';
import { definitionSizeWarning } from './definition-size.js';
import {
  carryEnvironmentVariables,
  type CarriedEnvironmentVariables,
  type ConnectorEnvironmentVariable,
} from './carried-environment-variables.js';
import {
  ENVIRONMENT_VARIABLE_COMPONENT,
  type SolutionEnvironmentVariable,
} from '../solution/environment-variables.js';
import { readRepositoryConnector } from './read-repository-connector.js';
import { REPOSITORY_FILES } from './repository-layout.js';
import type { SolutionConnector } from './solution-connector.js';

export interface PublisherInfo {
  uniqueName: string;
  /** Customization prefix, e.g. `contoso`; it starts every connector name. */
  prefix: string;
  displayName?: string;
  /** Option value prefix, 10000 to 99999. */
  optionValuePrefix?: number;
}

/** A setting Dataverse would refuse is a SolutionSettingError naming it, before anything is read or written. */
export interface BuildSolutionOptions {
  uniqueName: string;
  displayName?: string;
  version: string;
  publisher: PublisherInfo;
  /**
   * The connectors of the solution the folders were extracted from (see `readSolutionConnectors`):
   * a folder that matches one keeps its Dataverse name and id, so that importing the built solution
   * updates that connector instead of adding a second one.
   */
  existing?: {
    connectors: readonly ConnectorIdentity[];
    source: string;
    /**
     * Its environment variables (see `readSolution`): those the connectors refer to are carried into
     * the built solution, so that it defines what its connectors need.
     */
    environmentVariables?: readonly SolutionEnvironmentVariable[];
  };
  /**
   * What paths in messages are relative to, as validate names its files: the working directory of
   * the command (the process's by default). The folders themselves may be given absolute.
   */
  cwd?: string;
}

export interface BuiltConnector {
  folder: string;
  name: string;
  displayName: string;
  connectorId: string;
  /** True when the name and id were kept from `options.existing`; false when new ones were derived. */
  keptIdentity: boolean;
  /**
   * What may stop the import though the solution was built, e.g. a definition too long for it, or
   * what the connector needs from the environment that the solution does not carry.
   */
  warnings: string[];
  /** The environment variables it refers to (`@environmentVariables("…")`); absent when none. */
  environmentVariables?: ConnectorEnvironmentVariable[];
}

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/**
 * A connector-only unmanaged solution from PowerPlatformConnectors folders. It is written as an
 * unpacked folder first and packed with `packSolution`, so it gets exactly the zip that pack makes.
 * Folders it cannot build are one UserError naming each in order (see `userErrorsTogether`), and
 * nothing is written.
 */
export async function buildSolution(
  folders: readonly string[],
  zipPath: string,
  options: BuildSolutionOptions,
): Promise<BuiltConnector[]> {
  checkOptions(options);
  if (folders.length === 0) throw new UserError('Give at least one connector folder.');
  // The zip's path, before any work: the staging folder beside it fails with ENOTDIR below a file.
  await refuseFolder(zipPath, 'a zip', ZIP_PATH_HINT);
  refusePathThroughFile(zipPath);
  const connectors: SolutionConnector[] = [];
  const built: BuiltConnector[] = [];
  // Every folder is read before anything is written, and each one's mistake is kept: a maker given
  // only the first fixed one folder per run.
  const problems: UserError[] = [];
  const existing = options.existing?.connectors.map(identityOf);
  for (const folder of folders) {
    try {
      const connector = await readRepositoryConnector(folder, options.publisher.prefix);
      const identity =
        existing && existingIdentityOf(folder, connector.displayName, existing, options.existing!.source);
      if (identity) {
        connector.name = identity.name;
        connector.connectorId = identity.connectorId;
        connector.displayName = displayNameKeeping(identity, connector.displayName);
      }
      if (!identity) refuseLongPartNames(folder, connector);
      const twin = built.find((other) => other.name === connector.name);
      if (twin)
        throw new UserError(
          `defines the connector '${connector.displayName}' (${connector.name}), as ${toDisplayPath(options.cwd ?? process.cwd(), twin.folder)} does.`,
          { location: { file: folder }, hint: 'Give each connector folder once.' },
        );
      connectors.push(connector);
      built.push({
        folder,
        name: connector.name,
        displayName: connector.displayName,
        connectorId: connector.connectorId,
        keptIdentity: identity !== undefined,
        warnings: connectorWarnings(connector),
      });
    } catch (error) {
      if (!isUserError(error)) throw error;
      problems.push(error);
    }
  }
  if (problems.length > 0) throw userErrorsTogether(problems);
  const variables = carryEnvironmentVariables(
    connectors,
    options.existing && {
      variables: options.existing.environmentVariables ?? [],
      source: options.existing.source,
    },
  );
  for (const [index, { variables: referred, warnings }] of variables.connectors.entries()) {
    const connector = built[index]!;
    connector.warnings.push(...warnings);
    if (referred.length > 0) connector.environmentVariables = referred;
  }
  const staging = temporarySibling(zipPath);
  try {
    // The staging folder sits beside the zip: a folder that refuses it refuses the zip too.
    await writingTo(zipPath, () => writeUnpackedSolution(staging, connectors, options, variables));
    await packSolution(staging, zipPath);
  } finally {
    await removeTemporary(staging);
    forgetTemporary(staging);
  }
  return built;
}

/**
 * The file names of a connector's parts (Connectors/<name>_openapidefinition.json …) come from its
 * name, which comes from its title: a title of 230 characters made a name no file system holds, and
 * the build failed while writing, naming its staging folder's absolute path and advising to "zip the
 * files again". Said before anything is written, at the title.
 */
function refuseLongPartNames(folder: string, connector: SolutionConnector): void {
  const longest = Math.max(
    ...FILE_COLUMNS.filter((column) => connector.files[column]).map((column) =>
      Buffer.byteLength(`${connector.name}_${column}${connector.files[column]!.extension}`),
    ),
  );
  if (longest <= MAX_NAME_BYTES) return;
  throw new UserError(
    `has an info.title too long to build: the connector's name, made from it, gives its solution parts file names of up to ${longest} bytes, longer than the ${MAX_NAME_BYTES} bytes that Linux and macOS file systems hold.`,
    {
      location: { file: path.join(folder, REPOSITORY_FILES.swagger) },
      hint: 'Give the connector a shorter title.',
    },
  );
}

function connectorWarnings(connector: SolutionConnector): string[] {
  const tooLong = definitionSizeWarning(connector.files.openapidefinition!.bytes.toString('utf8'));
  return tooLong === undefined ? [] : [tooLong];
}

function checkOptions(options: BuildSolutionOptions): void {
  checkSolutionUniqueName(options.uniqueName);
  checkSolutionVersion(options.version);
  checkPublisherUniqueName(options.publisher.uniqueName);
  checkCustomizationPrefix(options.publisher.prefix);
  if (options.publisher.optionValuePrefix !== undefined)
    optionValuePrefixFrom(String(options.publisher.optionValuePrefix));
}

/**
 * Writes the unpacked solution folder of `connectors` into `folder`, with the environment variables
 * carried for them (carryEnvironmentVariables), when any.
 */
export async function writeUnpackedSolution(
  folder: string,
  connectors: readonly SolutionConnector[],
  options: BuildSolutionOptions,
  variables: Pick<CarriedEnvironmentVariables, 'parts' | 'schemaNames'> = { parts: [], schemaNames: [] },
): Promise<void> {
  const write = async (relative: string, content: string | Buffer): Promise<void> => {
    await fs.mkdir(path.dirname(path.join(folder, relative)), { recursive: true });
    await fs.writeFile(path.join(folder, relative), content, { flag: 'wx' });
  };
  await write(
    FOLDER_SOLUTION,
    serializeXml(solutionManifest(connectors, options, variables.schemaNames), UNPACKED_STYLE),
  );
  await write(FOLDER_CUSTOMIZATIONS, serializeXml(emptyCustomizations(), UNPACKED_STYLE));
  const copied: string[] = [];
  for (const connector of connectors) {
    await write(
      `${FOLDER_CONNECTOR_FOLDER}${connector.name}.xml`,
      serializeXml(connectorElement(connector), UNPACKED_STYLE),
    );
    for (const column of FILE_COLUMNS) {
      const file = connector.files[column];
      if (!file) continue;
      const fileName = `${connector.name}_${column}${file.extension}`;
      const content =
        file.extension === '.json'
          ? prettyJson(file.bytes.toString('utf8'), fileName, REPOSITORY_JSON_HINT)
          : column === 'customcodeblobcontent'
            ? builtScriptBytes(file.bytes)
            : file.bytes;
      await write(`${FOLDER_CONNECTOR_FOLDER}${fileName}`, content);
      if (file.extension !== '.json') copied.push(`${FOLDER_CONNECTOR_FOLDER}${fileName}`);
    }
  }
  // Copied as the existing solution has them, CRLF included: recorded below, as the script is.
  for (const part of variables.parts) {
    await write(part.path, part.bytes);
    copied.push(part.path);
  }
  // Pack writes a copied part with the line endings recorded for it, LF when none is, as it does for
  // a git checkout: a part with CRLF lines (an existing solution's environment variable) is recorded,
  // or it would reach the solution with every line changed. (The script is built with LF lines.)
  const endings = await lineEndingsXml(folder, copied);
  if (endings !== undefined) await write(FOLDER_LINE_ENDINGS, endings);
}

function text(name: string, value: string, attributes: Array<[string, string]> = []): XmlElement {
  return element(name, attributes, value === '' ? [] : [{ kind: 'text', text: value }]);
}

function localizedNames(description: string): XmlElement {
  return element(
    'LocalizedNames',
    [],
    [
      element('LocalizedName', [
        ['description', description],
        ['languagecode', '1033'],
      ]),
    ],
  );
}

function solutionManifest(
  connectors: readonly SolutionConnector[],
  options: BuildSolutionOptions,
  environmentVariables: readonly string[],
): XmlElement {
  const publisher = options.publisher;
  const nil = (name: string): XmlElement => element(name, [['xsi:nil', 'true']]);
  const address = (number: string): XmlElement =>
    element(
      'Address',
      [],
      [
        text('AddressNumber', number),
        text('AddressTypeCode', '1'),
        nil('City'),
        nil('Country'),
        nil('Line1'),
        nil('Name'),
        nil('PostalCode'),
        text('ShippingMethodCode', '1'),
      ],
    );
  const manifest = element(
    'SolutionManifest',
    [],
    [
      text('UniqueName', options.uniqueName),
      localizedNames(options.displayName ?? options.uniqueName),
      element('Descriptions'),
      text('Version', options.version),
      text('Managed', '0'),
      element(
        'Publisher',
        [],
        [
          text('UniqueName', publisher.uniqueName),
          localizedNames(publisher.displayName ?? publisher.uniqueName),
          element('Descriptions'),
          nil('EMailAddress'),
          nil('SupportingWebsiteUrl'),
          text('CustomizationPrefix', publisher.prefix),
          text(
            'CustomizationOptionValuePrefix',
            String(publisher.optionValuePrefix ?? optionValuePrefixFor(publisher.prefix)),
          ),
          element('Addresses', [], [address('1'), address('2')]),
        ],
      ),
      element(
        'RootComponents',
        [],
        [
          ...connectors.map((connector) =>
            element('RootComponent', [
              ['type', '372'],
              ['id', `{${connector.connectorId}}`],
              ['schemaName', connector.name],
              ['behavior', '0'],
            ]),
          ),
          // A definition the manifest does not list is imported, but not as part of the solution.
          ...environmentVariables.map((schemaName) =>
            element('RootComponent', [
              ['type', ENVIRONMENT_VARIABLE_COMPONENT],
              ['schemaName', schemaName],
              ['behavior', '0'],
            ]),
          ),
        ],
      ),
      element('MissingDependencies'),
    ],
  );
  return element(
    'ImportExportXml',
    [
      ['version', '9.2.0.0'],
      ['SolutionPackageVersion', '9.2'],
      ['languagecode', '1033'],
      ['generatedBy', 'CrmLive'],
      ['xmlns:xsi', XSI],
    ],
    [manifest],
  );
}

/** A stable option value prefix from the customization prefix (Dataverse suggests one the same way). */
function optionValuePrefixFor(prefix: string): number {
  let hash = 0;
  for (const char of prefix) hash = (hash * 31 + char.charCodeAt(0)) % 90000;
  return 10000 + hash;
}

function emptyCustomizations(): XmlElement {
  const empty = [
    'Entities',
    'Roles',
    'Workflows',
    'FieldSecurityProfiles',
    'Templates',
    'EntityMaps',
    'EntityRelationships',
    'OrganizationSettings',
    'optionsets',
    'CustomControls',
    'EntityDataProviders',
    'Connectors',
  ];
  const children: XmlNode[] = [
    ...empty.map((name) => element(name)),
    element('Languages', [], [text('Language', '1033')]),
  ];
  return element('ImportExportXml', [['xmlns:xsi', XSI]], children);
}

function connectorElement(connector: SolutionConnector): XmlElement {
  const values: Record<string, string | undefined> = {
    connectorid: connector.connectorId,
    description: connector.description,
    displayname: connector.displayName,
    iconbrandcolor: connector.iconBrandColor,
    name: connector.name,
    connectortype: connector.connectorType,
    scriptoperations: connector.scriptOperations,
  };
  for (const column of FILE_COLUMNS) {
    const file = connector.files[column];
    if (file) values[column] = `/Connector/${connector.name}_${column}${file.extension}`;
  }
  const children = CONNECTOR_CHILD_ORDER.filter((name) => values[name] !== undefined).map((name) =>
    text(name, values[name]!),
  );
  return element('Connector', [['xmlns:xsi', XSI]], children);
}
