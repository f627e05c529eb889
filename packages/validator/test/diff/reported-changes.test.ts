import { describe, expect, it } from '@jest/globals';
import { JsonDocument } from '../../src/json/json-document.js';
import { CHANGE_RULES } from '../../src/diff/change-rules.js';
import type { ConnectorVersion } from '../../src/diff/connector-version.js';
import type { RawChange } from '../../src/diff/raw-change.js';
import { reportedChanges } from '../../src/diff/reported-changes.js';
import type { SchemaChange } from '../../src/diff/schema-change.js';
import { expandEntries, type RawEntry, type SchemaReport } from '../../src/diff/schema-report.js';
import { diffSwaggerValues } from '../../src/diff/swagger-diff.js';
import { excerpt, MAX_NAME_LENGTH } from '../../src/text/message-values.js';
import { generatedPair } from './generated-swaggers.js';
import { seededRandom } from '../helpers/seeded-random.js';

const FIELDS = 600;

function version(): ConnectorVersion {
  const properties: Record<string, object> = {};
  for (let index = 0; index < FIELDS; index++) properties[`p${index}`] = { type: 'string' };
  const swagger = { swagger: '2.0', definitions: { D: { type: 'object', properties } } };
  return { swagger: JsonDocument.parse(JSON.stringify(swagger, null, 2)), swaggerPath: 'api.json' };
}

/** A required field added at property `index` of D, reached by `path` under the report's ValuePath. */
function field(
  index: number,
  path: string[] = [`p${index}`],
  extra: Partial<SchemaChange> = {},
): SchemaChange {
  return {
    rule: CHANGE_RULES.requiredFieldAdded,
    side: 'new',
    pointer: `/definitions/D/properties/p${index}`,
    path,
    ...extra,
  };
}

const report = (
  schemaChanges: SchemaChange[],
  operationId: string | undefined,
  valuePath: string,
): SchemaReport => ({ schemaChanges, operationId, valuePath });

/** The changes as dedupe and the cap see them when every report is written out first. */
function expanded(entries: readonly RawEntry[]): RawChange[] {
  return [...expandEntries(entries)];
}

describe('the changes of schema reports', () => {
  it('are those of the reports written out: repeats dropped, the rest counted, in report order', () => {
    const shared = [
      ...Array.from({ length: FIELDS }, (_, index) => field(index)),
      field(7, ['p7', 'again'], { unlisted: 3 }),
      {
        rule: CHANGE_RULES.textEdited,
        side: 'new' as const,
        pointer: '/definitions/D',
        path: [],
        impact: 'minor' as const,
      },
    ];
    // The same fields reached from the parameter rather than its schema: the same ValuePaths.
    const fromParameter = Array.from({ length: 10 }, (_, index) => field(index, ['schema', `p${index}`]));
    const twice = [field(1), field(1), field(2)];
    const entries: RawEntry[] = [];
    for (let operation = 0; operation < 5; operation++)
      entries.push(report(shared, `Op${operation}`, `operation/Op${operation}/parameter/body/schema`));
    entries.push(
      // The same report again; the same fields through the parameter; a change one repeats.
      report(shared, 'Op0', 'operation/Op0/parameter/body/schema'),
      report(fromParameter, 'Op1', 'operation/Op1/parameter/body'),
      {
        rule: CHANGE_RULES.requiredFieldAdded,
        file: 'swagger',
        side: 'new',
        pointer: '/definitions/D/properties/p5',
        operationId: 'Op2',
        valuePath: 'operation/Op2/parameter/body/schema/p5',
      },
      // A list that repeats a change within itself, and operations with no operationId or an empty one.
      report(twice, 'Op9', 'operation/Op9/x'),
      report(twice, undefined, 'operation/GET x'),
      report(twice, '', 'operation/GET x'),
    );
    const before = version();
    const after = version();
    const changes = reportedChanges(entries, before, after);
    expect(changes).toEqual(reportedChanges(expanded(entries), before, after));
    // 5 x 601 of the shared list, 2 of Op9's `twice` and 2 of the one without an operationId ('' is none):
    // 3,009, of which 1,000 are listed.
    expect(changes.filter((change) => change.ruleId === 'BRK-REQ-FIELD-ADDED').at(-1)!.message).toMatch(
      /^2,009 more changes of this rule are not listed/,
    );
    expect(changes.filter((change) => change.ruleId === 'CHG-TEXT-EDITED')).toHaveLength(1);
  });

  it('are deduped by the operationId they are listed with, cut as their ValuePath is', () => {
    // Two operations whose ids differ past MAX_NAME_LENGTH are listed with one id and one ValuePath
    // (the label is cut too): their changes of a shared definition are one change, listed once.
    const long = 'o'.repeat(MAX_NAME_LENGTH);
    const shared = [field(0), field(1)];
    const valuePath = `operation/${excerpt(long, MAX_NAME_LENGTH)}/parameter/body/schema`;
    const entries: RawEntry[] = [
      report(shared, `${long}1`, valuePath),
      report(shared, `${long}2`, valuePath),
      report([field(1)], `${long}3`, valuePath),
    ];
    const before = version();
    const after = version();
    const changes = reportedChanges(entries, before, after);
    expect(changes).toEqual(reportedChanges(expanded(entries), before, after));
    expect(changes).toHaveLength(2);
  });
});

/** `list`, telling `reads` each time one of its changes is read. */
function counted(list: SchemaChange[], reads: { count: number }): SchemaChange[] {
  return new Proxy(list, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads.count++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

describe('the changes of a list reported by many operations', () => {
  it('past the cap, are counted per report and rule, not read one by one', () => {
    // Each operation's body is D, whose fields were all made required: 200 reports of one list of
    // 600. A report whose changes no other repeats counts those placed after the last listed one
    // at once; each was read and counted one by one (120,000 reads), so that the diff's time grew
    // with operations x changes (2,000 operations x 20,000 changes: 13 s).
    const operations = 200;
    const fields = Array.from({ length: FIELDS }, (_, index) => field(index));
    const reads = { count: 0 };
    const shared = counted(fields, reads);
    const entries = Array.from({ length: operations }, (_, operation) =>
      report(shared, `Op${operation}`, `operation/Op${operation}/parameter/body/schema`),
    );
    const before = version();
    const after = version();
    const changes = reportedChanges(entries, before, after);
    const oneByOne = reads.count;
    const expected = reportedChanges(
      expanded(entries.map((entry) => ({ ...entry, schemaChanges: fields }))),
      before,
      after,
    );
    expect(changes).toEqual(expected);
    expect(changes.at(-1)!.message).toMatch(/^119,000 more changes of this rule are not listed/);
    // The list read whole a few times (placed, indexed, grouped by rule), the first two reports whole
    // (the cap is not full before), then the changes at or before the last listed one's place: fewer
    // as the listed ones gather at the first fields (about 1,000 x ln 200).
    expect(oneByOne).toBeLessThan((operations * FIELDS) / 10);
  });

  it('are those of the reports written out, in report order, however the reports come', () => {
    let summaries = 0;
    for (let seed = 0; seed < 12; seed++) {
      const { entries, before, after } = manyReports(seed);
      const changes = JSON.stringify(reportedChanges(entries, before, after));
      const expected = JSON.stringify(reportedChanges(expanded(entries), before, after));
      if (changes !== expected) expect({ seed, changes }).toEqual({ seed, changes: expected });
      summaries += (changes.match(/more changes of this rule are not listed/g) ?? []).length;
    }
    // The generator makes what it is for: rules past the cap.
    expect(summaries).toBeGreaterThan(12);
  });
});

/**
 * Reports of a few shared lists past the per-rule cap, in random order: operations whose ids come
 * before or after the ones listed so far, reports that another may repeat (at one ValuePath, or at
 * the ValuePath above another's) and reports whose changes are unique, rules whose changes are
 * breaking or not by their impact, one field reached by several paths (changes tied in report order
 * but for their ValuePath), changes of both versions (two files).
 */
function manyReports(seed: number) {
  const next = seededRandom(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(values: readonly T[]): T => values[int(values.length)]!;
  const rules = [CHANGE_RULES.requiredFieldAdded, CHANGE_RULES.optionalToRequired, CHANGE_RULES.textEdited];
  const lists = Array.from({ length: 1 + int(3) }, () => {
    const fields = Array.from({ length: 100 + int(500) }, () => {
      const index = int(40) * (1 + int(15));
      const impact = next() < 0.1 ? { impact: pick(['minor', 'breaking'] as const) } : {};
      const path = next() < 0.3 ? [`p${index}`, `via${int(3)}`] : [`p${index}`];
      return field(index, path, { rule: pick(rules), side: pick(['old', 'new'] as const), ...impact });
    });
    // Most lists have no change twice (rule, place and path), as a definition's; the others'
    // changes may repeat each other.
    const keys = new Set<string>();
    const once = (change: SchemaChange) =>
      keys.size <
      keys.add(`${change.rule.id} ${change.side} ${change.pointer} ${change.path.join('/')}`).size;
    return next() < 0.7 ? fields.filter(once) : fields;
  });
  const operations = Array.from({ length: 120 }, (_, index) => `Op${index}`);
  const entries = Array.from({ length: 20 + int(60) }, () => {
    const operationId = pick(operations);
    const valuePath = `operation/${operationId}/parameter/body${next() < 0.1 ? '' : '/schema'}`;
    return report(pick(lists), operationId, valuePath);
  });
  const file = (path: string): ConnectorVersion => ({ ...version(), swaggerPath: path });
  return { entries, before: file('old.json'), after: file('new.json') };
}

describe('a change not in a report', () => {
  const raw = (index: number, operationId: string, detail?: string): RawChange => ({
    rule: CHANGE_RULES.requiredFieldAdded,
    file: 'swagger',
    side: 'new',
    pointer: `/definitions/D/properties/p${index}`,
    operationId,
    valuePath: `operation/${operationId}/parameter/body/schema/p${index}`,
    ...(detail !== undefined ? { detail } : {}),
  });

  it("is one with a report's change of its key, whichever comes first", () => {
    const shared = [field(3), field(4)];
    const entries: RawEntry[] = [
      // Before the report that repeats it, after it, and one of another message: not a repeat.
      raw(3, 'Op0'),
      report(shared, 'Op0', 'operation/Op0/parameter/body/schema'),
      report(shared, 'Op1', 'operation/Op1/parameter/body/schema'),
      raw(4, 'Op1'),
      raw(3, 'Op1', 'Another message.'),
    ];
    const before = version();
    const after = version();
    const changes = reportedChanges(entries, before, after);
    expect(changes).toEqual(reportedChanges(expanded(entries), before, after));
    expect(changes.map((change) => `${change.operationId} ${change.valuePath?.slice(-2)}`)).toEqual([
      'Op0 p3',
      'Op1 p3',
      'Op1 p3',
      'Op0 p4',
      'Op1 p4',
    ]);
  });
});

/**
 * Each pair's entries as diffSwaggerValues reports them, with both versions as pretty or minified
 * files: with schema lists shared as they are, as many as can be (every nested list however short),
 * and none (each compared schema's list written out whole, the reference).
 */
function generatedCase(seed: number, capped: boolean) {
  const pair = generatedPair(seed, capped);
  const file = (value: object, path: string, indent: number): ConnectorVersion => ({
    swagger: JsonDocument.parse(JSON.stringify(value, null, indent)),
    swaggerPath: path,
  });
  return {
    entries: diffSwaggerValues(pair.old, pair.new),
    mostShared: diffSwaggerValues(pair.old, pair.new, undefined, { minSharedList: 1 }),
    whole: diffSwaggerValues(pair.old, pair.new, undefined, { share: false }),
    before: file(pair.old, 'old.json', seed % 3 === 0 ? 0 : 2),
    after: file(pair.new, 'new.json', seed % 5 === 0 ? 0 : 2),
  };
}

describe('the changes of generated swagger pairs', () => {
  // Shared definitions, $ref chains and loops, allOf, overlapping ValuePaths, operations without ids,
  // with one id twice, or ids cut alike, schemas with changes of their own beside nested ones
  // (generated-swaggers.ts): the reports, however their lists are shared, are the expansion of the
  // whole lists.
  it.each([
    ['small pairs', 0, 200, false],
    ['pairs past the per-rule cap', 1_000, 10, true],
  ])('are those of the reports written out: %s', (_, first, count, capped) => {
    let listed = 0;
    let summaries = 0;
    let split = 0;
    for (let seed = first; seed < first + count; seed++) {
      const { entries, mostShared, whole, before, after } = generatedCase(seed, capped);
      // The lists shared stand for the whole lists' changes, one by one and in their order: the
      // order decides which of the changes that report order ties is listed first.
      const written = JSON.stringify(expanded(whole));
      for (const shared of [entries, mostShared]) {
        if (JSON.stringify(expanded(shared)) !== written)
          expect({ seed, changes: expanded(shared) }).toStrictEqual({ seed, changes: expanded(whole) });
      }
      const expected = reportedChanges(expanded(whole), before, after);
      for (const [sharing, shared] of [
        ['as shared', entries],
        ['most shared', mostShared],
      ] as const) {
        const changes = reportedChanges(shared, before, after);
        // Byte for byte, as the JSON output is; toStrictEqual first for a readable difference.
        if (JSON.stringify(changes) !== JSON.stringify(expected)) {
          expect({ seed, sharing, changes }).toStrictEqual({ seed, sharing, changes: expected });
          expect(JSON.stringify({ seed, sharing, changes })).toBe(
            JSON.stringify({ seed, sharing, changes: expected }),
          );
        }
      }
      listed += expected.length;
      summaries += expected.filter((change) =>
        /^[\d,]+ more changes of this rule/.test(change.message),
      ).length;
      if (mostShared.length > whole.length) split++;
    }
    // The generator makes what it is for: many changes, in capped pairs rules past the cap, and
    // schemas whose changes are reported as several lists.
    expect(listed).toBeGreaterThan(count * 10);
    if (capped) expect(summaries).toBeGreaterThan(count / 4);
    expect(split).toBeGreaterThan(count / 4);
  });
});
