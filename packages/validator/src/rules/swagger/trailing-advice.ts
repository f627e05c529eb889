/**
 * What to remove from the end of a title or label that must end with a letter or digit
 * (ValueMustEndWithAlphanumeric): Microsoft's message says what is wrong, this says what to do.
 */
export function removeTrailingAdvice(text: string): string {
  if (/\s$/u.test(text)) return 'Remove the trailing space.';
  return `Remove the trailing '${text.slice(-1)}'.`;
}

/**
 * The text without the spaces and sentence punctuation at its end ("Task name:" → "Task name"),
 * which `validate --fix` writes; undefined when nothing else would be left.
 */
export function withoutTrailingPunctuation(text: string): string | undefined {
  // Walked back from the end: an anchored /[\s.,:;]+$/ is tried from every run's start, quadratic
  // in a label of many such characters not at its end.
  let end = text.length;
  while (end > 0 && TRAILING.test(text[end - 1]!)) end--;
  return end === 0 ? undefined : text.slice(0, end);
}

const TRAILING = /^[\s.,:;]$/u;
