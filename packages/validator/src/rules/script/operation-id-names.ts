/**
 * How a script names the operation it runs for: `Context.OperationId` itself, and the local variables
 * that hold it (`var operationId = this.Context.OperationId;`, as Consumer Complaints, Veterans Affairs
 * Facilities and DocuSignDemo write it). CSX-OPIDS compared literals with `OperationId` only, and a
 * typo behind such a variable went unseen. Pure: patterns over code whose comments and literals are
 * blanked.
 */
export interface OperationIdPatterns {
  /** A comparison that a literal ends (`OperationId == "X"`, `op.Equals("X"`, `Equals(op, "X"`). */
  comparedBefore: RegExp;
  /** A comparison that a literal starts (`"X" == OperationId`, `"X".Equals(op`, `"X", op`). */
  comparedAfter: RegExp;
  /** `switch (op) {`: its case labels are compared. */
  switchStatement: RegExp;
  /** `op switch {`: a switch expression, whose arms (`"X" =>`) are compared. */
  switchExpression: RegExp;
  /** Each name as a word, for the mentions near a literal. */
  mention: RegExp;
}

/** A local variable that takes the operation id, its name in group 1. */
const ALIAS = /\b(?:var|string)\s+(\w+)\s*=\s*[\w.]*\bOperationId\s*;/g;

/** The names of the operation id in `code`: OperationId, then the variables that hold it. */
export function operationIdNames(code: string): string[] {
  const names = ['OperationId'];
  for (const match of code.matchAll(ALIAS)) if (!names.includes(match[1]!)) names.push(match[1]!);
  return names;
}

const cache = new Map<string, OperationIdPatterns>();

/** The patterns for `names` (identifiers, so safe in a pattern), made once per set of names. */
export function operationIdPatterns(names: readonly string[]): OperationIdPatterns {
  const key = names.join('|');
  let patterns = cache.get(key);
  if (!patterns) {
    // `OperationId` is the last part of a member access (`this.Context.OperationId`); a variable stands alone.
    const aliases = names.length > 1 ? `|\\b(?:${names.slice(1).join('|')})` : '';
    const name = `(?:[\\w.]*\\bOperationId${aliases})\\b`;
    // Searched through the whole script: no `[\\w.]*` before the name, which a long run of word
    // characters would make quadratic; the patterns above read windows of 80 characters.
    const bare = `(?:\\bOperationId${aliases})\\b`;
    patterns = {
      comparedBefore: new RegExp(
        `(?:${name}\\s*[!=]=\\s*|${name}\\s*\\.\\s*Equals\\s*\\(\\s*|Equals\\s*\\(\\s*${name}\\s*,\\s*)$`,
      ),
      comparedAfter: new RegExp(`^\\s*(?:[!=]=|\\.\\s*Equals\\s*\\(|,)\\s*${name}`),
      switchStatement: new RegExp(`\\bswitch\\s*\\(\\s*${name}\\s*\\)`, 'g'),
      switchExpression: new RegExp(`${bare}\\s+switch\\s*\\{`, 'g'),
      mention: new RegExp(`OperationId${aliases}`, 'g'),
    };
    cache.set(key, patterns);
  }
  return patterns;
}
