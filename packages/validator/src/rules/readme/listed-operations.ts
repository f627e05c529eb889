import type { RuleContext } from '../../model/rule.js';
import { asString } from '../../swagger/json-values.js';
import { normalizeTitle } from '../../text/normalize-title.js';
import type { OperationCandidate, OperationName } from './closest-operation.js';
import type { LooseListing } from './loose-listing.js';
import type { SectionText } from './section-text.js';

/** What the Supported Operations cross-check learns from the swagger's operations, in one pass. */
interface OperationNames {
  /** Summaries users see (not internal, not deprecated) that the section's text does not contain. */
  missing: string[];
  /** Every operation's summary, normalized: the name operations are mostly listed under. */
  summaries: Set<string>;
}

/**
 * Each summary is normalized once, and checked against the section as it is read: no list of every
 * visible summary (README-OPS-MATCH allocated 3.7-4.0 MB a corpus run with it, 3.4-3.5 MB without).
 */
export function operationNames(
  context: RuleContext,
  sections: readonly SectionText[],
  loose: LooseListing,
): OperationNames {
  const missing: string[] = [];
  const summaries = new Set<string>();
  const first = sections[0]!;
  for (const operation of context.swagger?.operations ?? []) {
    const summary = asString(operation.operation.summary);
    // Trimming changes no normalized name: spaces are dropped anyway.
    const normalized = summary ? first.nameOf(summary) : '';
    if (summary) summaries.add(normalized);
    // An MCP server's operation stands for the server's tools, which the readme may list in its place.
    if (operation.isInternal || operation.isDeprecated || operation.isMcp || !normalized) continue;
    if (isListed(sections, normalized, operation.operationId)) continue;
    if (loose.lists(summary!, operation)) continue;
    missing.push(summary!.trim());
  }
  return { missing, summaries };
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
