/** What a fix of the keys or values of a strict JSON document made of its text (key-renames.ts, value-writes.ts). */
export interface JsonEdits {
  /** The new text; the text as it was when nothing was made. */
  text: string;
  /** How many keys were renamed, or values written. */
  made: number;
  /** Why each one that was not made was left, said to the maker. */
  refused: string[];
}
