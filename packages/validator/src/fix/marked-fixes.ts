import type { ReportFix } from '../model/report.js';
import type { FixKind, RuleMetadata } from '../model/rule.js';

/** The kind of fix a report names: a key to rename, a value to write or a file to rename. */
export function fixKindOf(fix: ReportFix): FixKind {
  if ('renameKey' in fix) return 'keyRenames';
  if ('renameFile' in fix) return 'fileRenames';
  return 'valueWrites';
}

/** How a reason names one fix of a kind, and the kind. */
const KIND_WORDS: Record<FixKind, { one: string; all: string }> = {
  keyRenames: { one: 'a key rename', all: 'key renames' },
  valueWrites: { one: 'a value write', all: 'value writes' },
  fileRenames: { one: 'a file rename', all: 'file renames' },
};

/**
 * Why `validate --fix` does not make a fix `rule` names, when it is not of the kind the rule is marked
 * with (`namesFixes`); undefined when it is. The mark is what docs/cli.md lists and what a user reads
 * before running --fix: a rule marked to write values must never rename a file or a key, whatever a
 * mistake in its code makes it name. The corpus test (rules-naming-fixes) checks the marks only on the
 * cases the corpus has.
 */
export function unmarkedFixReason(rule: RuleMetadata, fix: ReportFix): string | undefined {
  const kind = fixKindOf(fix);
  if (kind === rule.namesFixes) return undefined;
  const marked = rule.namesFixes === undefined ? 'no fix' : `${KIND_WORDS[rule.namesFixes].all} only`;
  return `${rule.id} named ${KIND_WORDS[kind].one}, which was not made: the rule is marked to name ${marked}. This is a bug in connector-alm's rule; please report it.`;
}
