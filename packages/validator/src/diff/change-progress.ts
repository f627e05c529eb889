import type { Change } from './change.js';
import { changeStanding } from './change-standing.js';

/** What a later version of the connectors did to the changes an earlier one had against the base. */
export interface ChangeProgress {
  /** The breaking changes the earlier version had. */
  breakingBefore: number;
  /** Of those, the ones the later version has not: put back as the base had it, or done right. */
  resolved: number;
  /** The breaking changes the later version has and the earlier one had not. */
  introduced: number;
  /** The warnings (changeStanding) the earlier version had and the later one has not. */
  warningsFixed: number;
  /** The warnings the later version has and the earlier one had not. */
  warningsAdded: number;
}

/**
 * Sets each connector's changes at a later version against its changes at an earlier one, both against
 * the base. A change is the same in both when it is of the same rule, operation and ValuePath and says
 * the same: its line moves with every edit above it, and a change whose message now says otherwise (a
 * type changed to yet another type) is another one. Changes that are neither breaking nor warnings are
 * not counted: they are what the update is.
 */
export function changeProgress(
  connectors: Iterable<{ earlier: readonly Change[]; later: readonly Change[] }>,
): ChangeProgress {
  const progress: ChangeProgress = {
    breakingBefore: 0,
    resolved: 0,
    introduced: 0,
    warningsFixed: 0,
    warningsAdded: 0,
  };
  for (const { earlier, later } of connectors) {
    for (const standing of ['breaking', 'warning'] as const) {
      const before = earlier.filter((change) => changeStanding(change) === standing);
      const after = later.filter((change) => changeStanding(change) === standing);
      const { gone, come } = unmatched(before, after);
      if (standing === 'breaking') {
        progress.breakingBefore += before.length;
        progress.resolved += gone;
        progress.introduced += come;
      } else {
        progress.warningsFixed += gone;
        progress.warningsAdded += come;
      }
    }
  }
  return progress;
}

/** How many of `before` no change of `after` matches, and how many of `after` none of `before` does. */
function unmatched(before: readonly Change[], after: readonly Change[]): { gone: number; come: number } {
  const left = new Map<string, number>();
  for (const change of before) left.set(sameness(change), (left.get(sameness(change)) ?? 0) + 1);
  let come = 0;
  for (const change of after) {
    const count = left.get(sameness(change)) ?? 0;
    if (count > 0) left.set(sameness(change), count - 1);
    else come++;
  }
  let gone = 0;
  for (const count of left.values()) gone += count;
  return { gone, come };
}

function sameness(change: Change): string {
  return [change.ruleId, change.operationId ?? '', change.valuePath ?? '', change.message].join('\u0000');
}
