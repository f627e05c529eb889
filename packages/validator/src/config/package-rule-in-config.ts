import type { UsageError } from '@connector-alm/core';
import { nameExcerpt } from '../text/message-values.js';

/**
 * The mistake of a rule of the certification package check (PKG-*) named in the configuration
 * file's `rules`, or undefined for any other id. It was "Unknown rule 'PKG-SOL-FILES'. The rule ids
 * are listed in docs/rules.md.", which lists it: the file sets the levels of validation rules only,
 * and `package check` reads no configuration file. Told by the prefix, which is the package check's
 * alone: its catalog is the solution package's, which this one does not depend on.
 */
export function packageRuleInConfig(ruleId: string): Pick<UsageError, 'message' | 'hint'> | undefined {
  if (!/^PKG-/i.test(ruleId)) return undefined;
  return {
    message: `'${nameExcerpt(ruleId.toUpperCase())}' is a rule of the certification package check (package check, package build): the configuration file sets no level for package rules (PKG-*).`,
    hint: "Each package rule's level is fixed, as Microsoft's ConnectorPackageValidator.ps1 judges the package: an error fails package check, a warning does not; remove this line.",
  };
}
