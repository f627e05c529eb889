import type { FixtureFiles } from '../helpers/fixture.js';
import type { Json } from '../helpers/swagger-cases.js';
import { validConnectorFiles } from '../helpers/valid-connector.js';
import type { Profile } from '../../src/model/finding.js';

/** The files an example's fragment can go into; `folder` takes file names or paths, one per fragment. */
export type ExampleFile = 'swagger' | 'apiProperties' | 'settings' | 'readme' | 'script' | 'folder';

/**
 * Where a rule's example goes in the valid connector (test/helpers/valid-connector.ts), and how.
 * - JSON files: the fragment is an object (`{ … }`) or members (`"key": …`, read as an object).
 *   `merge` (the default) merges it into the value at `at`, deeply: objects member by member, arrays
 *   and other values replaced. `set` replaces the members it names, each as a whole. `only` makes the
 *   fragment the whole value at `at`. `replace` puts the fragment's very text at `at` (so a trailing
 *   comma or a repeated key stays what it is).
 *   In JSON, `…` stands for what is left out. With `set` and `only`, an object with `…` keeps the
 *   members the connector has there (items of an array by their index); with `merge` everything is
 *   kept anyway. With `replace`, and in arrays, what is left out is not there (`{…}` is `{}`).
 * - readme and script: the fragment is the whole file.
 * - folder: the fragment names files the folder has (after its top folder and the connector's name,
 *   if it gives them), joined by `and` or commas; "a folder with only …" names all its files.
 */
export interface ExamplePlace {
  file: ExampleFile;
  /** A JSON pointer into the file (default: its root). */
  at?: string;
  mode?: PlaceMode;
  /** Where the good example goes when it is not where the bad one goes. */
  goodAt?: string;
  goodMode?: PlaceMode;
  /** The good example is the fix of the bad one: it is placed into the bad example's connector. */
  goodFixesBad?: boolean;
  /**
   * What the example's words say is around the fragment (e.g. "with scopes { … }"), made in the
   * valid connector first; the words themselves are cut off by `cut`.
   */
  context?: (files: ExampleFiles) => void;
  /** A pattern of the example's words after the fragment, removed before it is read as JSON. */
  cut?: RegExp;
  /** The profile to validate under (default: the first where the rule is on). */
  profile?: Profile;
  /** Why the good example is words ("only the connector files"): the connector without the bad one is. */
  goodInWords?: string;
}

/** Where a placement of a rule's example is in the valid connector, and what it says is there. */
export type PlacementPointer = Required<Pick<ExamplePlace, 'file' | 'at'>> & Pick<ExamplePlace, 'context'>;

export type PlaceMode = 'merge' | 'set' | 'only' | 'replace';

/** The valid connector's files, with the JSON ones as objects the context may change. */
export interface ExampleFiles {
  swagger: Json;
  apiProperties: Json;
  settings: Json;
  readme: string;
  script: string | undefined;
  /** Paths of extra files, relative to the connector folder. */
  extra: string[];
  /** When set, the folder has only these files (of the valid connector's and the extra ones). */
  only: string[] | undefined;
  /** The connector folder's name. */
  name: string;
  /** Replaced JSON text, by file (for `replace`). */
  text: Partial<Record<'swagger' | 'apiProperties' | 'settings', string>>;
}

/** The valid connector, ready for a context and a fragment. Settings are written only when changed. */
export function baseExampleFiles(): ExampleFiles {
  const files = validConnectorFiles();
  return {
    swagger: files['apiDefinition.swagger.json'] as Json,
    apiProperties: files['apiProperties.json'] as Json,
    settings: {},
    readme: files['readme.md'] as string,
    script: undefined,
    extra: [],
    only: undefined,
    name: 'Contoso',
    text: {},
  };
}

/** Puts one fragment into `files` at its place. Throws, naming the fragment, when it is not JSON. */
export function placeFragment(
  files: ExampleFiles,
  place: ExamplePlace,
  fragment: string,
  which: 'bad' | 'good',
): void {
  const at = (which === 'good' ? place.goodAt : undefined) ?? place.at ?? '';
  const mode = (which === 'good' ? place.goodMode : undefined) ?? place.mode ?? 'merge';
  const text = place.cut ? fragment.replace(place.cut, '') : fragment;
  switch (place.file) {
    case 'readme':
      files.readme = text;
      return;
    case 'script':
      files.script = text;
      return;
    case 'folder': {
      const only = /^a folder with only (.*)$/.exec(text);
      const names = (only ? only[1]! : text).split(/, | and /).map((name) => name.trim());
      for (const name of names) placeFolderName(files, name);
      if (only) files.only = names;
      return;
    }
    default:
      placeJson(files, place.file, at, mode, text);
  }
}

function placeJson(
  files: ExampleFiles,
  file: 'swagger' | 'apiProperties' | 'settings',
  at: string,
  mode: PlaceMode,
  fragment: string,
): void {
  const text = asObjectText(markEllipses(fragment));
  // A fix placed into a replaced file (goodFixesBad) starts from what the file then says.
  const replaced = files.text[file];
  if (replaced !== undefined) {
    files[file] = parseExample(replaced, fragment);
    delete files.text[file];
  }
  if (mode === 'replace') {
    // A marker string stands in for the fragment, whose text then replaces it in the written file.
    const marker = `@@example-${file}@@`;
    files[file] = atPointer(files[file], at, () => marker);
    const written = JSON.stringify(files[file], null, 2);
    files.text[file] = written.replace(
      JSON.stringify(marker),
      JSON.stringify(withoutMarks(parseIfJson(text))) ?? text,
    );
    return;
  }
  const value = parseExample(text, fragment);
  files[file] = atPointer(files[file], at, (current) => {
    if (mode === 'merge') return deepMerge(current, withoutMarks(value));
    if (mode === 'only') return kept(current, value);
    const object = isPlainObject(current) ? { ...current } : {};
    for (const [key, member] of Object.entries(value)) object[key] = kept(object[key], member);
    return object;
  });
}

const KEEP = '\u2026';

/**
 * Marks each `…` that stands for members of an object as a member `"…": true`; drops the others
 * (items of an array, words between fragments).
 */
function markEllipses(fragment: string): string {
  return fragment
    .replace(/\{\s*…\s*\}/g, `{ "${KEEP}": true }`)
    .replace(/,\s*…\s*\}/g, `, "${KEEP}": true }`)
    .replace(/\{\s*…\s*,?\s*(?=")/g, `{ "${KEEP}": true, `)
    .replace(/,\s*…\s*\]/g, ']')
    .replace(/\[\s*…\s*\]/g, '[]')
    .replace(/(?<!")…(?!")\s*,?/g, '');
}

/** `value` as the whole value where `current` was, keeping what `current` has where `value` says `…`. */
function kept(current: unknown, value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map((item, index) => kept(Array.isArray(current) ? current[index] : undefined, item));
  }
  if (!isPlainObject(value)) return value;
  const result: Json = KEEP in value && isPlainObject(current) ? { ...current } : {};
  for (const [key, member] of Object.entries(value)) {
    if (key !== KEEP) result[key] = kept(isPlainObject(current) ? current[key] : undefined, member);
  }
  return result;
}

function withoutMarks(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMarks);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== KEEP)
      .map(([key, member]) => [key, withoutMarks(member)]),
  );
}

/** The text's value when it is JSON whose text need not be kept as it is; else undefined. */
function parseIfJson(text: string): unknown {
  if (!text.includes(KEEP)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseExample(text: string, fragment: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch (error) {
    throw new Error(`The example is not JSON (${(error as Error).message}):\n${fragment}`, { cause: error });
  }
}

/** A fragment written as members is read as the object they make. */
function asObjectText(fragment: string): string {
  return fragment.trimStart().startsWith('"') ? `{ ${fragment} }` : fragment;
}

/** Replaces the value at `pointer` (creating objects on the way) with `change(current)`. */
function atPointer(root: Json, pointer: string, change: (current: unknown) => unknown): Json {
  if (pointer === '') return change(root) as Json;
  const keys = pointer
    .split('/')
    .slice(1)
    .map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
  let parent: Json = root;
  for (const key of keys.slice(0, -1)) {
    if (typeof parent[key] !== 'object' || parent[key] === null) parent[key] = {};
    parent = parent[key] as Json;
  }
  const last = keys[keys.length - 1]!;
  parent[last] = change(parent[last]);
  return root;
}

function deepMerge(current: unknown, value: unknown): unknown {
  if (!isPlainObject(current) || !isPlainObject(value)) return value;
  const merged: Json = { ...current };
  for (const [key, member] of Object.entries(value)) merged[key] = deepMerge(current[key], member);
  return merged;
}

function isPlainObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const TOP_FOLDERS = ['certified-connectors/', 'independent-publisher-connectors/', 'custom-connectors/'];
const CONNECTOR_FILES = ['apiDefinition.swagger.json', 'apiProperties.json', 'readme.md'];

/**
 * A path under a top folder names the connector folder (`certified-connectors/Contoso Tasks`), or a
 * file in it (`…/Contoso/screenshot.png`); a connector file deeper down (`…/Contoso/v2/readme.md`)
 * puts the connector folder there. A bare name is a file of the folder.
 */
function placeFolderName(files: ExampleFiles, name: string): void {
  const top = TOP_FOLDERS.find((folder) => name.startsWith(folder));
  if (!top) {
    files.extra.push(name);
    return;
  }
  const segments = name.slice(top.length).split('/');
  const last = segments[segments.length - 1]!;
  if (segments.length === 1) {
    files.name = last;
  } else if (CONNECTOR_FILES.includes(last)) {
    files.name = segments.slice(0, -1).join('/');
  } else {
    files.name = segments[0]!;
    files.extra.push(segments.slice(1).join('/'));
  }
}

/** The files of the connector folder, as `writeConnector` takes them. */
export function exampleFixture(files: ExampleFiles): FixtureFiles {
  const fixture: FixtureFiles = {
    'apiDefinition.swagger.json': files.text.swagger ?? files.swagger,
    'apiProperties.json': files.text.apiProperties ?? files.apiProperties,
    'readme.md': files.readme,
  };
  if (files.text.settings !== undefined || Object.keys(files.settings).length > 0) {
    fixture['settings.json'] = files.text.settings ?? files.settings;
  }
  if (files.script !== undefined) fixture['script.csx'] = files.script;
  for (const extra of files.extra) {
    // A file the example names, with content of its kind (an empty PNG is no PNG).
    fixture[extra] = fixture[extra] ?? (extra.endsWith('.json') ? {} : 'x');
  }
  const only = files.only;
  return only ? Object.fromEntries(Object.entries(fixture).filter(([name]) => only.includes(name))) : fixture;
}
