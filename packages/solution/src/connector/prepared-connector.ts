import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UserError, type AskGit, type SaySetting } from '@connector-alm/core';
import { refuseNonFolder } from '../fs/folder-path.js';
import { checkJson, prettyJson, SOLUTION_JSON_HINT } from '../json/json-text.js';
import { sameJsonTokens } from '../json/same-json-tokens.js';
import { decodeUtf8Strict } from '../text/decode.js';
import { withByteOrderMarkOf } from '../text/byte-order-mark-of.js';
import { inLineEndingsOf } from '../text/line-endings.js';
import { mergeApiProperties, parseExistingApiProperties } from './api-properties.js';
import type { FoundUnder, RenamedFrom } from './extracted-connector.js';
import { earlierApiProperties, earlierTemplate, isReadme, keepHandWritten } from './hand-written-files.js';
import { isTemplateReadme, readmeFromTemplate } from './readme-template.js';
import { guardUnsavedEdits, type NotReplaced, type ReplacedFile } from './unsaved-edits.js';
import type { EarlierFolder } from './renamed-connectors.js';
import { sameScriptText } from './same-script-text.js';
import { isIndependentPublisherFolder, isPng, REPOSITORY_FILES } from './repository-layout.js';
import type { SolutionConnector } from './solution-connector.js';

/** The files extraction writes that are text, by their names in lower case (a folder's README.md too). */
const TEXT_FILES = new Set(
  [
    REPOSITORY_FILES.swagger,
    REPOSITORY_FILES.apiProperties,
    REPOSITORY_FILES.script,
    REPOSITORY_FILES.readme,
  ].map((name) => name.toLowerCase()),
);

export interface PreparedConnector {
  connector: SolutionConnector;
  folder: string;
  files: Map<string, string | Buffer>;
  /** The files of `files` that the folder has already, in any case. */
  present: Set<string>;
  remove: string[];
  /**
   * The folder's names of files of `files` that it has in another case (apidefinition.swagger.json,
   * Script.csx): the file extraction read is the one it replaces.
   */
  otherCase: string[];
  warnings: string[];
  /**
   * The folder's files left as they are, not replaced or deleted, as they hold content nothing else
   * has (guardUnsavedEdits): the run fails with each one's message.
   */
  notReplaced: NotReplaced[];
  /** The folder's readme when it is still the template an extraction wrote (ExtractedConnector.templateReadme). */
  templateReadme?: string;
  renamedFrom?: RenamedFrom;
  foundUnder?: FoundUnder;
}

/**
 * Converts one connector and reads its folder as it is: the files to write there, those to remove and
 * the warnings, decided before any folder is touched.
 */
export async function prepare(
  connector: SolutionConnector,
  destination: string,
  folder: string,
  destinationRoot: string,
  before: {
    earlier: EarlierFolder | undefined;
    previous: SolutionConnector | undefined;
    say: SaySetting;
    /** Asks git whether a file's content is committed (guardUnsavedEdits); undefined: as outside git. */
    askGit?: AskGit | undefined;
  },
): Promise<PreparedConnector> {
  const { earlier, previous } = before;
  const files = new Map<string, string | Buffer>();
  const warnings: string[] = [];
  const remove: string[] = [];
  const definition = connector.files.openapidefinition;
  // Located at the connector's XML, where its other errors are: a solution always carries the
  // definition, so its loss is an edit of that file (or of the zip's customizations.xml).
  if (!definition)
    throw new UserError(
      `Connector '${connector.name}' has no API definition (openapidefinition) in the solution.`,
      {
        ...(connector.definedIn === undefined ? {} : { location: { file: connector.definedIn } }),
        hint: 'Export the solution again, or restore the <openapidefinition> element of the connector and its file under Connector/.',
      },
    );
  // Where the connector came from: its side file in an unpacked folder, else the name it has in the solution.
  const definitionFile = definition.file ?? `${connector.name}_openapidefinition${definition.extension}`;
  const swaggerText = decodeUtf8Strict(definition.bytes, definitionFile);
  files.set(REPOSITORY_FILES.swagger, prettyJson(swaggerText, definitionFile, SOLUTION_JSON_HINT));

  await refuseNonFolder(destination);
  const existingNames = await fs.readdir(destination).catch(() => [] as string[]);
  // In any case, as the validator finds them: on Windows and macOS ApiProperties.json is the file
  // that apiProperties.json is written over. The name itself first: on Linux a folder may have both.
  const existing = (name: string): string | undefined =>
    existingNames.includes(name)
      ? name
      : existingNames.find((entry) => entry.toLowerCase() === name.toLowerCase());
  const apiPropertiesName = existing(REPOSITORY_FILES.apiProperties);
  const presentApiProperties =
    apiPropertiesName === undefined
      ? undefined
      : await fs.readFile(path.join(destination, apiPropertiesName));
  // A renamed or moved connector's new folder has none yet: the maker's keys are in the earlier one.
  const existingApiProperties =
    apiPropertiesName === undefined
      ? earlier && (await earlierApiProperties(destinationRoot, earlier))
      : parseExistingApiProperties(presentApiProperties!, path.join(destination, apiPropertiesName));
  files.set(REPOSITORY_FILES.apiProperties, mergeApiProperties(connector, existingApiProperties));
  // What the folder holds under a name extraction writes; undefined where it holds none, or a
  // folder in the file's place (commitFolder replaces it and reports what it held).
  const presentBytes = (name: string): Promise<Buffer | undefined> | Buffer | undefined => {
    const present = existing(name);
    if (present === undefined) return undefined;
    if (name === REPOSITORY_FILES.apiProperties) return presentApiProperties;
    return fs.readFile(path.join(destination, present)).catch(() => undefined);
  };
  // The folder's formatting is the maker's (or the upstream repository's): a JSON file that holds
  // what extraction gives, but indented or spaced otherwise, stays byte for byte, as unchanged.
  for (const name of [REPOSITORY_FILES.swagger, REPOSITORY_FILES.apiProperties]) {
    const bytes = await presentBytes(name);
    if (bytes !== undefined && sameJsonTokens(bytes, files.get(name) as string)) files.set(name, bytes);
  }

  const icon = connector.files.iconblob;
  // The independent-publisher layout has no icons (upstream shows the generic one): extracting the
  // solution's would fail validation (ICON-IP-NONE).
  if (isIndependentPublisherFolder(destination)) {
    const iconName = existing(REPOSITORY_FILES.icon);
    if (iconName) {
      const present = await fs.readFile(path.join(destination, iconName));
      // Extraction wrote the solution's icon there before it stopped; that one goes, or the snapshot
      // keeps failing validation. Another is the maker's (or an older icon nobody can tell apart
      // from one): left alone, with a word on why it still fails.
      if (icon && present.equals(icon.bytes)) remove.push(iconName);
      else
        warnings.push(
          `${folder}/${iconName} is left alone: it is not the icon of '${connector.name}' in the solution, the only one extraction removes here. An independent-publisher connector has no icon.png (validation reports it as ICON-IP-NONE): delete it.`,
        );
    }
  } else if (icon && isPng(icon.bytes)) files.set(REPOSITORY_FILES.icon, icon.bytes);
  else if (icon)
    warnings.push(
      `The icon of '${connector.name}' is not a PNG (${icon.extension}); icon.png was not written.`,
    );

  const solutionScript = connector.files.customcodeblobcontent;
  if (solutionScript) {
    // A script that differs only in line endings and a BOM is the folder's, as the JSON files'
    // formatting is; a changed one keeps the folder's line endings (below).
    const bytes = await presentBytes(REPOSITORY_FILES.script);
    const kept = bytes !== undefined && sameScriptText(bytes, solutionScript.bytes);
    files.set(REPOSITORY_FILES.script, kept ? bytes : solutionScript.bytes);
  } else if (existing(REPOSITORY_FILES.script)) remove.push(existing(REPOSITORY_FILES.script)!);

  // Before a file of the folder is replaced or deleted: one that holds content found nowhere else
  // (neither the solution as last extracted nor git has it) stays as it is. A connector's script.csx
  // that the solution no longer has is deleted, as much a loss as a replacement.
  const replacing: [string, string | Buffer | undefined][] = [...files];
  if (!solutionScript && existing(REPOSITORY_FILES.script))
    replacing.push([REPOSITORY_FILES.script, undefined]);
  const replaced: ReplacedFile[] = [];
  for (const [name, written] of replacing) {
    // A folder in a file's place holds no edit of it.
    const bytes = await presentBytes(name);
    if (bytes === undefined) continue;
    const present = existing(name)!;
    replaced.push({ name, present, path: path.join(destination, present), bytes, written });
  }
  const guarded = await guardUnsavedEdits(replaced, previous, before.askGit, before.say);
  warnings.push(...guarded.warnings);
  const notReplaced = new Set(guarded.notReplaced.map(({ file }) => file));
  for (const file of replaced.filter((each) => notReplaced.has(each.present))) {
    if (file.written === undefined) remove.splice(remove.indexOf(file.present), 1);
    else files.delete(file.name);
  }

  // A renamed connector's new folder: the maker's readme, notes and images are in the folder it had,
  // which is about to be removed as a connector that left. Every one the new folder lacks is carried,
  // even when it has a readme of its own; one it has otherwise keeps the earlier folder in place.
  const renamedFrom: RenamedFrom | undefined =
    earlier === undefined
      ? undefined
      : {
          folder: earlier.folder,
          ...(await keepHandWritten(destinationRoot, destination, earlier, existing, files)),
          ...(earlier.otherRoot ? { otherRoot: true } : {}),
        };
  const template = readmeFromTemplate(
    checkJson(swaggerText, REPOSITORY_FILES.swagger, SOLUTION_JSON_HINT),
    connector.displayName,
  );
  const readme = existing(REPOSITORY_FILES.readme);
  if (!readme && !renamedFrom?.kept.some(isReadme)) files.set(REPOSITORY_FILES.readme, template);
  // A readme still as this extraction writes it: kept, but it is no text of the maker's, and its TODOs
  // are still to be filled in.
  const readmeText =
    readme === undefined
      ? undefined
      : await fs.readFile(path.join(destination, readme), 'utf8').catch(() => undefined);
  const untouchedTemplate = readmeText !== undefined && isTemplateReadme(readmeText, template);
  // The last extraction's template, for an API definition changed since: written again, so that its
  // Supported Operations follow the connector's (README-OPS-MATCH) rather than list what it had then.
  // Nothing is lost: --previous-source gives it back.
  if (
    readmeText !== undefined &&
    !untouchedTemplate &&
    previous !== undefined &&
    isTemplateReadme(readmeText, earlierTemplate(previous))
  )
    files.set(readme!, template);
  // Written over the folder's own: in its line endings, and a script or readme with its byte-order mark
  // or without, as git shows lines changed otherwise (JSON loses a BOM: GEN-JSON-BOM asks for that). A
  // new file has the solution's bytes (a script) or extraction's layout (LF, no BOM).
  for (const [name, content] of files) {
    if (!TEXT_FILES.has(name.toLowerCase())) continue;
    const bytes = await presentBytes(name);
    if (bytes === undefined) continue;
    const ended = inLineEndingsOf(content, bytes);
    files.set(name, name.toLowerCase().endsWith('.json') ? ended : withByteOrderMarkOf(ended, bytes));
  }
  // Top-level names only: the files carried from a renamed connector's earlier folder are all new here.
  const present = new Set([...files.keys()].filter((name) => existing(name) !== undefined));
  const otherCase = [...present].map((name) => existing(name)!).filter((name) => !files.has(name));
  return {
    connector,
    folder,
    files,
    present,
    remove,
    otherCase,
    warnings,
    notReplaced: guarded.notReplaced,
    ...(untouchedTemplate ? { templateReadme: readme } : {}),
    ...(renamedFrom ? { renamedFrom } : {}),
  };
}
