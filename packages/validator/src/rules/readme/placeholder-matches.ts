/** Text of a template left in a readme: where it is found, and what to write instead. */
export interface Placeholder {
  pattern: RegExp;
  message: (match: RegExpExecArray) => string;
  /**
   * Text that every match contains, searched first because the engine finds a plain string far
   * faster than it tries a pattern at every line start (the "# Title" pattern: 1.1 ms a corpus run,
   * 0.1 ms with it).
   */
  contains?: string;
  /** Whether a match of the pattern is a placeholder: the pattern finds where one may be. */
  keep?: (match: RegExpExecArray) => boolean;
}

/** A placeholder found in a readme: its offset and length in the text, and what to write instead. */
export interface PlaceholderMatch {
  offset: number;
  length: number;
  message: string;
}

/** Every match of the placeholders in the text, placeholder by placeholder, each in text order. */
export function* placeholderMatches(
  text: string,
  placeholders: readonly Placeholder[],
): Generator<PlaceholderMatch, void, undefined> {
  for (const { pattern, message, contains, keep } of placeholders) {
    if (contains !== undefined && !text.includes(contains)) continue;
    // An exec loop on the pattern itself: matchAll copies the pattern on every call.
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      if (keep === undefined || keep(match))
        yield { offset: match.index, length: match[0].length, message: message(match) };
      pattern.lastIndex = match.index + 1;
    }
  }
}
