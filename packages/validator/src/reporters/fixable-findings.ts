import { plural } from '@connector-alm/core';
import type { Finding } from '../model/finding.js';
import { projectDocUrl } from '@connector-alm/core';

/** The command that makes the fixes that findings name, as their messages write it. */
export const FIX_COMMAND = 'connector-alm validate --fix';

/** Where the CLI reference says what `validate --fix` fixes and what it leaves. */
export const FIX_DOC_URL = `${projectDocUrl('docs/cli.md')}#fixing-findings-validate---fix`;

/**
 * "3 problems can be fixed by connector-alm validate --fix.", for the findings that --fix fixes, as
 * their messages say one by one: a maker who reads a long list learns that part of it needs no work
 * by hand. Undefined when none does.
 */
export function fixableSentence(findings: readonly Finding[], command = FIX_COMMAND): string | undefined {
  const fixable = findings.filter((finding) => finding.fixable).length;
  return fixable === 0 ? undefined : `${plural(fixable, 'problem')} can be fixed by ${command}.`;
}
