import type { RuleContext } from '../../model/rule.js';
import { asString } from '../../swagger/json-values.js';
import type { OperationInfo } from '../../swagger/operation-info.js';
import { normalizeTitle } from '../../text/normalize-title.js';
import type { OperationCandidate, OperationName } from './closest-operation.js';
import type { LooseListing } from './loose-listing.js';
import type { SectionText } from './section-text.js';

/**
 * Each summary as written, with its name (normalized): the name operations are mostly listed under.
 * Normalized once, for the summaries the rule compares sub-headings with and the operations it looks
 * for in the sections (missingOperations): a summary that reads as a sub-heading (2,081 of the
 * corpus's 5,174) has its name already (SectionText.nameOf).
 */
export function summaryNames(context: RuleContext, first: SectionText): Map<string, string> {
  const names = new Map<string, string>();
  for (const operation of context.swagger?.operations ?? []) {
    const summary = asString(operation.operation.summary);
    // Trimming changes no normalized name: spaces are dropped anyway.
    if (summary && !names.has(summary)) names.set(summary, first.nameOf(summary));
  }
  return names;
}

/** An operation users see that no section lists, by the summary the message names it by. */
export interface MissingOperation {
  summary: string;
  operation: OperationInfo;
}

/**
 * The operations users see (not internal, not deprecated) that no section lists, with their summaries.
 * No list of every visible summary is built: README-OPS-MATCH allocated 3.7-4.0 MB a corpus run with
 * it, 3.4-3.5 MB without.
 */
export function missingOperations(
  context: RuleContext,
  sections: readonly SectionText[],
  names: ReadonlyMap<string, string>,
  loose: LooseListing,
): MissingOperation[] {
  const missing: MissingOperation[] = [];
  for (const operation of context.swagger?.operations ?? []) {
    const summary = asString(operation.operation.summary);
    const normalized = summary ? names.get(summary)! : '';
    // An MCP server's operation stands for the server's tools, which the readme may list in its place.
    if (operation.isInternal || operation.isDeprecated || operation.isMcp || !normalized) continue;
    if (isListed(sections, normalized, operation.operationId)) continue;
    if (loose.lists(operation)) continue;
    missing.push({ summary: summary!.trim(), operation });
  }
  return missing;
}

/**
 * Whether a section lists the operation, by its summary's name or its operationId. Plain loops: a
 * callback per operation and section cost the rule ~0.4 MB a corpus run.
 */
function isListed(sections: readonly SectionText[], name: string, operationId: string | undefined): boolean {
  for (let index = 0; index < sections.length; index++) if (sections[index]!.contains(name)) return true;
  if (!operationId) return false;
  for (let index = 0; index < sections.length; index++) {
    if (sections[index]!.listsOperationId(operationId)) return true;
  }
  return false;
}

/**
 * Every operationId, normalized: the other name an operation may be listed under. Only read for a
 * sub-heading that is no summary, which most sections do not have (normalizing every operationId up
 * front: README-OPS-MATCH allocated 3.4-3.6 MB a corpus run with it, 2.9-3.1 MB without).
 */
export function normalizedOperationIds(context: RuleContext): Set<string> {
  const operationIds = new Set<string>();
  for (const operation of context.swagger?.operations ?? []) {
    if (operation.operationId) operationIds.add(normalizeTitle(operation.operationId));
  }
  return operationIds;
}

/**
 * Every operation, by the names a heading may list it under, for the operation a stale heading
 * means. Internal and deprecated ones too: a heading may name them, and a stale heading closer to
 * one of them than to any other is no clear hint at another.
 */
export function operationCandidates(
  context: RuleContext,
  headingNames: ReadonlySet<string>,
): OperationCandidate[] {
  const candidates: OperationCandidate[] = [];
  for (const { operation, operationId } of context.swagger?.operations ?? []) {
    const names: OperationName[] = [];
    for (const written of [asString(operation.summary)?.trim(), operationId]) {
      const normalized = written ? normalizeTitle(written) : '';
      // An operationId spelling the summary (GetTimeAndBillingEntryAccounts, "Get time and billing
      // entry accounts": 2,483 of the 8,812 names stale headings are compared with) is no other name.
      if (normalized === '' || normalized === names[0]?.normalized) continue;
      names.push({ written: written!, normalized });
    }
    candidates.push({
      names,
      // The summary when it has one (it comes first), else the operationId.
      shownAs: names[0]?.written ?? '',
      hasHeading: names.some((name) => headingNames.has(name.normalized)),
    });
  }
  return candidates;
}
