import fs from 'node:fs';
import path from 'node:path';
import {
  CONNECTOR_FILE_NAMES,
  describeNonUtf8Byte,
  describeProblem,
  fileReadError,
  isBelow,
  isConnectorYamlSwagger,
  isMisnamedSwagger,
  isUserError,
  isYamlSwagger,
  meantConnectorFileName,
  toDisplayPath,
} from '@connector-alm/core';
import { JsonDocument } from '../json/json-document.js';
import type { FileKind } from '../model/finding.js';
import { readBytes } from './decode.js';
import { filesNamedBelow } from './settings-file-paths.js';
import { TextDocument } from './text-document.js';
import { declaredSpecificationOf, type DeclaredSpecification } from './yaml-swagger-version.js';

/** Files larger than this are not read at all; the swagger import limit is 1 MB, so this is generous. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** The canonical file names of the PowerPlatformConnectors layout, by kind. */
export const CANONICAL_NAMES: Record<Exclude<FileKind, 'folder'>, string> = CONNECTOR_FILE_NAMES;

const KIND_BY_LOWER_NAME = new Map<string, Exclude<FileKind, 'folder'>>(
  Object.entries(CANONICAL_NAMES).map(([kind, name]) => [
    name.toLowerCase(),
    kind as Exclude<FileKind, 'folder'>,
  ]),
);

/** A problem met while reading a file, before any rule runs. */
export interface FileIssue {
  ruleId: 'GEN-ENCODING' | 'GEN-FILE-TOO-LARGE' | 'GEN-SYMLINK' | 'GEN-BINARY' | 'GEN-UNREADABLE';
  message: string;
  offset?: number;
}

interface LoadedFileBase {
  kind: Exclude<FileKind, 'folder'>;
  /** The name on disk, e.g. `Readme.md`. */
  name: string;
  /** The path as reachable from the working directory. */
  displayPath: string;
  bytes: number;
  issues: FileIssue[];
}

/** The JSON files of a connector folder, in the order they are reported. */
export const JSON_FILE_KINDS = ['swagger', 'apiProperties', 'settings'] as const;
export type JsonFileKind = (typeof JSON_FILE_KINDS)[number];

export interface JsonFile extends LoadedFileBase {
  kind: JsonFileKind;
  /** Undefined when the file could not be read (see issues). */
  document: JsonDocument | undefined;
}

export interface TextFile extends LoadedFileBase {
  kind: 'readme' | 'script';
  document: TextDocument | undefined;
}

export interface BinaryFile extends LoadedFileBase {
  kind: 'icon';
  data: Buffer | undefined;
}

export type LoadedFile = JsonFile | TextFile | BinaryFile;

export interface FolderEntry {
  name: string;
  type: 'file' | 'directory' | 'symlink' | 'other';
  size: number;
  /**
   * Git ignores it (.gitignore or the like): no commit holds it, so no pull request sends it. Only
   * where the folder was loaded with what git ignores in it (GitIgnoredOf), and its entries kept.
   */
  ignoredByGit?: true;
  /**
   * Of a nested folder, when the connector folder lacks its swagger or apiProperties.json: whether
   * the nested folder holds a swagger or apiProperties.json, so that REPO-REQUIRED-FILES suggests
   * moving its files up only then (not for a folder of screenshots, or of docs with a readme). Not
   * looked at otherwise.
   */
  holdsConnectorFile?: boolean;
  /**
   * Of a swagger written in YAML (a regular file, not a link), when the folder has no swagger read:
   * the specification its first lines declare, so that REPO-REQUIRED-FILES says to convert a Swagger
   * 2.0 file to JSON but an OpenAPI 3 one to Swagger 2.0. Not looked at otherwise.
   */
  declaredSpecification?: DeclaredSpecification;
}

/** A connector folder with its files read and parsed. Everything rules need, nothing more. */
export interface ConnectorFolder {
  /** The folder as reachable from the working directory. */
  displayPath: string;
  absolutePath: string;
  name: string;
  /** Every entry directly in the folder, sorted by name. */
  entries: FolderEntry[];
  files: {
    swagger?: JsonFile;
    apiProperties?: JsonFile;
    settings?: JsonFile;
    readme?: TextFile;
    script?: TextFile;
    icon?: BinaryFile;
  };
  /** The readmes and scripts beside the one read whose names differ from it only in case (loadCaseTwins). */
  caseTwins?: TextFile[];
  /**
   * The files in nested folders that settings.json names and the folder has (filesNamedBelow, keyed by
   * nestedFileKey): SET-FILES-EXIST looks them up, as rules read nothing from disk. Only with a
   * settings.json that names one.
   */
  filesNamedBelow?: ReadonlySet<string>;
}

/** The kind a file name stands for, matched case-insensitively, or undefined. */
export function kindOfFileName(name: string): Exclude<FileKind, 'folder'> | undefined {
  return KIND_BY_LOWER_NAME.get(name.toLowerCase());
}

/**
 * True when a folder's file names make it a connector folder: it has a swagger or apiProperties. A
 * swagger written in YAML counts where the folder plausibly is a connector's: named
 * apiDefinition.swagger.yaml, or beside icon.png, script.csx or settings.json. Skipped there, its
 * maker never heard to convert it to JSON (REPO-REQUIRED-FILES says so). An openapi.yaml or
 * swagger.yml alone, or with a readme, is as likely a service's spec or API docs: taken for a
 * connector, it failed the run of a repository that merely holds one (a child of a top folder is a
 * connector folder whatever it holds: discover.ts).
 */
export function isConnectorFolderListing(names: readonly string[]): boolean {
  let yamlSwagger = false;
  let companion = false;
  for (const name of names) {
    const kind = kindOfFileName(name);
    if (kind === 'swagger' || kind === 'apiProperties' || isMisnamedSwagger(name)) return true;
    if (isConnectorYamlSwagger(name)) return true;
    if (kind === 'icon' || kind === 'script' || kind === 'settings') companion = true;
    else if (!yamlSwagger && isYamlSwagger(name)) yamlSwagger = true;
  }
  return yamlSwagger && companion;
}

/**
 * Whether a folder's file names hold one plainly meant as the swagger or apiProperties.json
 * (kindMeantBy: swagger.json, apiProperty.json), which makes it a connector folder where it is the
 * folder given and holds none below (discover.ts). Not while searching a tree: a service's swagger.json
 * or openapi.json is as likely there as a connector's.
 */
export function holdsDefinitionUnderMeantName(names: readonly string[]): boolean {
  return names.some((name) => {
    const kind = kindMeantBy(name);
    return kind === 'swagger' || kind === 'apiProperties';
  });
}

/**
 * What git ignores of a connector folder (gitIgnoredEntries): the names of its entries it ignores,
 * or `all` when it ignores the folder itself.
 */
export type GitIgnored = readonly string[] | 'all';

/**
 * What the loader does with the entries git ignores: `mark` them (validate checks the folder as it
 * is on disk, and SET-NOT-IN-PR says nothing of a settings.json that no commit will hold), or
 * `leave-out` (validate --base checks what the change holds, which they are no part of: laptop and CI
 * then agree, as CI's checkout has none of them).
 */
export interface GitIgnoredOf {
  ignored: GitIgnored;
  handling: 'mark' | 'leave-out';
}

/**
 * Reads a connector folder. Never follows a link out of the folder and never throws for a problem in
 * the user's files: those become issues that rules report. `gitIgnored`: what git ignores in it, and
 * what to do with those entries. `listing`: the folder's listing (`readdirSync` with file types), when
 * the caller has just read it, as discovery has (DiscoveredTree.listings): listing each folder a
 * second time was ~5-8 ms of CPU a corpus run (373 folders), which the parse-only baseline never pays.
 *
 * The reads are synchronous on purpose: connector files are small, and awaiting the thread pool for
 * each of a few thousand stats and reads made loading the corpus twice as slow as the reads themselves.
 */
export async function loadConnectorFolder(
  folder: string,
  cwd: string = process.cwd(),
  gitIgnored?: GitIgnoredOf,
  listing?: readonly fs.Dirent[],
): Promise<ConnectorFolder> {
  const absolutePath = path.resolve(cwd, folder);
  // Resolved only when a symbolic link has to be checked against it: most folders have none.
  let realFolder: string | undefined;
  const realFolderOf = (): string => (realFolder ??= fs.realpathSync(absolutePath));
  const dirents = listing ?? fs.readdirSync(absolutePath, { withFileTypes: true });
  const entries: FolderEntry[] = [];
  const ignored = gitIgnored && (gitIgnored.ignored === 'all' ? 'all' : new Set(gitIgnored.ignored));
  for (const dirent of dirents) {
    const entry: FolderEntry = { name: dirent.name, type: entryType(dirent), size: 0 };
    if (ignored === 'all' || ignored?.has(dirent.name)) {
      if (gitIgnored!.handling === 'leave-out') continue;
      entry.ignoredByGit = true;
    }
    entries.push(entry);
  }
  entries.sort((a, b) => compareCodeUnits(a.name, b.name));

  const displayPath = toDisplayPath(cwd, absolutePath);
  const connector: ConnectorFolder = {
    displayPath,
    absolutePath,
    name: path.basename(absolutePath),
    entries,
    files: {},
  };

  for (const entry of entries) {
    const kind = fileKindToRead(entry, connector.files);
    if (kind) {
      const loaded = loadFile(kind, entry, absolutePath, realFolderOf, displayPath);
      (connector.files as Record<string, LoadedFile>)[kind] = loaded;
    } else if (entry.type === 'file') {
      // A file that is read gets its size from the stat of its open descriptor; the others are stat'ed.
      entry.size = sizeOf(entryPath(absolutePath, entry.name));
    }
  }
  const twins = loadCaseTwins(connector, realFolderOf);
  if (twins.length > 0) connector.caseTwins = twins;
  const settings = connector.files.settings?.document?.value;
  if (settings !== undefined) {
    const below = filesNamedBelow(absolutePath, settings);
    if (below.size > 0) connector.filesNamedBelow = below;
  }
  if (!connector.files.swagger || !connector.files.apiProperties) {
    for (const entry of entries) {
      if (entry.type === 'directory')
        entry.holdsConnectorFile = holdsConnectorFile(entryPath(absolutePath, entry.name));
      else if (!connector.files.swagger && entry.type === 'file' && isYamlSwagger(entry.name))
        entry.declaredSpecification = declaredSpecificationOf(entryPath(absolutePath, entry.name));
    }
  }
  return connector;
}

/**
 * The readmes and scripts the folder holds besides the one read, named like it but for case
 * (README.md beside readme.md), read as any file is. Rules do not read them (REPO-FILENAMES reports
 * them by name); the comparison with a base does, since a pull request that edits only such a twin
 * edits a readme all the same, and a checkout on Windows or macOS may keep either.
 */
function loadCaseTwins(connector: ConnectorFolder, realFolderOf: () => string): TextFile[] {
  const twins: TextFile[] = [];
  for (const entry of connector.entries) {
    const kind = kindOfFileName(entry.name);
    if (kind !== 'readme' && kind !== 'script') continue;
    if (entry.name === connector.files[kind]?.name || (entry.type !== 'file' && entry.type !== 'symlink'))
      continue;
    // A copy of the entry: a failed read sets the size, which is the listing's to say.
    const loaded = loadFile(kind, { ...entry }, connector.absolutePath, realFolderOf, connector.displayPath);
    twins.push(loaded as TextFile);
  }
  return twins;
}

/** What a listed entry is, as the loader tells entries apart (a link is not followed). */
export function entryType(dirent: fs.Dirent): FolderEntry['type'] {
  if (dirent.isFile()) return 'file';
  if (dirent.isDirectory()) return 'directory';
  return dirent.isSymbolicLink() ? 'symlink' : 'other';
}

/** The kind of connector file an entry is read as, or undefined when it is not read. */
function fileKindToRead(
  entry: FolderEntry,
  files: ConnectorFolder['files'],
): Exclude<FileKind, 'folder'> | undefined {
  // A FIFO, socket or device under a connector file's name is taken as that file, which is not read
  // (GEN-UNREADABLE "is not a regular file", as for a link to one): left out, a FIFO named
  // apiDefinition.swagger.json was told as "The connector has no apiDefinition.swagger.json".
  if (entry.type === 'directory') return undefined;
  const kind = kindReadAs(entry.name);
  if (!kind) return undefined;
  // A name only meant as the file's says less: nothing but a file (or a link to one) is taken for it.
  if (entry.type === 'other' && claimOf(entry.name, kind) === CLAIM.meant) return undefined;
  const existing = files[kind];
  return !existing || replacesRead(entry.name, existing.name, kind) ? kind : undefined;
}

/**
 * The kind of connector file a name is read as: its canonical name in any case, `X.swagger.json`, or
 * a name plainly meant as a connector file's (kindMeantBy), read where the folder has none better.
 */
function kindReadAs(name: string): Exclude<FileKind, 'folder'> | undefined {
  return kindOfFileName(name) ?? (isMisnamedSwagger(name) ? 'swagger' : kindMeantBy(name));
}

/**
 * The kind of connector file a name other than the canonical ones is plainly meant as
 * (intendedConnectorFileName): apiProperty.json, Readme.md.txt, swagger.json, setting.json, and
 * Script.cs where the folder has no script.csx (which, listed, is read in its place). Read as that
 * file, so that its content is checked before the rename that REPO-REQUIRED-FILES, README-PRESENT or
 * REPO-FILENAMES asks for: left unread, the maker met every finding on it only after renaming it.
 * Not a backup or lock file an editor, git or Office left (`apiProperties.json.bak`, `~$readme.md`):
 * that is a stale copy, which REPO-FILENAMES says to remove.
 */
function kindMeantBy(name: string): Exclude<FileKind, 'folder'> | undefined {
  const meant = meantConnectorFileName(name, false);
  return meant === undefined ? undefined : kindOfFileName(meant);
}

/**
 * How strongly a name read as a kind claims to be its file, weakest first: a name only meant as it
 * (kindMeantBy), `X.swagger.json`, the canonical name in another case, a name REPO-FILENAMES accepts
 * (the readme's in any case), the canonical name exactly. Of readme twins, readme.md is read beside
 * README.MD, which sorts first: REPO-FILENAMES then says to delete README.MD, as for the swagger's.
 */
const CLAIM = { meant: 0, misnamedSwagger: 1, otherCase: 2, askedFor: 3, canonical: 4 } as const;

function claimOf(name: string, kind: Exclude<FileKind, 'folder'>): number {
  if (kindOfFileName(name) !== kind) return isMisnamedSwagger(name) ? CLAIM.misnamedSwagger : CLAIM.meant;
  if (name === CANONICAL_NAMES[kind]) return CLAIM.canonical;
  return hasNameToAskFor(name, kind) ? CLAIM.askedFor : CLAIM.otherCase;
}

/**
 * Whether `name`, listed after `read` (both read as `kind`), is read in its place: the name with the
 * stronger claim (claimOf). Of two names that differ only in case, the canonical one (apiProperties.json
 * beside ApiProperties.json, listed after it): REPO-FILENAMES then says to delete the other, where
 * reading the first listed had it say so of the canonical one, and "Rename ApiProperties.json" on the
 * next run. Of two misnamed swaggers the last listed, as it always was; of two names only meant, the
 * first listed, which REPO-REQUIRED-FILES asks to rename.
 */
function replacesRead(name: string, read: string, kind: Exclude<FileKind, 'folder'>): boolean {
  const [claim, readClaim] = [claimOf(name, kind), claimOf(read, kind)];
  return claim > readClaim || (claim === readClaim && claim === CLAIM.misnamedSwagger);
}

/**
 * Whether a file was read for its kind under a name only meant as that kind's (kindMeantBy):
 * apiProperty.json read as the apiProperties.json the folder lacks. Its findings stand for the file
 * once renamed; the rules that ask for the rename say that it was checked.
 */
export function isReadUnderMeantName(file: Pick<LoadedFile, 'kind' | 'name'>): boolean {
  return claimOf(file.name, file.kind) === CLAIM.meant;
}

/**
 * Of a folder's file names (in any order), the one the loader reads for `kind`, or undefined when none
 * is read as it: the same choice as loadConnectorFolder's, for readers that list a folder without
 * loading it (the repository index, a base commit's tree). Names are taken in the loader's order.
 */
export function fileNameReadAs(
  kind: Exclude<FileKind, 'folder'>,
  names: readonly string[],
): string | undefined {
  let read: string | undefined;
  for (const name of [...names].sort(compareCodeUnits)) {
    if (kindReadAs(name) === kind && (read === undefined || replacesRead(name, read, kind))) read = name;
  }
  return read;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Whether `name` is the name REPO-FILENAMES asks for a file of `kind`: the canonical one exactly, or
 * for the readme any case of it (README.md and Readme.md are as good as readme.md). Of two readme twins
 * readme.md is read; of two in other cases, the first listed.
 */
export function hasNameToAskFor(name: string, kind: Exclude<FileKind, 'folder'>): boolean {
  return kind === 'readme' ? kindOfFileName(name) === kind : name === CANONICAL_NAMES[kind];
}

/**
 * Whether `folder` holds a connector's own files: a swagger (misnamed or not) or apiProperties.json,
 * as discovery tells a connector folder. A readme, an icon or a script alone is not: a nested docs/
 * with a readme, or images/ with an icon, is no place the missing swagger is likely to be.
 */
function holdsConnectorFile(folder: string): boolean {
  try {
    return isConnectorFolderListing(fs.readdirSync(folder));
  } catch {
    // Unreadable or gone since it was listed: nothing says the connector is in it.
    return false;
  }
}

function sizeOf(filePath: string): number {
  try {
    return fs.statSync(filePath).size;
  } catch {
    // Gone since it was listed: nothing reads it, and a size of 0 says there was nothing to read.
    return 0;
  }
}

/**
 * How a file of the connector folder is named from the working directory, `folder` being the
 * folder's display path: with the OS's separators, as every finding names its file.
 */
export function displayPathIn(folder: string, name: string, paths: path.PlatformPath = path): string {
  return folder === '.' ? name : paths.join(folder, name);
}

/**
 * `paths.join(folder, name)` for a name from the folder's own listing (no separator in it, never
 * `.` or `..`) and a folder path that is already normalized (resolved, or made by `toDisplayPath`,
 * or made by this function): the join would only copy the same characters through its normalizing
 * loop. The loader's two joins a file and discovery's one a folder cost ~2.5 ms a corpus run, the
 * concatenations ~0.05 ms.
 */
export function entryPath(folder: string, name: string, paths: path.PlatformPath = path): string {
  return folder.endsWith(paths.sep) ? folder + name : folder + paths.sep + name;
}

function loadFile(
  kind: Exclude<FileKind, 'folder'>,
  entry: FolderEntry,
  folder: string,
  realFolder: () => string,
  displayFolder: string,
): LoadedFile {
  const filePath = entryPath(folder, entry.name);
  const displayPath = displayFolder === '.' ? entry.name : entryPath(displayFolder, entry.name);
  const issues: FileIssue[] = [];
  // Only the icon keeps its bytes; the others are decoded to text before the next file is read.
  const bytes = readSafely(filePath, entry, realFolder, issues, kind === 'icon' ? 'kept' : 'decoded');
  const base = { kind, name: entry.name, displayPath, bytes: bytes ? bytes.length : entry.size, issues };

  if (kind === 'icon') return { ...base, kind, data: bytes };
  if (!bytes) return { ...base, kind, document: undefined } as JsonFile | TextFile;

  // Text with a stray NUL is read as text, its NULs reported where they are (see strayNulIssue).
  const read = readBytes(bytes);
  if (read.as !== 'utf8') {
    issues.push({
      ruleId: 'GEN-BINARY',
      message:
        read.as === 'utf16'
          ? `${entry.name} is saved as UTF-16 (${read.order}); save it as UTF-8.`
          : `${entry.name} holds binary data, not text.`,
    });
    // Text saved as UTF-16 is checked all the same (see decodeUtf16); binary data is not read.
    const text = read.as === 'utf16' ? read.text : undefined;
    if (text === undefined) return { ...base, kind, document: undefined } as JsonFile | TextFile;
    return textFile(base, kind, text, false);
  }
  const { decoded } = read;
  const isJson = kind !== 'readme' && kind !== 'script';
  if (decoded.invalidAt !== undefined) {
    issues.push({
      ruleId: 'GEN-ENCODING',
      message: `${entry.name} is not valid UTF-8${decoded.invalidByte === undefined ? '' : ` (${describeNonUtf8Byte(decoded.invalidByte)})`}; save it as UTF-8. The first invalid byte is here.`,
      // JSON documents drop a leading BOM from their text; readme and script texts keep it.
      offset: Math.max(0, decoded.invalidAt - (isJson && decoded.text.charCodeAt(0) === 0xfeff ? 1 : 0)),
    });
  }
  const nul = isJson ? undefined : strayNulIssue(entry.name, decoded.text);
  if (nul) issues.push(nul);
  return textFile(base, kind, decoded.text, decoded.ascii === true);
}

/**
 * GEN-BINARY at the first NUL of a readme or script read as text. A JSON file's NULs are GEN-JSON-PARSE
 * findings already, each at its place (no JSON text holds one), which would only be said twice.
 */
function strayNulIssue(name: string, text: string): FileIssue | undefined {
  const first = text.indexOf('\0');
  if (first === -1) return undefined;
  const count = text.split('\0').length - 1;
  const held = count === 1 ? 'a NUL character (U+0000)' : `${count} NUL characters (U+0000)`;
  return {
    ruleId: 'GEN-BINARY',
    message: `${name} holds ${held}, which no text has (an editor or a paste left ${count === 1 ? 'it' : 'them'}): remove ${count === 1 ? 'it' : 'them'}. The first is here; the rest of the file is checked as text.`,
    offset: first,
  };
}

/** A text file of the folder as read: a readme or script as text, the others as JSON. */
function textFile(
  base: LoadedFileBase,
  kind: Exclude<FileKind, 'folder' | 'icon'>,
  text: string,
  asciiText: boolean,
): JsonFile | TextFile {
  if (kind === 'readme' || kind === 'script') return { ...base, kind, document: new TextDocument(text) };
  return { ...base, kind, document: JsonDocument.parse(text, { asciiText }) };
}

/**
 * What the caller does with a file's bytes: `kept` (an icon's, which rules read), or `decoded` to
 * text at once, when they may be read into the shared buffer (see sharedBufferFor) and are valid only
 * until the next file is read.
 */
type BytesUse = 'kept' | 'decoded';

function readSafely(
  filePath: string,
  entry: FolderEntry,
  realFolder: () => string,
  issues: FileIssue[],
  use: BytesUse,
): Buffer | undefined {
  try {
    if (entry.type === 'file') return readRegularFile(filePath, entry, issues, use);
    const target = fs.realpathSync(filePath);
    if (!isBelow(realFolder(), target)) {
      issues.push({
        ruleId: 'GEN-SYMLINK',
        message: `${entry.name} is a symbolic link to a file outside the connector folder; it was not read. Commit the file itself.`,
      });
      return undefined;
    }
    // A link is stat'ed through to its target before it is opened: opening a FIFO would block.
    if (!readable(fs.statSync(filePath), entry.name, issues)) return undefined;
    return fs.readFileSync(filePath);
  } catch (error) {
    // A regular file that could not be opened is still listed with its size, as the others are.
    if (entry.type === 'file') entry.size = sizeOf(filePath);
    issues.push({ ruleId: 'GEN-UNREADABLE', message: unreadableMessage(filePath, entry, error) });
    return undefined;
  }
}

/**
 * Why a file could not be read and what to do, in the words the commands use for a path they cannot
 * read (core's fileReadError): "readme.md cannot be read: permission denied (EACCES). Check that the
 * user who runs connector-alm may read it …", "icon.png is a symbolic link that leads nowhere (to
 * 'x.png'). …". It said "readme.md could not be read (EACCES)." with nothing to do about it. An error
 * that no system call gave keeps those words.
 */
function unreadableMessage(filePath: string, entry: FolderEntry, error: unknown): string {
  const said = fileReadError(filePath, error, {
    hint:
      entry.type === 'symlink'
        ? 'Commit the file itself in place of the link.'
        : 'It went away while it was read: run the check again.',
  });
  if (isUserError(said)) return `${entry.name} ${describeProblem(said)}`;
  return `${entry.name} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`;
}

/**
 * Reads a file that the folder's listing says is a regular file through one descriptor, whose stat
 * gives the size to check and to read: a stat of the path and then readFileSync cost two more
 * system calls per file (saves ~1,100 stats and ~5 ms a corpus run).
 */
function readRegularFile(
  filePath: string,
  entry: FolderEntry,
  issues: FileIssue[],
  use: BytesUse,
): Buffer | undefined {
  const fd = fs.openSync(filePath, 'r');
  try {
    const stat = fs.fstatSync(fd);
    entry.size = stat.size;
    if (!readable(stat, entry.name, issues)) return undefined;
    const bytes = (use === 'decoded' && sharedBufferFor(stat.size)) || Buffer.allocUnsafe(stat.size);
    let filled = 0;
    while (filled < bytes.length) {
      const count = fs.readSync(fd, bytes, filled, bytes.length - filled, null);
      if (count === 0) break;
      filled += count;
    }
    // A file cut short since its stat is read as it is now, as readFileSync would.
    return filled === bytes.length ? bytes : bytes.subarray(0, filled);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The most bytes the shared buffer holds: the swagger import limit, 1 MB, which every corpus file is
 * under. A larger file gets a buffer of its own.
 */
const SHARED_READ_BUFFER_BYTES = 1024 * 1024;

let sharedReadBuffer: Buffer | undefined;

/**
 * The first `size` bytes of one buffer that every file decoded at once is read into, or undefined when
 * the file is larger than it. Why not a buffer per file: the corpus's 1,153 text files are 31 MB a
 * run, whose memory was given back only when a collection found their buffers dead, and fresh memory
 * costs page faults as it is read into. Reading them took 22-23 ms a run with a buffer each, 20 ms
 * with this one (fastest of 41 interleaved runs, twice; medians 27-35 and 21-31 ms).
 */
function sharedBufferFor(size: number): Buffer | undefined {
  if (size > SHARED_READ_BUFFER_BYTES) return undefined;
  sharedReadBuffer ??= Buffer.allocUnsafe(SHARED_READ_BUFFER_BYTES);
  return sharedReadBuffer.subarray(0, size);
}

/** A regular file within the read limit; otherwise the issue that says why it is not read. */
function readable(stat: fs.Stats, name: string, issues: FileIssue[]): boolean {
  if (!stat.isFile()) {
    issues.push({ ruleId: 'GEN-UNREADABLE', message: `${name} is not a regular file.` });
    return false;
  }
  if (stat.size > MAX_FILE_BYTES) {
    issues.push({
      ruleId: 'GEN-FILE-TOO-LARGE',
      message: `${name} is ${formatBytes(stat.size)}, more than the ${formatBytes(MAX_FILE_BYTES)} this tool reads; it was not checked.`,
    });
    return false;
  }
  return true;
}

/**
 * How many CR LF line endings a text has. A Windows checkout (git's core.autocrlf) has CR LF where
 * the repository has LF, so sizes count each as one character, as the repository stores the file:
 * the same connector then measures the same on every OS.
 */
export function crlfCount(text: string): number {
  // Each CR is found by a one-character search and its LF read after it: the two-character search
  // cost ~25 % more (the corpus's 9 swaggers over the size limits, 88,000 CR LF: 1.54 -> 1.16 ms).
  let count = 0;
  for (let at = text.indexOf('\r'); at !== -1; at = text.indexOf('\r', at + 1)) {
    if (text.charCodeAt(at + 1) === LF) count++;
  }
  return count;
}

const LF = 0x0a;

/**
 * The size of a text file as the repository stores it, LF for each CR LF of the checkout, or
 * `file.bytes` when that is below `limit`: only sizes that may be over a limit need the count, and
 * counting scans the whole text.
 */
export function repositoryBytes(file: JsonFile | TextFile, limit = 0): number {
  if (file.bytes < limit || !file.document) return file.bytes;
  return file.bytes - crlfCount(file.document.text);
}

/** The length of a text as the repository stores it, or its length when that is not over `limit`. */
export function repositoryLength(text: string, limit = 0): number {
  return text.length <= limit ? text.length : text.length - crlfCount(text);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
