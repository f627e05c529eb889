/**
 * Prose broken into lines of at most `width` characters at spaces, for a terminal, which would
 * otherwise break a long paragraph mid-word at its edge. Each line of `text` is wrapped on its own;
 * lines after the first of each start with `indent` (counted in the width). A word longer than the
 * width (a web address) keeps a line of its own rather than being cut, so it can still be copied.
 * Without a width (output to a pipe or a file), the text is returned as it is: one line per
 * paragraph, which grep and an editor read best.
 */
export function wrapWords(text: string, width: number | undefined, indent = ''): string {
  if (width === undefined) return text;
  return text
    .split('\n')
    .map((line) => wrapLine(line, width, indent))
    .join('\n');
}

function wrapLine(line: string, width: number, indent: string): string {
  const lines: string[] = [];
  let current = '';
  for (const word of spacedWords(line)) {
    if (current === '' || current.length + word.length <= width) current += word;
    else {
      lines.push(current);
      current = `${indent}${word.trimStart()}`;
    }
  }
  lines.push(current);
  return lines.join('\n');
}

/**
 * Each word with the spaces before it: a line's own indent and the spaces that align a column are
 * kept where the line is not broken, and dropped where it is.
 */
function spacedWords(line: string): string[] {
  const words: string[] = [];
  let end = 0;
  for (const match of line.matchAll(/\S+/g)) {
    words.push(line.slice(end, match.index + match[0].length));
    end = match.index + match[0].length;
  }
  return words;
}
