import { promises as fs } from 'node:fs';
import path from 'node:path';
import { decodeUtf8Strict } from '../text/decode.js';
import { recordedEnding, type RecordedEnding } from '../text/line-endings.js';
import { parseXml, UNPACKED_XML_HINT } from '../xml/parse-xml.js';
import { serializeXml } from '../xml/serialize-xml.js';
import { UNPACKED_STYLE } from '../xml/xml-writer.js';
import { attribute, childElements, element } from '../xml/xml-tree.js';
import { forEachConcurrently } from '../util/concurrency.js';
import { solutionError } from './solution-errors.js';

/**
 * Where an unpacked folder records the files that the export had with CRLF line endings (see
 * text/line-endings), one `<File>` each, sorted:
 *
 *   <LineEndings>
 *     <File path="environmentvariabledefinitions/cat_HitlHostUrl/environmentvariabledefinition.xml" endings="crlf" />
 *   </LineEndings>
 *
 * Written only when a file has CRLF, so a folder sees a line change only when such a file comes or
 * goes. Pack leaves it out of the zip.
 */
export const FOLDER_LINE_ENDINGS = 'Other/LineEndings.xml';

export type LineEndings = ReadonlyMap<string, RecordedEnding>;

/**
 * Parts larger than this are copied as they are by pack, and so not recorded: the largest are
 * canvas apps and other binaries.
 */
export const MAX_RECORDED_BYTES = 64 * 1024 * 1024;
/** Git reads this much of a file to tell text from binary; a NUL in it makes a file binary here too. */
const SNIFF_BYTES = 8000;
/** As many as unpack writes at once (stage-zip). */
const FILES_READ_AT_ONCE = 8;

/** The ending to record for a file, reading a binary one only as far as its first NUL shows. */
async function endingOf(file: string): Promise<RecordedEnding | undefined> {
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size > MAX_RECORDED_BYTES) return undefined;
    const head = Buffer.alloc(Math.min(size, SNIFF_BYTES));
    await handle.read(head, 0, head.length, 0);
    if (head.includes(0)) return undefined;
  } finally {
    await handle.close();
  }
  return recordedEnding(await fs.readFile(file));
}

/**
 * The record of the files of a staged folder (paths relative to it), or undefined when there is none.
 * `known`: the endings of files whose bytes the writer had in hand (see StagedSolution.endings); only
 * the others are read back.
 */
export async function lineEndingsXml(
  folder: string,
  files: readonly string[],
  known: ReadonlyMap<string, RecordedEnding | undefined> = new Map(),
): Promise<string | undefined> {
  const sorted = [...files].sort();
  const endings = sorted.map((file) => known.get(file));
  // Several files read at once: one after the other, each waited for its own open, read and close
  // (a fifth of unpack's time on the benchmark's solution of ~1,500 files).
  await forEachConcurrently(
    sorted.flatMap((file, index) => (known.has(file) ? [] : [{ file, index }])),
    FILES_READ_AT_ONCE,
    async ({ file, index }) => {
      endings[index] = await endingOf(path.join(folder, file));
    },
  );
  const recorded = sorted.flatMap((file, index): Array<[string, RecordedEnding]> => {
    const ending = endings[index];
    return ending === undefined ? [] : [[file, ending]];
  });
  if (recorded.length === 0) return undefined;
  const children = recorded.map(([file, ending]) =>
    element('File', [
      ['path', file],
      ['endings', ending],
    ]),
  );
  return serializeXml(element('LineEndings', [], children), UNPACKED_STYLE);
}

export function parseLineEndings(text: string, file: string): LineEndings {
  const root = parseXml(text, file, UNPACKED_XML_HINT);
  if (root.name !== 'LineEndings')
    throw solutionError(file, `has a <${root.name}> root; expected <LineEndings>.`);
  const endings = new Map<string, RecordedEnding>();
  for (const node of childElements(root)) {
    const filePath = attribute(node, 'path');
    const ending = attribute(node, 'endings');
    if (node.name !== 'File' || !filePath || (ending !== 'crlf' && ending !== 'mixed'))
      throw solutionError(file, `has an entry that is not <File path="…" endings="crlf|mixed" />.`);
    endings.set(filePath, ending);
  }
  return endings;
}

/** The record of an unpacked folder whose files are `files`; empty when it has none. */
export async function readLineEndings(folder: string, files: readonly string[]): Promise<LineEndings> {
  if (!files.includes(FOLDER_LINE_ENDINGS)) return new Map();
  const file = path.join(folder, FOLDER_LINE_ENDINGS);
  return parseLineEndings(decodeUtf8Strict(await fs.readFile(file), file), file);
}
