/**
 * Old names of Power Platform products that certification reviewers ask to update in readmes:
 * "Please change the text from "Microsoft Flow" to "Microsoft Power Automate"" and "from "PowerApps"
 * to "Power Apps"" (PowerPlatformConnectors PR #140); "there is no word like `MS Automate` in our
 * product. It was renamed as `Power Automate` long back" (PR #909).
 *
 * Case matters for the one-word spellings: lower-case "powerapps" is a host name
 * (make.powerapps.com), and "Microsoft.PowerApps" a resource path, neither of which can be renamed.
 */
const OLD_NAMES =
  /\b(?:(Microsoft Flow|MS Flow|MS Automate)|(Microsoft PowerApps|PowerApps)|(PowerAutomate))\b/gi;

/** What to write for each group of OLD_NAMES. */
const CURRENT_NAMES = ['Power Automate', 'Power Apps', 'Power Automate'];

/**
 * What the text of a line before a name says about it, read once left to right as the names are
 * met in order: an odd number of backticks (inside inline code), a link target `](…` not closed
 * yet, or a URL `http(s)://…` running up to the name. Asked of the line's text before each name
 * afresh, as `/\]\([^)]*$|https?:\/\/\S*$/` and a count of backticks did, a long line of names
 * took quadratic time (400,000 characters of "Microsoft Flow ": 7 s; a 20 MB line, hours).
 */
class LinePrefix {
  private scanned = 0;
  private backticks = 0;
  private linkOpen = -1;
  private closeParen = -1;
  private whitespace = -1;
  private scheme = -1;

  constructor(private readonly text: string) {}

  /** Whether the line's text before `start` (at or after every earlier `start`) puts it in code or an address. */
  inCodeOrAddress(start: number): boolean {
    for (; this.scanned < start; this.scanned++) this.read(this.scanned);
    return this.backticks % 2 === 1 || this.linkOpen > this.closeParen || this.scheme > this.whitespace;
  }

  private read(at: number): void {
    const char = this.text.charAt(at);
    if (char === '\n') {
      this.backticks = 0;
      this.linkOpen = this.closeParen = this.whitespace = this.scheme = -1;
    } else if (char === '`') this.backticks++;
    else if (char === ')') this.closeParen = at;
    else if (char === '(' && this.text.charAt(at - 1) === ']') this.linkOpen = at;
    else if (WHITESPACE.test(char)) this.whitespace = at;
    else if (char === '/') {
      // The scheme counts once it is whole before the name, and only within the line (none holds a line end).
      if (this.text.startsWith('https://', at - 7)) this.scheme = at - 7;
      else if (this.text.startsWith('http://', at - 6)) this.scheme = at - 6;
    }
  }
}

const WHITESPACE = /\s/;

/** A name written inside code (a block of `fences`, or inline code), a link target, a URL or quotes: not prose, and often not ours to change. */
function inCodeOrAddress(
  text: string,
  start: number,
  end: number,
  inFence: boolean,
  line: LinePrefix,
): boolean {
  if (inFence) return true;
  const before = text.charAt(start - 1);
  const after = text.charAt(end);
  if (/[./\\@_-]/.test(before) || /[/\\@_-]/.test(after) || /^\.\w/.test(text.slice(end, end + 2)))
    return true;
  // Quoted as a label of another service (a trigger with the type "Microsoft Flow"): its text, not ours.
  if (/["'\u201c]/.test(before) && /["'\u201d]/.test(after)) return true;
  return line.inCodeOrAddress(start);
}

/** Whether offsets, asked in increasing order, fall in one of the code blocks: each block is passed once. */
function fenceFinder(fences: readonly [number, number][]): (offset: number) => boolean {
  const sorted = [...fences].sort((a, b) => a[1] - b[1]);
  let next = 0;
  return (offset) => {
    while (next < sorted.length && sorted[next]![1] <= offset) next++;
    for (let index = next; index < sorted.length && sorted[index]![0] <= offset; index++) {
      if (offset >= sorted[index]![0]) return true;
    }
    return false;
  };
}

export interface OldProductName {
  offset: number;
  length: number;
  written: string;
  current: string;
}

/**
 * The old product names written in the prose of a readme, in order. `codeBlocks` gives the readme's
 * code blocks as its markdown outline found them (ReadmeOutline.codeBlocks): asked for only when the
 * text names one at all, as most readmes do not.
 */
export function oldProductNames(text: string, codeBlocks: () => [number, number][]): OldProductName[] {
  // Most readmes name none: one case-insensitive search first, before looking for code blocks.
  if (!/flow|powerapps|automate/i.test(text)) return [];
  const found: OldProductName[] = [];
  let inFence: ((offset: number) => boolean) | undefined;
  const line = new LinePrefix(text);
  OLD_NAMES.lastIndex = 0;
  for (let match = OLD_NAMES.exec(text); match !== null; match = OLD_NAMES.exec(text)) {
    const group = match[1] !== undefined ? 0 : match[2] !== undefined ? 1 : 2;
    const written = match[0];
    // "PowerApps" and "PowerAutomate" as written in capitals: the lower-case forms are addresses.
    if (group > 0 && !/^(Microsoft )?Power(Apps|Automate)$/.test(written)) continue;
    inFence ??= fenceFinder(codeBlocks());
    if (inCodeOrAddress(text, match.index, match.index + written.length, inFence(match.index), line))
      continue;
    found.push({ offset: match.index, length: written.length, written, current: CURRENT_NAMES[group]! });
  }
  return found;
}
