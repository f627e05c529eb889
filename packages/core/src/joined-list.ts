/** How many values a list in a sentence names, and how it writes them. */
export interface ListOptions {
  /** The most values named; the rest are counted. All of them unless set. */
  readonly max?: number;
  /** Written on both sides of each value named: `"` for folders, `'` for names. */
  readonly quote?: string;
  /** The count of the rest as the text writes it: plain digits unless set ("1,997" where it groups them). */
  readonly written?: (count: number) => string;
  /** The word before the last value: `and` unless set (`'a', 'b' or 'c'` for names that may be meant). */
  readonly conjunction?: 'and' | 'or';
}

/**
 * Values named in a sentence, `a, b and c`, or `a, b, c and 4 more` past `max` of them: the folders a
 * change touches, the lines a secret is on, the profiles a setting loosens. Messages stay one readable
 * line however many values there are, and only the values named are written out (a file can repeat a
 * secret on a million lines). The values are shown as given: the caller makes them short and printable.
 */
export function joinedList(values: readonly (string | number)[], options: ListOptions = {}): string {
  const { max = Infinity, quote = '', written = String, conjunction = 'and' } = options;
  const named = values.slice(0, max).map((value) => `${quote}${value}${quote}`);
  const rest = values.length - named.length;
  if (rest > 0) return `${named.join(', ')} ${conjunction} ${written(rest)} more`;
  return named.length <= 1
    ? (named[0] ?? '')
    : `${named.slice(0, -1).join(', ')} ${conjunction} ${named.at(-1)}`;
}
