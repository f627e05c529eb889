import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  fileReadError,
  FileTooLarge,
  formatByteLimit,
  isYamlSwagger,
  missingFolderError,
  readFileWithin,
  toDisplayPath,
  unreadablePathError,
  UsageError,
  yamlSwaggerConversion,
} from '@connector-alm/core';
import { JsonDocument } from '../json/json-document.js';
import {
  CANONICAL_NAMES,
  kindOfFileName,
  loadConnectorFolder,
  MAX_FILE_BYTES,
} from '../loader/connector-folder.js';
import { readBytes } from '../loader/decode.js';
import { isConnectorFolderListing } from '../loader/connector-folder.js';
import { discoverConnectorFolders } from '../loader/discover.js';
import {
  extractFirstHint,
  solutionGiven,
  solutionGivenProblem,
  type SolutionGiven,
} from '../loader/solution-given.js';
import { asObject, has } from '../swagger/json-values.js';
import { quoted, quoteList } from '../text/message-values.js';
import type { DiffResult } from './change.js';
import { diffConnectorFiles } from './connector-diff.js';
import { connectorVersion, type ConnectorVersion } from './connector-version.js';
import { gitRefGivenError } from './git-ref-given.js';

/** The JSON files of a connector that can be given to diff alone. */
type DefinitionKind = 'swagger' | 'apiProperties';

/** One side of a diff as read: a whole connector folder, or one of its JSON files alone. */
interface ReadSide {
  version: ConnectorVersion;
  /** The kind of the file given alone; undefined for a folder. */
  file?: DefinitionKind;
  /** The path as given, to locate an error. */
  given: string;
  /** Of a folder whose swagger is there but was not read (unreadable, too large, binary): why not. */
  swaggerNotRead?: string;
  /** Of a folder without the swagger: the name of its swagger written in YAML, which diff does not read. */
  yamlSwagger?: string;
}

const WHAT_DIFF_TAKES =
  'Give each version as a connector folder or as an API definition file (its apiDefinition.swagger.json or apiProperties.json).';

/**
 * Compares two connectors on disk. Each side is a connector folder (all its files are compared) or
 * a single swagger or apiProperties file. A file compared with a folder is compared with the
 * folder's file of its kind alone: the file says nothing of the folder's other files, which read
 * as "removed" (a readme, every connection parameter) when the whole folder was compared with it.
 */
export async function diffPaths(
  oldPath: string,
  newPath: string,
  cwd: string = process.cwd(),
): Promise<DiffResult> {
  // Both read at once, but a mistake in the old path is reported first, whichever the disk answers
  // first: Promise.all would reject with the quicker one, so the same command line said one or the other.
  const [oldSide, newSide] = await Promise.allSettled([readSide(oldPath, cwd), readSide(newPath, cwd)]);
  // A git ref given where a path goes (`diff dev <folder>`) is told as one, with the command that compares with it.
  if (oldSide.status === 'rejected') throw (await gitRefGivenError(oldPath, newPath, cwd)) ?? oldSide.reason;
  if (newSide.status === 'rejected') throw (await gitRefGivenError(newPath, oldPath, cwd)) ?? newSide.reason;
  const [before, after] = [oldSide.value, newSide.value];
  // The old side first, as for a path that does not exist.
  requireSwagger(before, after);
  requireSwagger(after, before);
  if (before.file && after.file && before.file !== after.file) {
    // Every operation "added" beside every connection parameter "removed": nothing of it is a change.
    throw new UsageError(`is ${kindName(after.file)}, and ${quoted(oldPath)} is ${kindName(before.file)}.`, {
      location: { file: newPath },
      hint: 'diff compares two versions of one file: give two swaggers, two apiProperties.json, or two connector folders.',
    });
  }
  return diffConnectorFiles(
    after.file && !before.file ? only(before.version, after.file) : before.version,
    before.file && !after.file ? only(after.version, before.file) : after.version,
  );
}

/**
 * A folder without a swagger (an apiProperties.json and a readme, a folder one level off) compared
 * whole reads as a connector whose every operation was deleted or added: "22 breaking" made of a
 * wrong path. A connector cannot be published without its swagger, so a deleted swagger is no
 * version to compare either; validate reports it. Compared with an apiProperties.json alone, the
 * folder's swagger is not read, and its absence does not matter.
 */
function requireSwagger(side: ReadSide, other: ReadSide): void {
  if (side.file || side.version.swagger || other.file === 'apiProperties') return;
  // A swagger that is there but cannot be read is no missing one: "holds no apiDefinition.swagger.json"
  // sent the user looking for a file they could see, where validate says GEN-UNREADABLE.
  if (side.swaggerNotRead !== undefined) {
    // validate's words for the file, what to do included (no permission: who must read it).
    throw new UsageError(`cannot be compared: ${side.swaggerNotRead}`, { location: { file: side.given } });
  }
  // The folder is a connector's, its swagger in a form nothing reads: say so, as validate does.
  if (side.yamlSwagger !== undefined) {
    throw new UsageError(
      `holds no ${CANONICAL_NAMES.swagger}: its swagger, ${side.yamlSwagger}, is written in YAML, which diff does not read.`,
      { location: { file: side.given }, hint: yamlSwaggerConversion(side.yamlSwagger) },
    );
  }
  throw new UsageError(`holds no ${CANONICAL_NAMES.swagger}.`, {
    location: { file: side.given },
    hint: `diff compares the swaggers of two connector folders: give the folder that holds it, or give the two ${CANONICAL_NAMES.apiProperties} files to compare them alone.`,
  });
}

/** One side of a diff: a connector folder, or one JSON file of a connector. */
async function readSide(given: string, cwd: string): Promise<ReadSide> {
  const absolute = path.resolve(cwd, given);
  let stat;
  try {
    stat = await fs.stat(absolute);
  } catch (error) {
    // A path that is there but cannot be looked at (a name too long, a folder not to be entered) says so.
    throw (
      unreadablePathError(given, error) ??
      missingFolderError(given, 'Give a connector folder or its apiDefinition.swagger.json.', { cwd })
    );
  }
  if (stat.isDirectory()) {
    // A folder without connector files would be compared as an empty connector: every operation
    // "added" (exit 0) or "removed" (breaking, exit 1), a finding made of a wrong path.
    if (!isConnectorFolderListing(await fs.readdir(absolute))) {
      const solution = solutionGiven(given, cwd);
      if (solution?.kind === 'unpacked') throw solutionToDiffError(given, solution);
      throw new UsageError('is not a connector folder.', {
        location: { file: given },
        hint: await notAConnectorHint(given, absolute, cwd),
      });
    }
    const folder = await loadConnectorFolder(absolute, cwd);
    const swaggerNotRead = folder.files.swagger?.document
      ? undefined
      : folder.files.swagger?.issues[0]?.message;
    const yamlSwagger = folder.files.swagger
      ? undefined
      : folder.entries.find((entry) => entry.type === 'file' && isYamlSwagger(entry.name))?.name;
    return {
      version: connectorVersion(folder),
      given,
      ...(swaggerNotRead !== undefined && { swaggerNotRead }),
      ...(yamlSwagger !== undefined && { yamlSwagger }),
    };
  }
  const bytes = await readDefinitionFile(given, absolute, cwd);
  // Binary data is no version of a connector file, whatever its name: a solution zip's bytes held
  // enough braces for the tolerant parse to find an object, and two exports "differed" by breaking
  // CHG-JSON-SYNTAX changes (exit 1). A swagger saved as UTF-16 is refused so too, as validate's
  // GEN-BINARY refuses it.
  const name = path.basename(absolute);
  const namedJson = /\.json$/i.test(name);
  const read = readBytes(bytes);
  if (read.as !== 'utf8') {
    const solution = solutionGiven(given, cwd);
    if (solution?.kind === 'zip') throw solutionToDiffError(given, solution);
    const why =
      read.as === 'utf16'
        ? `it is saved as UTF-16 (${read.order}): save it as UTF-8`
        : 'it holds binary data';
    throw notADefinitionError(given, `${why}${namedJson ? '' : NOT_NAMED_JSON}`, namedJson);
  }
  const document = JsonDocument.parse(read.decoded.text);
  // A file named as JSON is compared whatever it holds: a broken swagger is a change to report
  // (CHG-JSON-SYNTAX, CHG-UNCOMPARABLE). Under another name (notes.txt, icon.png, readme.md) a file
  // that holds no JSON object is a slip of the command line, which would be told as a swagger that
  // cannot be read, a "breaking" change. A name without `.json` that holds JSON is still compared:
  // `git show main:apiDefinition.swagger.json > base` and `<(git show …)` give such names.
  if (!namedJson && asObject(document.value) === undefined) {
    throw notADefinitionError(given, `${whatItHolds(bytes)}${NOT_NAMED_JSON}`, namedJson);
  }
  const displayPath = toDisplayPath(cwd, absolute);
  if (kindOfFile(name, document) === 'apiProperties') {
    return {
      version: { apiProperties: document, apiPropertiesPath: displayPath },
      file: 'apiProperties',
      given,
    };
  }
  return { version: { swagger: document, swaggerPath: displayPath }, file: 'swagger', given };
}

/**
 * The bytes of a file given alone, up to the size validate reads (MAX_FILE_BYTES): readFile of
 * /dev/zero grew past 8 GB, and a 110 MB swagger was read whole. A pipe stays readable
 * (`diff <(git show …) …`). A file that cannot be read is told in words, as validate tells it: the
 * bare read said "failed unexpectedly … This is a bug" of a swagger without read permission.
 */
async function readDefinitionFile(given: string, absolute: string, cwd: string): Promise<Buffer> {
  try {
    return await readFileWithin(absolute, MAX_FILE_BYTES);
  } catch (error) {
    if (error instanceof FileTooLarge) {
      throw new UsageError(
        `holds more than the ${formatByteLimit(MAX_FILE_BYTES)} that connector-alm reads of a connector file; it was not compared.`,
        { location: { file: given }, hint: WHAT_DIFF_TAKES },
      );
    }
    throw fileReadError(given, error, {
      cwd,
      hint: 'Give a connector folder or its apiDefinition.swagger.json.',
    });
  }
}

/**
 * apiProperties.json by its name, or, under another name (a base version saved as `base.json`), by
 * what it holds: a `properties` object and nothing of a swagger. Any other file is read as a swagger.
 */
function kindOfFile(name: string, document: JsonDocument): DefinitionKind {
  const kind = kindOfFileName(name);
  if (kind === 'apiProperties') return 'apiProperties';
  if (kind === 'swagger') return 'swagger';
  const root = asObject(document.value);
  if (!root || !asObject(root.properties)) return 'swagger';
  return ['swagger', 'openapi', 'paths', 'info'].some((key) => has(root, key)) ? 'swagger' : 'apiProperties';
}

/** The version's file of one kind, alone. */
function only(version: ConnectorVersion, kind: DefinitionKind): ConnectorVersion {
  return kind === 'swagger'
    ? { swagger: version.swagger, swaggerPath: version.swaggerPath }
    : { apiProperties: version.apiProperties, apiPropertiesPath: version.apiPropertiesPath };
}

function kindName(kind: DefinitionKind): string {
  return kind === 'swagger' ? 'a swagger' : 'an apiProperties.json';
}

const NOT_NAMED_JSON = ', and its name does not end in .json';

/** A file that is no API definition: `why` says what it holds instead. */
function notADefinitionError(given: string, why: string, namedJson: boolean): UsageError {
  return new UsageError(`is not an API definition: ${why}.`, {
    location: { file: given },
    // A broken .json is compared, but not a binary one: only the other names are told so.
    hint: namedJson
      ? WHAT_DIFF_TAKES
      : `${WHAT_DIFF_TAKES} A .json file is compared even when its JSON is broken.`,
  });
}

/**
 * A solution zip or unpacked solution given to diff: its connectors are compared once extracted,
 * folder with folder (two exports of one solution are the commonest such slip).
 */
function solutionToDiffError(given: string, solution: SolutionGiven): UsageError {
  return new UsageError(solutionGivenProblem(solution, 'a connector folder or an API definition'), {
    location: { file: given },
    hint: extractFirstHint(
      solution,
      'do the same with the other version, and diff the two folders of the connector',
    ),
  });
}

/** What a file that is not JSON (nor binary, told before) holds instead, in a few words. */
function whatItHolds(bytes: Buffer): string {
  if (bytes.toString('latin1').trim() === '') return 'it is empty';
  return 'it holds no JSON object';
}

/**
 * What to give instead of a folder that is no connector folder: one of the connector folders it
 * holds (a PowerPlatformConnectors checkout, its certified-connectors/), or a connector folder.
 */
async function notAConnectorHint(given: string, absolute: string, cwd: string): Promise<string> {
  const held = await discoverConnectorFolders([absolute], cwd).catch(() => []);
  if (held.length === 0) {
    return 'Give a connector folder (it holds apiDefinition.swagger.json and apiProperties.json) or its apiDefinition.swagger.json.';
  }
  // Named from the folder as given, as the error is located.
  const names = held.map((folder) => path.join(given, path.relative(absolute, folder)));
  const holds =
    held.length === 1
      ? `the connector folder ${quoted(names[0])}`
      : `${held.length} connector folders: ${quoteList(names, 3)}`;
  return `It holds ${holds}. diff compares two versions of one connector: give the folder of that connector in each version.`;
}
