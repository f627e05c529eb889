/**
 * Inflation: a connector's files with every value made long, to prove by input, not by reading the
 * rules, that no finding quotes a value whole. Each string value of the JSON files, each object key
 * that names something (a path, a definition, a property), each readme line and each string literal
 * and identifier of the script is padded; a rule that quotes one whole then makes a message of
 * thousands of characters, which boundedMessage cuts ("Message cut"). Pure text in, text out: the
 * folder copy is in inflate-folder.ts.
 */

/** The character values are padded with: a run of it longer than a name excerpt was quoted whole. */
export const PAD = 'z';

/**
 * Where the padding goes. `end` keeps the value's first characters, so rules still recognise prefixes
 * (`x-ms-`, `https://`, `#/definitions/`); `start` puts it before them; `inside` repeats the value
 * with spaces, a line feed and a tab between the copies.
 */
export type Placement = 'end' | 'start' | 'inside';
export const PLACEMENTS: readonly Placement[] = ['end', 'start', 'inside'];

export interface InflateOptions {
  placement: Placement;
  /** A padded value's length (default 12,000: past MAX_MESSAGE_LENGTH on its own). */
  valueLength?: number;
  /**
   * A padded key's length (default 3,000). Keys past 4,096 characters, or keys from the root adding
   * up to 8,192, are refused by design (json/key-length.ts), so a key is padded only while the keys
   * above it leave room.
   */
  keyLength?: number;
  /** Keys padded: none, those that name something (under `paths`, `properties`, …), or every key. */
  keys?: 'none' | 'names' | 'every';
  /** Every `stride`-th string is padded, from the `offset`-th: to keep a large file's copy bounded. */
  stride?: number;
  offset?: number;
}

const DEFAULT_VALUE_LENGTH = 12_000;
const DEFAULT_KEY_LENGTH = 3_000;
/** Room left under MAX_JSON_KEY_PATH_LENGTH (8,192) for the unpadded keys of a path and its '/'s. */
const KEY_PATH_BUDGET = 7_600;

/** `text` made `length` characters long (or longer, when it is already), padded as `placement` says. */
export function inflateText(text: string, length: number, placement: Placement): string {
  if (text.length >= length) return text;
  if (placement === 'start') return `${PAD.repeat(length - text.length)}${text}`;
  if (placement === 'end') return `${text}${PAD.repeat(length - text.length)}`;
  const unit = `${text || PAD} \n\t${PAD.repeat(8)} `;
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** Whether the `index`-th item (0-based) is one that `options` pads. */
function chosen(index: number, options: InflateOptions): boolean {
  const stride = options.stride ?? 1;
  return index % stride === (options.offset ?? 0) % stride;
}

/**
 * Members whose keys the author names, not the format: the keys that messages quote as names. Under
 * `paths` a padded key keeps its leading '/', so that it is still a path.
 */
const NAMING_PARENTS = new Set([
  'paths',
  'definitions',
  'properties',
  'parameters',
  'responses',
  'securityDefinitions',
  'scopes',
  'headers',
  'connectionParameters',
  'customParameters',
  'x-ms-dynamic-values',
  'x-ms-dynamic-schema',
]);

/**
 * A path made long: its '/' kept first, without which it is no path. Padded at the start by the same
 * number of characters whatever its length, so that paths whose first segments were alike still are,
 * and routes that overlapped still do.
 */
function inflatePath(path: string, length: number, placement: Placement): string {
  if (placement !== 'start') return `/${inflateText(path.slice(1), length - 1, 'end')}`;
  return `/${PAD.repeat(length - 1)}${path.slice(1)}`;
}

/** The number of strings `inflateJson` can pad in `value`: for choosing a stride. */
export function countStrings(value: unknown): number {
  if (typeof value === 'string') return 1;
  if (value === null || typeof value !== 'object') return 0;
  let count = 0;
  for (const member of Object.values(value)) count += countStrings(member);
  return count;
}

/** A parsed JSON value with its strings, and its keys as `options.keys` says, padded. */
export function inflateJson(value: unknown, options: InflateOptions): unknown {
  const valueLength = options.valueLength ?? DEFAULT_VALUE_LENGTH;
  const keyLength = options.keyLength ?? DEFAULT_KEY_LENGTH;
  const keys = options.keys ?? 'none';
  let strings = 0;
  let keyIndex = 0;
  const visit = (node: unknown, parentKey: string | undefined, pathLength: number): unknown => {
    if (typeof node === 'string') {
      return chosen(strings++, options) ? inflateText(node, valueLength, options.placement) : node;
    }
    if (node === null || typeof node !== 'object') return node;
    // An array's items are not named by its key: `parameters: [{ name, in }]` holds no names as keys.
    if (Array.isArray(node)) return node.map((item) => visit(item, undefined, pathLength));
    const result: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(node as Record<string, unknown>)) {
      const eligible =
        keys === 'every' || (keys === 'names' && parentKey !== undefined && NAMING_PARENTS.has(parentKey));
      let name = key;
      if (eligible && chosen(keyIndex++, options) && pathLength + keyLength <= KEY_PATH_BUDGET) {
        name =
          parentKey === 'paths' && key.startsWith('/')
            ? inflatePath(key, keyLength, options.placement)
            : inflateText(key, keyLength, options.placement === 'inside' ? 'end' : options.placement);
      }
      // Two keys padded alike would be one: the later is kept as it was.
      if (name in result) name = key;
      result[name] = visit(member, key, pathLength + name.length + 1);
    }
    return result;
  };
  return visit(value, undefined, 0);
}

/**
 * A readme with its lines made long: a heading's text padded after its `#`s, so it is still a heading;
 * blank lines and code fences left, so the blocks are still what they were.
 */
export function inflateReadme(text: string, options: InflateOptions): string {
  const length = options.valueLength ?? DEFAULT_VALUE_LENGTH;
  let index = 0;
  return text
    .split('\n')
    .map((line) => {
      if (line.trim() === '' || /^\s*(```|~~~)/.test(line) || !chosen(index++, options)) return line;
      const heading = /^(\s*#{1,6}\s+)(.*)$/.exec(line);
      const placement = options.placement === 'inside' ? 'end' : options.placement;
      return heading
        ? `${heading[1]}${inflateText(heading[2]!.replace(/\r$/, ''), length, placement)}`
        : inflateText(line.replace(/\r$/, ''), length, placement);
    })
    .join('\n');
}

/** C# words that are not identifiers: padding them would make the script something else. */
const CSHARP_KEYWORDS = new Set(
  (
    'abstract as async await base bool break byte case catch char checked class const continue ' +
    'decimal default delegate do double else enum event explicit extern false finally fixed float for ' +
    'foreach get goto if implicit in int interface internal is lock long namespace new null object ' +
    'operator out override params private protected public readonly ref return sbyte sealed set short ' +
    'sizeof stackalloc static string struct switch this throw true try typeof uint ulong unchecked ' +
    'unsafe ushort using var virtual void volatile while'
  ).split(' '),
);

/** Comments, strings and identifiers of C#, in that order of precedence. */
const CSHARP_TOKEN = /(\/\/[^\n]*|\/\*[\s\S]*?\*\/)|(@?\$?"(?:[^"\\\n]|\\.)*")|([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * A script with its string literals, and its identifiers when `identifiers` is set, made long: the
 * same identifier is padded alike everywhere, so the script still refers to what it declares. The
 * whole is kept under the script rules' 1 MB by padding to `length` fewer of them.
 */
export function inflateScript(
  text: string,
  options: InflateOptions & { identifiers?: boolean; length?: number },
): string {
  const length = options.length ?? options.valueLength ?? DEFAULT_VALUE_LENGTH;
  let index = 0;
  return text.replace(CSHARP_TOKEN, (token, comment?: string, literal?: string, identifier?: string) => {
    if (comment !== undefined) return token;
    if (literal !== undefined) {
      if (!chosen(index++, options)) return token;
      const open = literal.indexOf('"') + 1;
      const inner = literal.slice(open, -1);
      const padded = inflateText(inner, length, options.placement === 'inside' ? 'end' : options.placement);
      return `${literal.slice(0, open)}${padded}"`;
    }
    if (!options.identifiers || CSHARP_KEYWORDS.has(identifier!)) return token;
    return `${identifier}${PAD.repeat(Math.max(0, length - identifier!.length))}`;
  });
}
