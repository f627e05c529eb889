/**
 * What to remove from the end of a title or label that must end with a letter or digit
 * (ValueMustEndWithAlphanumeric): Microsoft's message says what is wrong, this says what to do.
 */
export function removeTrailingAdvice(text: string): string {
  if (/\s$/u.test(text)) return 'Remove the trailing space.';
  return `Remove the trailing '${text.slice(-1)}'.`;
}
