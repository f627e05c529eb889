/**
 * Edits of a file's text as hands, merges and broken copies make them, for fuzz tests: a cut-off
 * end, deleted or inserted characters, a pasted run from elsewhere in the file, a repeated line,
 * and the JSON slips `validate --fix` writes fixed (a trailing comma, a comment, single quotes, a
 * missing comma). `pick(n)` is a seeded whole number in [0, n); each edit is described, so that a
 * failure says what was done.
 */
export function withTextCorruptions(
  text: string,
  pick: (n: number) => number,
  count: number,
): { text: string; edits: string[] } {
  const edits: string[] = [];
  for (let index = 0; index < count; index++) {
    const corruption = CORRUPTIONS[pick(CORRUPTIONS.length)]!;
    const made = corruption(text, pick);
    if (made === undefined) continue;
    text = made.text;
    edits.push(made.edit);
  }
  return { text, edits };
}

type Corruption = (text: string, pick: (n: number) => number) => { text: string; edit: string } | undefined;

/** Characters that mean something to a JSON, markdown or C# reader, and some that mean trouble. */
const INSERTED = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  "'",
  '\\',
  '/*',
  '//',
  '#',
  '```',
  '\n',
  '\r',
  '\t',
  '\u0000',
  '\uFEFF',
  '\uD800',
  'é',
  'null',
  '<<<<<<< HEAD\n',
];

const CORRUPTIONS: readonly Corruption[] = [
  (text, pick) => {
    const at = pick(text.length + 1);
    return { text: text.slice(0, at), edit: `cut off at ${at}` };
  },
  (text, pick) => {
    const at = pick(text.length + 1);
    const length = 1 + pick(20);
    return { text: text.slice(0, at) + text.slice(at + length), edit: `${length} deleted at ${at}` };
  },
  (text, pick) => {
    const at = pick(text.length + 1);
    const inserted = INSERTED[pick(INSERTED.length)]!;
    return {
      text: text.slice(0, at) + inserted + text.slice(at),
      edit: `${JSON.stringify(inserted)} at ${at}`,
    };
  },
  (text, pick) => {
    const at = pick(text.length + 1);
    const from = pick(text.length + 1);
    const run = text.slice(from, from + pick(200));
    return { text: text.slice(0, at) + run + text.slice(at), edit: `${from}+${run.length} pasted at ${at}` };
  },
  (text, pick) => {
    const lines = text.split('\n');
    const line = pick(lines.length);
    const copied = pick(lines.length);
    lines.splice(line, 0, lines[copied]!);
    return { text: lines.join('\n'), edit: `line ${copied + 1} repeated before line ${line + 1}` };
  },
  (text, pick) => {
    const closers = offsetsOf(text, /\n\s*[}\]]/g);
    if (closers.length === 0) return undefined;
    const at = closers[pick(closers.length)]!;
    return { text: `${text.slice(0, at)},${text.slice(at)}`, edit: `trailing comma at ${at}` };
  },
  (text, pick) => {
    const keys = offsetsOf(text, /\n\s*"/g);
    if (keys.length === 0) return undefined;
    const at = keys[pick(keys.length)]! + 1;
    const comment = ['// note\n', '/* note */ '][pick(2)]!;
    return {
      text: text.slice(0, at) + comment + text.slice(at),
      edit: `${JSON.stringify(comment)} at ${at}`,
    };
  },
  (text, pick) => {
    const commas = offsetsOf(text, /,\n/g);
    if (commas.length === 0) return undefined;
    const at = commas[pick(commas.length)]!;
    return { text: text.slice(0, at) + text.slice(at + 1), edit: `comma at ${at} deleted` };
  },
  (text, pick) => {
    const keys = offsetsOf(text, /\n\s*"[^"'\\\n]*"/g);
    if (keys.length === 0) return undefined;
    const open = text.indexOf('"', keys[pick(keys.length)]!);
    const close = text.indexOf('"', open + 1);
    return {
      text: `${text.slice(0, open)}'${text.slice(open + 1, close)}'${text.slice(close + 1)}`,
      edit: `single quotes at ${open}`,
    };
  },
];

function offsetsOf(text: string, pattern: RegExp): number[] {
  return [...text.matchAll(pattern)].map((match) => match.index);
}
