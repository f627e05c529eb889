import type { Change } from './change.js';
import type { ChangeRule } from './change-rule-type.js';
import { comparePlaces } from './report-order.js';
import { isBreakingSchemaChange, type SchemaReport } from './schema-report.js';

type SchemaChanges = SchemaReport['schemaChanges'];

/** Where a change of a list is reported: its version, its file (by its side), line and column. */
interface ListPlace {
  readonly position: number;
  readonly side: 'old' | 'new';
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** The breaking changes of one rule in a list: their positions in list order, and their places in report order. */
export interface RuleRun {
  readonly rule: ChangeRule;
  readonly positions: readonly number[];
  /** Sorted by version, file, line and column; ties in list order. */
  readonly byPlace: readonly ListPlace[];
}

/**
 * A list's changes as a report that repeats no other's offers them to the cap (reported-changes.ts):
 * its non-breaking ones, and its breaking ones by rule. All of them: a list's changes are in the
 * swagger, and only apiProperties.json places are superseded (RawChange `supersedes`).
 */
export interface ListOffers {
  readonly nonBreaking: readonly number[];
  readonly rules: readonly RuleRun[];
}

export interface ListOfferContext {
  /** The line and column of each change of a list (ChangeLocator.placesOf). */
  placesOf(list: SchemaChanges): readonly { line: number; column: number }[];
  /** The path of the swagger file each side's changes are reported in. */
  readonly swaggerFile: { readonly old: string; readonly new: string };
}

/**
 * Each list's offers, built once per list: 2,000 operations that report one definition's list of
 * 10,000 changes made required are 2,000 reports of it, whose changes past the cap are counted by
 * rule and place per report (`placedUpTo`) rather than looked at one by one.
 */
export class ListOfferIndex {
  private readonly offers = new Map<SchemaChanges, ListOffers>();

  constructor(private readonly context: ListOfferContext) {}

  of(list: SchemaChanges): ListOffers {
    let offers = this.offers.get(list);
    if (!offers) {
      offers = this.build(list);
      this.offers.set(list, offers);
    }
    return offers;
  }

  private build(list: SchemaChanges): ListOffers {
    const places = this.context.placesOf(list);
    const nonBreaking: number[] = [];
    const rules = new Map<string, { rule: ChangeRule; positions: number[]; byPlace: ListPlace[] }>();
    list.forEach((change, position) => {
      if (!isBreakingSchemaChange(change)) {
        nonBreaking.push(position);
        return;
      }
      let run = rules.get(change.rule.id);
      if (!run) {
        run = { rule: change.rule, positions: [], byPlace: [] };
        rules.set(change.rule.id, run);
      }
      const { line, column } = places[position]!;
      run.positions.push(position);
      run.byPlace.push({
        position,
        side: change.side,
        file: this.context.swaggerFile[change.side],
        line,
        column,
      });
    });
    // Array sort is stable: ties stay in list order.
    for (const run of rules.values()) run.byPlace.sort(comparePlaces);
    return { nonBreaking, rules: [...rules.values()] };
  }
}

/**
 * How many of `run`'s changes are at `last`'s place or before it (the first ones of `byPlace`):
 * the others come after it in report order whatever their operation and message.
 */
export function placedUpTo(run: RuleRun, last: Pick<Change, 'side' | 'file' | 'line' | 'column'>): number {
  let low = 0;
  let high = run.byPlace.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (comparePlaces(run.byPlace[middle]!, last) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}
