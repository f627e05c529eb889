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

/** A name written inside code (a block of `fences`, or inline code), a link target, a URL or quotes: not prose, and often not ours to change. */
function inCodeOrAddress(text: string, start: number, end: number, fences: [number, number][]): boolean {
  if (fences.some(([from, to]) => start >= from && start < to)) return true;
  const before = text.charAt(start - 1);
  const after = text.charAt(end);
  if (/[./\\@_-]/.test(before) || /[/\\@_-]/.test(after) || /^\.\w/.test(text.slice(end, end + 2)))
    return true;
  // Quoted as a label of another service (a trigger with the type "Microsoft Flow"): its text, not ours.
  if (/["'\u201c]/.test(before) && /["'\u201d]/.test(after)) return true;
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const line = text.slice(lineStart, start);
  // An odd number of backticks before it on its line: inside inline code.
  return (line.match(/`/g)?.length ?? 0) % 2 === 1 || /\]\([^)]*$|https?:\/\/\S*$/.test(line);
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
  let fences: [number, number][] | undefined;
  OLD_NAMES.lastIndex = 0;
  for (let match = OLD_NAMES.exec(text); match !== null; match = OLD_NAMES.exec(text)) {
    const group = match[1] !== undefined ? 0 : match[2] !== undefined ? 1 : 2;
    const written = match[0];
    // "PowerApps" and "PowerAutomate" as written in capitals: the lower-case forms are addresses.
    if (group > 0 && !/^(Microsoft )?Power(Apps|Automate)$/.test(written)) continue;
    fences ??= codeBlocks();
    if (inCodeOrAddress(text, match.index, match.index + written.length, fences)) continue;
    found.push({ offset: match.index, length: written.length, written, current: CURRENT_NAMES[group]! });
  }
  return found;
}
