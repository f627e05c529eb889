import type { Severity } from '../model/finding.js';
import type { ChangeImpact } from './change.js';

/** A kind of change: its stable id, what it means, and the text every report of it starts with. */
export interface ChangeRule {
  id: string;
  impact: ChangeImpact;
  severity: Severity;
  /** Microsoft's exact text where the catalog quotes one (rules.md §2), else ours in the same style. */
  message: string;
  /** Where the rule comes from: an observed Microsoft message, a documented rule, or our inference. */
  source: string;
  /** Whether `message` is Microsoft's own text, as its change validator prints it. */
  microsoftMessage: boolean;
  /**
   * What the maker can do instead, told after the message and its detail: Microsoft's texts say what
   * broke, not how to ship the update without breaking existing flows.
   */
  advice?: string;
}

/** The rule with `advice` told after its message and detail. */
export function advising<T extends ChangeRule>(changeRule: T, advice: string): T {
  return { ...changeRule, advice };
}

/**
 * A rule as told in a case that its advice does not fit: the same id, message and severity, with
 * other advice. A change of that case is reported with it instead of the rule; the rule reference
 * lists its advice under the rule's own.
 */
export interface CaseRule extends ChangeRule {
  advice: string;
  /** The case, as the rule reference says it after "Told instead": 'for a path parameter'. */
  adviceCase: string;
}

/** `changeRule` told with `advice` in the case `adviceCase` names. */
export function inCase(changeRule: ChangeRule, adviceCase: string, advice: string): CaseRule {
  return { ...changeRule, advice, adviceCase };
}

/** A rule whose message is ours, in the style of Microsoft's change validator. */
export function rule(
  id: string,
  impact: ChangeImpact,
  severity: Severity,
  message: string,
  source: string,
): ChangeRule {
  return { id, impact, severity, message, source, microsoftMessage: false };
}

/**
 * A rule whose message is Microsoft's change validator's, as seen in its output pasted into the
 * PowerPlatformConnectors pull requests named (`pullRequests`, e.g. 'PR #3648, #3499').
 */
export function observed(
  id: string,
  impact: ChangeImpact,
  severity: Severity,
  message: string,
  pullRequests: string,
): ChangeRule {
  return {
    id,
    impact,
    severity,
    message,
    source: `Microsoft change validator (${pullRequests})`,
    microsoftMessage: true,
  };
}
