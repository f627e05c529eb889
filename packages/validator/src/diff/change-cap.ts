import { MAX_FINDINGS_PER_RULE, unlistedMessage } from '../model/unlisted-message.js';
import { severityRank, type Severity } from '../model/finding.js';
import { impactRank, locatedChange, type Change, type ChangeImpact } from './change.js';

/** The listed changes of a rule and the first unlisted one, whose place the rest takes. */
const KEPT_PER_RULE = MAX_FINDINGS_PER_RULE + 1;

/** How two changes compare in report order (ties keep the order they were added in). */
export type ChangeOrder = (a: Change, b: Change) => number;

/** A change kept, with when it came: the tie-break of report order. */
interface Ranked {
  change: Change;
  index: number;
}

/** How many changes, and how many of each impact and severity. */
interface Counts {
  total: number;
  impacts: Map<ChangeImpact, number>;
  severities: Map<Severity, number>;
}

/** One rule's changes: the first KEPT_PER_RULE in report order, and the counts of all. */
interface RuleChanges extends Counts {
  /** A max-heap: the last in report order of the kept ones on top, the one a better change replaces. */
  kept: Ranked[];
}

/**
 * The changes of one connector diff, at most MAX_FINDINGS_PER_RULE of each rule, as a rule's findings
 * are: 50 operations sharing a definition that gained 2,000 required fields gave 100,000
 * BRK-REQ-FIELD-ADDED, each a finding of `validate --base`. The first of each rule in report order are
 * listed, and one more change stands for the rest where the first of them was, breaking if any of
 * them is, so that the classification and a count of breaking changes still hold.
 *
 * Caps changes as they come, in any order, keeping only what the capped list can hold: per rule, the
 * first KEPT_PER_RULE in report order, and counts of the rest. A diff of 20,000,000 changes (2,000
 * operations sharing a definition of 10,000 fields made required) held them all to sort and cap them,
 * and ran out of memory; kept this way, memory is the cap's whatever the count.
 */
export class ChangeCap {
  private readonly rules = new Map<string, RuleChanges>();
  private added = 0;
  private fullRules = 0;

  constructor(private readonly order: ChangeOrder) {}

  /**
   * False when a change of `ruleId` that `before` says comes after the last kept one cannot be listed:
   * the caller only counts it (`count`), without building it. `before(last)` is negative or zero when
   * the change may come before `last` in report order.
   */
  mayKeep(ruleId: string, before: (last: Change) => number): boolean {
    const rule = this.rules.get(ruleId);
    return !rule || rule.kept.length < KEPT_PER_RULE || before(rule.kept[0]!.change) <= 0;
  }

  /**
   * The last in report order of a rule's kept changes once it keeps as many as it can: a change
   * after it cannot be listed, and the changes added after it only come before it. Undefined while
   * the rule keeps fewer.
   */
  lastKept(ruleId: string): Change | undefined {
    const rule = this.rules.get(ruleId);
    return rule && rule.kept.length >= KEPT_PER_RULE ? rule.kept[0]!.change : undefined;
  }

  /** Whether some rule keeps as many changes as it can (`lastKept` is then set for it). */
  get anyRuleFull(): boolean {
    return this.fullRules > 0;
  }

  /** Counts `changes` changes that `mayKeep` turned away, or that come after `lastKept`. */
  count(ruleId: string, impact: ChangeImpact, severity: Severity, changes = 1): void {
    this.added += changes;
    tally(this.rule(ruleId), impact, severity, changes);
  }

  add(change: Change): void {
    const rule = this.rule(change.ruleId);
    tally(rule, change.impact, change.severity);
    const ranked = { change, index: this.added++ };
    if (rule.kept.length < KEPT_PER_RULE) {
      pushHeap(rule.kept, ranked, this.rank);
      if (rule.kept.length === KEPT_PER_RULE) this.fullRules++;
    } else if (this.rank(ranked, rule.kept[0]!) < 0) {
      rule.kept[0] = ranked;
      siftDown(rule.kept, 0, this.rank);
    }
  }

  /**
   * The capped changes in report order, each capped rule's rest in one change where its first was.
   * Reads the counts without changing them: a second call gives the same.
   */
  result(): Change[] {
    const kept = [...this.rules.values()].flatMap((rule) => rule.kept).sort(this.rank);
    const listed = new Map<string, number>();
    const result: Change[] = [];
    for (const { change } of kept) {
      const count = listed.get(change.ruleId) ?? 0;
      listed.set(change.ruleId, count + 1);
      if (count < MAX_FINDINGS_PER_RULE) result.push(change);
      else if (count === MAX_FINDINGS_PER_RULE)
        result.push(summary(change, this.rest(change.ruleId, result)));
    }
    return result;
  }

  /** A capped rule's counts less those of its listed changes (in `listed`). */
  private rest(ruleId: string, listed: readonly Change[]): Counts {
    const rule = this.rules.get(ruleId)!;
    const rest = { total: rule.total, impacts: new Map(rule.impacts), severities: new Map(rule.severities) };
    for (const change of listed) {
      if (change.ruleId !== ruleId) continue;
      rest.total--;
      rest.impacts.set(change.impact, rest.impacts.get(change.impact)! - 1);
      rest.severities.set(change.severity, rest.severities.get(change.severity)! - 1);
    }
    return rest;
  }

  private readonly rank = (a: Ranked, b: Ranked): number =>
    this.order(a.change, b.change) || a.index - b.index;

  private rule(ruleId: string): RuleChanges {
    let rule = this.rules.get(ruleId);
    if (!rule) {
      rule = { kept: [], total: 0, impacts: new Map(), severities: new Map() };
      this.rules.set(ruleId, rule);
    }
    return rule;
  }
}

function tally(rule: RuleChanges, impact: ChangeImpact, severity: Severity, changes = 1): void {
  rule.total += changes;
  rule.impacts.set(impact, (rule.impacts.get(impact) ?? 0) + changes);
  rule.severities.set(severity, (rule.severities.get(severity) ?? 0) + changes);
}

/**
 * The change that stands for a rule's unlisted ones, at the first one's place, breaking if any of
 * them is and at the worst severity. It names no operation and no ValuePath: those were the first one's alone.
 */
function summary(first: Change, rest: Counts): Change {
  return locatedChange({
    ruleId: first.ruleId,
    severity: worst(rest.severities, severityRank),
    message: unlistedMessage(rest.total, 'change'),
    file: first.file,
    pointer: first.pointer,
    line: first.line,
    column: first.column,
    side: first.side,
    impact: worst(rest.impacts, impactRank),
  });
}

/** The highest ranked of the values counted at least once. */
function worst<T>(counts: ReadonlyMap<T, number>, rank: (value: T) => number): T {
  const present = [...counts].filter(([, count]) => count > 0).map(([value]) => value);
  return present.reduce((a, b) => (rank(b) > rank(a) ? b : a));
}

function pushHeap(heap: Ranked[], item: Ranked, rank: (a: Ranked, b: Ranked) => number): void {
  heap.push(item);
  let index = heap.length - 1;
  while (index > 0) {
    const parent = (index - 1) >> 1;
    if (rank(heap[index]!, heap[parent]!) <= 0) break;
    [heap[index], heap[parent]] = [heap[parent]!, heap[index]!];
    index = parent;
  }
}

function siftDown(heap: Ranked[], start: number, rank: (a: Ranked, b: Ranked) => number): void {
  let index = start;
  for (;;) {
    const left = 2 * index + 1;
    const right = left + 1;
    let largest = index;
    if (left < heap.length && rank(heap[left]!, heap[largest]!) > 0) largest = left;
    if (right < heap.length && rank(heap[right]!, heap[largest]!) > 0) largest = right;
    if (largest === index) return;
    [heap[index], heap[largest]] = [heap[largest]!, heap[index]!];
    index = largest;
  }
}
