import type { Change } from './change.js';
import { ChangeCap } from './change-cap.js';
import { ChangeLocator, filePath } from './change-locator.js';
import { CHANGE_RULES } from './change-rules.js';
import type { ConnectorVersion } from './connector-version.js';
import type { RawChange } from './raw-change.js';
import { reportOverlap } from './report-overlap.js';
import { dedupeKey, RepeatCheck } from './repeat-check.js';
import { SchemaChangeIndex } from './schema-change-index.js';
import { EarlierChanges, type EarlierChange } from './earlier-changes.js';
import { ListOfferIndex, placedUpTo } from './list-offers.js';
import { compareChanges, comparePlaces } from './report-order.js';
import {
  isBreakingSchemaChange,
  isSchemaReport,
  reportedChange,
  type RawEntry,
  type SchemaReport,
} from './schema-report.js';

type SchemaChanges = SchemaReport['schemaChanges'];

/**
 * The changes of a diff as reported: without the superseded ones, located in their files, deduped,
 * in report order and capped per rule (change-cap.ts). Schema reports are expanded one change at a
 * time and a change that cannot be listed is counted without being built, so that memory is the
 * input's and the cap's, however many changes the shared definitions multiply into. A report whose
 * changes no other repeats counts those past the cap per rule at once (list-offers.ts), so that
 * time is the lists' and the reports', not their changes' (2,000 operations x 20,000 changes: 7 s).
 */
export function reportedChanges(
  entries: readonly RawEntry[],
  before: ConnectorVersion,
  after: ConnectorVersion,
): Change[] {
  const superseded = supersededPlaces(entries);
  const locator = new ChangeLocator(entries, before, after);
  const index = new SchemaChangeIndex();
  const overlap = reportOverlap(entries, index);
  const earlierChanges = new EarlierChanges(overlap, index);
  const cap = new ChangeCap(compareChanges);
  // The keys of the changes not in reports and of the reports' non-breaking changes: as many as the
  // entries and lists. A report's breaking change is looked up in the lists that may repeat it.
  const seen = new Set<string>();
  const build = (earlier: EarlierChange): Change | undefined => {
    const change =
      'report' in earlier
        ? reportedChange(earlier.report, earlier.report.schemaChanges[earlier.position]!)
        : earlier;
    return superseded.has(change) ? undefined : locator.locate(change);
  };
  const repeatCheck = new RepeatCheck(build);
  // Lists whose non-breaking changes were offered: they are told once per place, whatever the operation.
  const listsOffered = new Set<SchemaChanges>();
  const swaggerFile = { old: filePath(before, 'swagger'), new: filePath(after, 'swagger') };
  const listOffers = new ListOfferIndex({
    placesOf: (list) => locator.placesOf(list),
    swaggerFile,
  });
  for (const entry of entries) {
    if (!isSchemaReport(entry)) {
      if (superseded.has(entry)) continue;
      const change = locator.locate(entry);
      const key = dedupeKey(change);
      if (seen.has(key)) continue;
      seen.add(key);
      if (change.breaking && repeatCheck.repeats(change, earlierChanges.ofChange(entry), false)) continue;
      cap.add(change);
      continue;
    }
    if (overlap.repeated.has(entry)) continue;
    const list = entry.schemaChanges;
    const nonBreakingOffered = listsOffered.has(list);
    listsOffered.add(list);
    const mayRepeat = earlierChanges.mayRepeat(entry);
    const places = locator.placesOf(list);
    // A list's changes are in the swagger: none is superseded (only apiProperties.json places are).
    const offer = (index: number) => {
      const schemaChange = list[index]!;
      const { rule, side } = schemaChange;
      if (!isBreakingSchemaChange(schemaChange)) {
        if (nonBreakingOffered) return;
        const change = locator.locate(reportedChange(entry, schemaChange));
        const key = dedupeKey(change);
        if (seen.has(key)) return;
        seen.add(key);
        cap.add(change);
        return;
      }
      if (mayRepeat) {
        // Built only if an earlier change is like it; looked for past the first only if that is not one.
        const like = earlierChanges.ofReported(entry, index);
        const first = like.next();
        if (!first.done) {
          const change = locator.locate(reportedChange(entry, schemaChange));
          if (!repeatCheck.repeats(change, withFirst(first.value, like), true)) cap.add(change);
          return;
        }
      }
      // No earlier change is like it: it is unique, and counted without being built when too late to be listed.
      const { line, column } = places[index]!;
      const place = { side, file: swaggerFile[side], line, column };
      if (cap.mayKeep(rule.id, (last) => comparePlaces(place, last)))
        cap.add(locator.locate(reportedChange(entry, schemaChange)));
      else cap.count(rule.id, 'breaking', rule.severity);
    };
    // Every change of a report that may repeat none is unique. Of a rule whose cap is full, those
    // placed after the last kept change can only be counted, however many: counted at once, by
    // place. The rest are offered one at a time in list order (the cap's ties go to the first added).
    // Until some rule is full, every change is offered: a list is indexed only once that can count.
    const offers = mayRepeat || !cap.anyRuleFull ? undefined : listOffers.of(list);
    const lastKept = offers ? offers.rules.map((run) => cap.lastKept(run.rule.id)) : [];
    if (!offers || lastKept.every((last) => last === undefined)) {
      for (let index = 0; index < list.length; index++) offer(index);
      continue;
    }
    const oneByOne = nonBreakingOffered ? [] : [...offers.nonBreaking];
    offers.rules.forEach((run, at) => {
      const last = lastKept[at];
      if (!last) {
        for (const position of run.positions) oneByOne.push(position);
        return;
      }
      const listable = placedUpTo(run, last);
      for (let index = 0; index < listable; index++) oneByOne.push(run.byPlace[index]!.position);
      const unlisted = run.positions.length - listable;
      if (unlisted > 0) cap.count(run.rule.id, 'breaking', run.rule.severity, unlisted);
    });
    oneByOne.sort((a, b) => a - b).forEach(offer);
  }
  return cap.result();
}

/**
 * The generic "Other properties" entries that another change already tells as its own (`supersedes`):
 * they are not listed.
 */
function supersededPlaces(entries: readonly RawEntry[]): {
  has: (change: Pick<RawChange, 'rule' | 'file' | 'pointer'>) => boolean;
} {
  const places = new Set<string>();
  for (const entry of entries) {
    if (isSchemaReport(entry)) continue;
    for (const place of entry.supersedes ?? []) places.add(`${place.file}:${place.pointer}`);
  }
  return {
    has: (change) =>
      places.size > 0 && change.rule === CHANGE_RULES.other && places.has(`${change.file}:${change.pointer}`),
  };
}

/** `first`, then the rest of `rest`. */
function* withFirst<T>(first: T, rest: Iterator<T>): Generator<T> {
  yield first;
  for (let next = rest.next(); !next.done; next = rest.next()) yield next.value;
}
