import { describe, expect, it } from '@jest/globals';
import { ChangeCap, type ChangeOrder } from '../../src/diff/change-cap.js';
import { impactRank, locatedChange, type Change, type ChangeFields } from '../../src/diff/change.js';
import { MAX_FINDINGS_PER_RULE, unlistedMessage } from '../../src/model/unlisted-message.js';
import { severityRank } from '../../src/model/finding.js';
import { validateAgainstBase } from '../../src/git/validate-against-base.js';
import { validConnectorFiles, validSwagger } from '../helpers/valid-connector.js';
import { connectorFiles, createRepository } from '../git/repository-fixture.js';
import { diffSwaggers, withRule, type Json } from './diff-fixture.js';

/**
 * The valid swagger with `operations` POST operations whose body is one shared definition of `fields`
 * required string properties: adding them is one BRK-REQ-FIELD-ADDED per field and operation.
 */
function sharedBodySwagger(operations: number, fields: number): Json {
  const swagger = validSwagger();
  const properties: Json = {};
  for (let index = 0; index < fields; index++) properties[`f${index}`] = { type: 'string' };
  swagger.definitions = {
    Item: { type: 'object', properties, ...(fields > 0 ? { required: Object.keys(properties) } : {}) },
  };
  swagger.paths = {};
  for (let index = 0; index < operations; index++) {
    swagger.paths[`/items${index}`] = {
      post: {
        operationId: `PostItem${index}`,
        summary: 'Post an item',
        description: 'Posts an item.',
        parameters: [{ name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/Item' } }],
        responses: { 200: { description: 'OK' } },
      },
    };
  }
  return swagger;
}

function requiredFieldsAdded(operations: number, fields: number) {
  return diffSwaggers(sharedBodySwagger(operations, 0), sharedBodySwagger(operations, fields));
}

const notListed = (change: Change) => change.message.includes('not listed');

describe('the changes one rule lists for one connector diff', () => {
  it('finishes 150,000 required fields added (a spread of them overflowed the stack), listing 1,000', () => {
    const result = requiredFieldsAdded(1, 150_000);
    const added = withRule(result, 'BRK-REQ-FIELD-ADDED');
    expect(added).toHaveLength(MAX_FINDINGS_PER_RULE + 1);
    expect(added.at(-1)!.message).toBe(
      '149,000 more changes of this rule are not listed: a rule lists at most 1,000 for a connector.',
    );
    expect(result.classification).toBe('breaking');
  }, 120_000);

  it('are capped per rule at 1,000 after dedupe, the rest counted in one breaking change', () => {
    // 3 operations x 400 fields: 1,200 breaking changes, one per field and operation.
    const result = requiredFieldsAdded(3, 400);
    const added = withRule(result, 'BRK-REQ-FIELD-ADDED');
    expect(added).toHaveLength(MAX_FINDINGS_PER_RULE + 1);
    expect(added.filter(notListed)).toEqual([
      {
        ruleId: 'BRK-REQ-FIELD-ADDED',
        breaking: true,
        severity: 'error',
        message: '200 more changes of this rule are not listed: a rule lists at most 1,000 for a connector.',
        file: 'new.swagger.json',
        pointer: expect.any(String),
        line: expect.any(Number),
        column: expect.any(Number),
        side: 'new',
        impact: 'breaking',
      },
    ]);
    // The rest stands last of its rule: the listed ones are the first in report order.
    expect(notListed(added.at(-1)!)).toBe(true);
    // Other rules are not capped along: each of the 400 fields is one CHG- change too, listed.
    expect(result.changes.filter((change) => !change.ruleId.startsWith('BRK-REQ-FIELD'))).not.toContainEqual(
      expect.objectContaining({ message: expect.stringContaining('not listed') }),
    );
  });

  it('says "1 more change … is" at exactly 1,001', () => {
    // 7 operations x 143 fields: 1,001 changes.
    const added = withRule(requiredFieldsAdded(7, 143), 'BRK-REQ-FIELD-ADDED');
    expect(added).toHaveLength(MAX_FINDINGS_PER_RULE + 1);
    expect(added.at(-1)!.message).toBe(
      '1 more change of this rule is not listed: a rule lists at most 1,000 for a connector.',
    );
  });

  it('lists every change up to the limit', () => {
    // 8 operations x 125 fields: exactly 1,000.
    const added = withRule(requiredFieldsAdded(8, 125), 'BRK-REQ-FIELD-ADDED');
    expect(added).toHaveLength(MAX_FINDINGS_PER_RULE);
    expect(added.filter(notListed)).toEqual([]);
  });
});

describe('the breaking changes validate --base reports', () => {
  it('are capped as the diff is: 1,000 of a rule and one finding for the rest', async () => {
    const repo = createRepository('dev');
    const folder = 'certified-connectors/Shared';
    const files = (swagger: Json) =>
      connectorFiles(folder, { ...validConnectorFiles(), 'apiDefinition.swagger.json': swagger });
    repo.write(files(sharedBodySwagger(50, 0)));
    repo.commitAll('dev: the connector');
    repo.git('checkout', '--quiet', '-b', 'pr');
    // 50 operations x 40 fields: 2,000 BRK-REQ-FIELD-ADDED.
    repo.write(files(sharedBodySwagger(50, 40)));
    repo.commitAll('pr: 40 required fields');

    const result = await validateAgainstBase(['.'], 'dev', { cwd: repo.dir, rules: [] });
    const added = result.findings.filter((finding) => finding.ruleId === 'BRK-REQ-FIELD-ADDED');
    expect(added).toHaveLength(MAX_FINDINGS_PER_RULE + 1);
    expect(added.filter((finding) => finding.message.includes('not listed'))).toEqual([
      expect.objectContaining({
        severity: 'error',
        baseline: 'new',
        message:
          '1,000 more changes of this rule are not listed: a rule lists at most 1,000 for a connector.',
      }),
    ]);
  });
});

/** The changes capped by a ChangeCap of `order`, added in the order given. */
function capChanges(changes: readonly Change[], order: ChangeOrder = () => 0): Change[] {
  const cap = new ChangeCap(order);
  for (const change of changes) cap.add(change);
  return cap.result();
}

/**
 * The cap as it was before ChangeCap (session 23): every change sorted, stably, by `order`; then per
 * rule the first MAX_FINDINGS_PER_RULE listed and the rest in one change where the first of them was.
 */
function sortThenCut(changes: readonly Change[], order: ChangeOrder): Change[] {
  const sorted = [...changes].sort(order);
  const byRule = new Map<string, Change[]>();
  for (const change of sorted) byRule.set(change.ruleId, [...(byRule.get(change.ruleId) ?? []), change]);
  const result: Change[] = [];
  const listed = new Map<string, number>();
  for (const change of sorted) {
    const count = listed.get(change.ruleId) ?? 0;
    listed.set(change.ruleId, count + 1);
    if (count < MAX_FINDINGS_PER_RULE) result.push(change);
    if (count !== MAX_FINDINGS_PER_RULE) continue;
    const rest = byRule.get(change.ruleId)!.slice(MAX_FINDINGS_PER_RULE);
    const worst = <T>(values: T[], rank: (value: T) => number) =>
      values.reduce((a, b) => (rank(b) > rank(a) ? b : a));
    result.push(
      locatedChange({
        ruleId: change.ruleId,
        severity: worst(
          rest.map((each) => each.severity),
          severityRank,
        ),
        message: unlistedMessage(rest.length, 'change'),
        file: change.file,
        pointer: change.pointer,
        line: change.line,
        column: change.column,
        side: change.side,
        impact: worst(
          rest.map((each) => each.impact),
          impactRank,
        ),
      }),
    );
  }
  return result;
}

/** A seeded generator of integers below `bound` (mulberry32): the same shuffle on every run. */
function seededRandom(seed: number): (bound: number) => number {
  let state = seed >>> 0;
  return (bound) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * bound);
  };
}

describe('ChangeCap', () => {
  function change(index: number, overrides: Partial<ChangeFields> = {}): Change {
    return locatedChange({
      ruleId: 'CHG-X',
      severity: 'info',
      message: `Change ${index}.`,
      operationId: `Op${index}`,
      file: 'apiDefinition.swagger.json',
      pointer: `/paths/~1a${index}`,
      line: index + 1,
      column: 3,
      side: 'new',
      impact: 'minor',
      valuePath: `operation/Op${index}`,
      ...overrides,
    });
  }

  it('puts the rest where the first unlisted change was, at the worst impact of the rest', () => {
    const changes: Change[] = [];
    for (let index = 0; index < MAX_FINDINGS_PER_RULE + 3; index++) {
      changes.push(change(index));
      // Another rule's change between them stays where it is.
      if (index === MAX_FINDINGS_PER_RULE) changes.push(change(index, { ruleId: 'CHG-Y' }));
    }
    changes[MAX_FINDINGS_PER_RULE + 3] = change(MAX_FINDINGS_PER_RULE + 2, { impact: 'major' });
    const capped = capChanges(changes);
    expect(capped).toHaveLength(MAX_FINDINGS_PER_RULE + 2);
    expect(capped.slice(0, MAX_FINDINGS_PER_RULE)).toEqual(changes.slice(0, MAX_FINDINGS_PER_RULE));
    expect(capped[MAX_FINDINGS_PER_RULE]).toEqual({
      ruleId: 'CHG-X',
      breaking: false,
      severity: 'info',
      message: '3 more changes of this rule are not listed: a rule lists at most 1,000 for a connector.',
      file: 'apiDefinition.swagger.json',
      pointer: `/paths/~1a${MAX_FINDINGS_PER_RULE}`,
      line: MAX_FINDINGS_PER_RULE + 1,
      column: 3,
      side: 'new',
      impact: 'major',
    });
    expect(capped[MAX_FINDINGS_PER_RULE + 1]!.ruleId).toBe('CHG-Y');
  });

  it('makes the rest breaking when one unlisted change is', () => {
    const changes = Array.from({ length: MAX_FINDINGS_PER_RULE + 2 }, (_, index) => change(index));
    changes[MAX_FINDINGS_PER_RULE + 1] = change(0, { impact: 'breaking', severity: 'error' });
    expect(capChanges(changes).at(-1)).toMatchObject({
      breaking: true,
      impact: 'breaking',
      severity: 'error',
    });
  });

  it('tells the last kept change once it keeps all it can, and counts many changes as one at a time', () => {
    // reported-changes.ts counts the changes of a report placed after it at once, without reading them.
    const byLine: ChangeOrder = (a, b) => a.line - b.line;
    const one = new ChangeCap(byLine);
    const many = new ChangeCap(byLine);
    for (let index = MAX_FINDINGS_PER_RULE; index >= 0; index--) {
      expect(one.lastKept('CHG-X')).toBeUndefined();
      one.add(change(index));
      many.add(change(index));
    }
    // 1,001 kept: the listed ones and the first unlisted, the last in report order.
    expect(one.lastKept('CHG-X')).toEqual(change(MAX_FINDINGS_PER_RULE));
    one.add(change(5, { message: 'Before the last.' }));
    expect(one.lastKept('CHG-X')).toEqual(change(MAX_FINDINGS_PER_RULE - 1));
    many.add(change(5, { message: 'Before the last.' }));
    for (let times = 0; times < 7; times++) one.count('CHG-X', 'major', 'warning');
    many.count('CHG-X', 'major', 'warning', 7);
    expect(many.result()).toEqual(one.result());
    expect(many.result().at(-1)).toMatchObject({
      message: expect.stringMatching(/^9 more changes of this rule/),
      impact: 'major',
      severity: 'warning',
    });
  });
});

describe('ChangeCap on changes in any order', () => {
  const IMPACTS = ['minor', 'major', 'breaking'] as const;
  const SEVERITIES = ['info', 'warning', 'error'] as const;
  /** Report order by line alone: many ties, which keep the order the changes came in. */
  const byLine: ChangeOrder = (a, b) => a.line - b.line;

  /** `count` changes of each rule, at lines with repeats, of mixed impact and severity, shuffled. */
  function shuffled(seed: number, counts: Record<string, number>): Change[] {
    const random = seededRandom(seed);
    const changes: Change[] = [];
    for (const [ruleId, count] of Object.entries(counts)) {
      for (let index = 0; index < count; index++) {
        const impact = IMPACTS[random(3)]!;
        changes.push(
          locatedChange({
            ruleId,
            severity: SEVERITIES[random(3)]!,
            message: `${ruleId} ${index}.`,
            file: 'apiDefinition.swagger.json',
            pointer: `/x/${index}`,
            line: 1 + random(800),
            column: 1,
            side: 'new',
            impact,
          }),
        );
      }
    }
    for (let index = changes.length - 1; index > 0; index--) {
      const other = random(index + 1);
      [changes[index], changes[other]] = [changes[other]!, changes[index]!];
    }
    return changes;
  }

  it.each([1, 2, 3, 4, 5])('keeps what sort-then-cut keeps (seed %i)', (seed) => {
    // Past the cap by many, by one, exactly at it, and under it: the heap replaces kept changes.
    const changes = shuffled(seed, { 'CHG-A': 3_000, 'CHG-B': 1_001, 'CHG-C': 1_000, 'CHG-D': 300 });
    const capped = capChanges(changes, byLine);
    expect(capped).toEqual(sortThenCut(changes, byLine));
    expect(capped.filter((change) => change.message.includes('not listed'))).toHaveLength(2);
  });

  it('gives the same on a second call of result()', () => {
    const cap = new ChangeCap(byLine);
    for (const change of shuffled(9, { 'CHG-A': 2_500, 'CHG-B': 10 })) cap.add(change);
    const first = cap.result();
    expect(first.filter((change) => change.message.includes('not listed'))).toEqual([
      expect.objectContaining({ ruleId: 'CHG-A', message: expect.stringMatching(/^1,500 more changes/) }),
    ]);
    expect(cap.result()).toEqual(first);
  });
});
