import { describe, expect, it } from '@jest/globals';
import { CHANGE_RULES } from '../../src/diff/change-rules.js';
import {
  listChanges,
  MAX_LISTED_PATHS,
  ownChange,
  type ComparedPart,
  type ComparedSchema,
} from '../../src/diff/schema-change-list.js';
import type { SchemaChange } from '../../src/diff/schema-change.js';
import { MIN_SHARED_LIST, SchemaLists, type ComparedChanges } from '../../src/diff/schema-lists.js';

const FIELDS = 2_000;

function required(index: number): SchemaChange {
  return {
    rule: CHANGE_RULES.optionalToRequired,
    side: 'new',
    pointer: `/definitions/D/properties/p${index}`,
    path: [`p${index}`],
  };
}

function edited(pointer: string): SchemaChange {
  return { rule: CHANGE_RULES.textEdited, side: 'new', pointer, path: [], impact: 'minor' };
}

function schema(parts: ComparedPart[]): ComparedSchema {
  return { parts, cut: false, depth: 0 };
}

/** `count` parts reaching `nested`, each by a step of its own (s0, s1, …): as many paths to each change. */
function reachedBy(count: number, nested: ComparedSchema): ComparedPart[] {
  return Array.from({ length: count }, (_, index) => ({ step: `s${index}`, nested }));
}

/** D: a definition of `fields` fields made required, telling `reads` each time one of its parts is read. */
function definition(reads: { count: number }, fields = FIELDS): ComparedSchema {
  const parts = Array.from({ length: fields }, (_, index) => ownChange(required(index)));
  return schema(
    new Proxy(parts, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads.count++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    }),
  );
}

/** A body parameter of operation `operation`, its description edited, whose `items` is `items`. */
function parameter(operation: number, items: ComparedSchema): ComparedSchema {
  return schema([
    ownChange(edited(`/paths/~1items${operation}/post/parameters/0`)),
    { step: 'items', nested: items },
  ]);
}

describe('the changes listed under a schema', () => {
  // K: a definition whose one change is p0 made required.
  const k = () => schema([ownChange(required(0))]);
  const kAt = (step: string) => ({ ...required(0), path: [step, 'p0'] });

  it('list a change of the schema after a definition whose changes were all listed before', () => {
    // The 51st path to K lists nothing, and K is not walked again: the 52nd is passed over, and
    // the edit after it is still listed.
    const root = schema([...reachedBy(MAX_LISTED_PATHS + 2, k()), ownChange(edited('/x'))]);
    expect(listChanges(root)).toEqual([
      ...Array.from({ length: MAX_LISTED_PATHS - 1 }, (_, index) => kAt(`s${index}`)),
      { ...kAt(`s${MAX_LISTED_PATHS - 1}`), unlisted: 2 },
      edited('/x'),
    ]);
  });

  it('list the other changes of a schema after one of its kinds that is listed in full', () => {
    const both = schema([ownChange(required(0)), ownChange(required(1))]);
    const list = listChanges(schema([...reachedBy(MAX_LISTED_PATHS, k()), { step: 'both', nested: both }]));
    expect(list).toHaveLength(MAX_LISTED_PATHS + 1);
    expect(list.at(-2)).toEqual({ ...kAt(`s${MAX_LISTED_PATHS - 1}`), unlisted: 1 });
    expect(list.at(-1)).toEqual({ ...required(1), path: ['both', 'p1'] });
  });

  it('count the paths not listed of a kind found after one listed whole', () => {
    const list = listChanges(schema([ownChange(edited('/x')), ...reachedBy(MAX_LISTED_PATHS + 1, k())]));
    expect(list).toHaveLength(MAX_LISTED_PATHS + 1);
    expect(list.filter((change) => change.unlisted !== undefined)).toEqual([
      { ...kAt(`s${MAX_LISTED_PATHS - 1}`), unlisted: 1 },
    ]);
  });

  it('tell kinds apart by detail and by impact, not by rule and place alone', () => {
    const retyped = (was: string): SchemaChange => ({
      rule: CHANGE_RULES.inputType,
      side: 'new',
      pointer: '/definitions/D/properties/p0/type',
      path: ['p0'],
      detail: `The type changed from '${was}' to 'integer'.`,
    });
    const pairs: [SchemaChange, SchemaChange][] = [
      [retyped('string'), retyped('number')],
      [edited('/x'), { ...edited('/x'), impact: 'major' }],
    ];
    for (const [one, other] of pairs) {
      // The one by 50 paths, the other by one: both listed for every path, neither counted.
      const list = listChanges(
        schema([...reachedBy(MAX_LISTED_PATHS, schema([ownChange(one)])), ownChange(other)]),
      );
      expect(list).toHaveLength(MAX_LISTED_PATHS + 1);
      expect(list.filter((change) => change.unlisted !== undefined)).toEqual([]);
      expect(list.at(-1)).toEqual(other);
    }
  });
});

describe('the lists of a schema with a change of its own beside a shared definition', () => {
  it("share the definition's list, which is walked a few times, not once per schema", () => {
    // 200 operations' body parameters, each a schema of its own: whether D's kinds of change are
    // apart from each parameter's own change was found by walking D once per parameter (a third of
    // a diff's time at 2,000 operations). D's kinds are kept once asked for twice.
    const reads = { count: 0 };
    const d = definition(reads);
    const lists = new SchemaLists();
    const operations = 200;
    const split = Array.from({ length: operations }, (_, operation) => lists.of(parameter(operation, d)));
    const [dList] = lists.of(d).map(({ list }) => list);
    expect(dList).toHaveLength(FIELDS);
    split.forEach((changes, operation) => {
      expect(changes).toHaveLength(2);
      expect(changes[0]!.list).toEqual([edited(`/paths/~1items${operation}/post/parameters/0`)]);
      expect(changes[1]).toEqual({ list: dList, steps: ['items'] });
      expect(changes[1]!.list).toBe(dList);
    });
    // Counted, listed and walked for its kinds twice: each read a few times, far from one walk per operation.
    expect(reads.count).toBeLessThan(10 * FIELDS);
  });

  it('are lists of their own when each kind under two parts is listed whole, as a list of all would', () => {
    const reads = { count: 0 };
    const d = definition(reads);
    const lists = new SchemaLists();
    // The parameter's own change is one of D's (the same kind: rule, side, pointer, detail, impact);
    // D is under two of its parts (a body that merges D through allOf and wraps it too); a change
    // of its own is there twice. Each such kind is reached by two paths: a list of all lists both.
    const repeatsD = schema([ownChange(required(7)), { step: 'items', nested: d }]);
    const twice = schema([
      { step: 'a', nested: d },
      { step: 'b', nested: d },
    ]);
    const spliced = schema([{ step: 'wrap', nested: d }, { nested: d }]);
    const ownTwice = schema([ownChange(edited('/x')), ownChange(edited('/x')), { step: 'items', nested: d }]);
    for (const root of [repeatsD, twice, spliced, ownTwice]) {
      const changes = lists.of(root);
      expect(changes).toHaveLength(2);
      expect(changes.at(-1)!.list).toBe(lists.of(d)[0]!.list);
      expect(written(changes)).toEqual(listChanges(root));
    }
    expect(lists.of(spliced).map(({ steps }) => steps)).toEqual([['wrap'], []]);
  });

  it('are one list when a kind under two parts is reached by more paths than are listed', () => {
    const reads = { count: 0 };
    const d = definition(reads);
    const lists = new SchemaLists();
    // Each of D's kinds by MAX_LISTED_PATHS + 1 paths, under as many parts: the list of all lists
    // each kind's first 50 and counts the last; lists of the parts would list each 51 times.
    const fanned = schema(reachedBy(MAX_LISTED_PATHS + 1, d));
    const overRepeated = schema([
      ...Array.from({ length: MAX_LISTED_PATHS }, () => ownChange(required(7))),
      { step: 'items', nested: d },
    ]);
    for (const root of [fanned, overRepeated]) {
      const changes = lists.of(root);
      expect(changes).toHaveLength(1);
      expect(changes[0]!.steps).toEqual([]);
      expect(changes[0]!.list).toEqual(listChanges(root));
    }
    expect(lists.of(fanned)[0]!.list).toHaveLength(MAX_LISTED_PATHS * FIELDS);
    expect(lists.of(overRepeated)[0]!.list.filter((change) => change.unlisted)).toEqual([
      expect.objectContaining({ pointer: '/definitions/D/properties/p7', path: ['p7'], unlisted: 1 }),
    ]);
  });

  it('are one list while the definition lists fewer than 1,000 changes (MIN_SHARED_LIST), two from 1,000', () => {
    const lists = new SchemaLists();
    const short = parameter(0, definition({ count: 0 }, MIN_SHARED_LIST - 1));
    expect(lists.of(short)).toEqual([{ list: listChanges(short), steps: [] }]);
    const long = parameter(1, definition({ count: 0 }, MIN_SHARED_LIST));
    expect(lists.of(long).map(({ list, steps }) => [list.length, steps])).toEqual([
      [1, []],
      [MIN_SHARED_LIST, ['items']],
    ]);
  });

  it("share a short definition's list when it is the schema's only part, a step deeper", () => {
    const lists = new SchemaLists();
    const short = definition({ count: 0 }, 10);
    const [{ list }] = lists.of(short);
    expect(lists.of(schema([{ step: 'wrap', nested: short }]))).toEqual([{ list, steps: ['wrap'] }]);
    expect(lists.of(schema([{ step: 'wrap', nested: short }]))[0]!.list).toBe(list);
  });

  it('copy a short definition beside a shared one into the list of the parts around it', () => {
    const lists = new SchemaLists();
    const d = definition({ count: 0 });
    const short = schema([ownChange(edited('/definitions/S/description'))]);
    const root = schema([
      ownChange(edited('/x')),
      { step: 's', nested: short },
      { step: 'items', nested: d },
    ]);
    expect(lists.of(root).map(({ list, steps }) => [list.length, steps])).toEqual([
      [2, []],
      [FIELDS, ['items']],
    ]);
    expect(written(lists.of(root))).toEqual(listChanges(root));
  });

  it('are lists of their own when a kind by more paths than are listed is under one part only', () => {
    // S's edit by 51 paths, all under 'f': listed 50 times and counted beside D, as from the whole.
    const lists = new SchemaLists();
    const fanned = schema(reachedBy(MAX_LISTED_PATHS + 1, schema([ownChange(edited('/definitions/S'))])));
    const root = schema([
      { step: 'f', nested: fanned },
      { step: 'items', nested: definition({ count: 0 }) },
    ]);
    expect(lists.of(root).map(({ list, steps }) => [list.length, steps])).toEqual([
      [MAX_LISTED_PATHS, []],
      [FIELDS, ['items']],
    ]);
    expect(written(lists.of(root))).toEqual(listChanges(root));
  });

  it('are one list when a kind under two parts beside the largest is reached by more paths than are listed', () => {
    // S's edit by 30 paths under 'a' and 30 under 'b', D between them: lists of the parts would
    // list it 60 times, uncounted.
    const lists = new SchemaLists();
    const fanned = schema(reachedBy(30, schema([ownChange(edited('/definitions/S'))])));
    const root = schema([
      { step: 'a', nested: fanned },
      { step: 'items', nested: definition({ count: 0 }) },
      { step: 'b', nested: fanned },
    ]);
    expect(lists.of(root)).toEqual([{ list: listChanges(root), steps: [] }]);
    expect(lists.of(root)[0]!.list.filter((change) => change.unlisted)).toEqual([
      expect.objectContaining({ pointer: '/definitions/S', path: ['b', 's19'], unlisted: 10 }),
    ]);
  });

  it('are lists of their own when a kind under two parts beside the largest is reached by as many paths as are listed', () => {
    // S's edit by 25 paths under 'a' and 25 under 'b', D between them; the parameter's own edit of
    // S once and by 49 paths under 'a': 50 each, listed whole by the lists of the parts.
    const lists = new SchemaLists();
    const s = () => schema([ownChange(edited('/definitions/S'))]);
    const fanned = schema(reachedBy(25, s()));
    const between = schema([
      { step: 'a', nested: fanned },
      { step: 'items', nested: definition({ count: 0 }) },
      { step: 'b', nested: fanned },
    ]);
    const beside = schema([
      ownChange(edited('/definitions/S')),
      { step: 'a', nested: schema(reachedBy(49, s())) },
      { step: 'items', nested: definition({ count: 0 }) },
    ]);
    expect(lists.of(between).map(({ list, steps }) => [list.length, steps])).toEqual([
      [25, []],
      [FIELDS, ['items']],
      [25, []],
    ]);
    expect(lists.of(beside).map(({ list, steps }) => [list.length, steps])).toEqual([
      [MAX_LISTED_PATHS, []],
      [FIELDS, ['items']],
    ]);
    for (const root of [between, beside]) {
      expect(written(lists.of(root))).toEqual(listChanges(root));
      expect(listChanges(root).filter((change) => change.unlisted)).toEqual([]);
    }
  });

  it('count the changes a definition lists, not its paths: 500 listed of 1,000 paths are one list', () => {
    // 10 fields, each reached by 100 paths: 500 changes listed (50 of each), of 1,000 paths.
    const lists = new SchemaLists();
    const fanned = schema(reachedBy(2 * MAX_LISTED_PATHS, definition({ count: 0 }, 10)));
    const root = parameter(0, fanned);
    expect(lists.of(root)).toEqual([{ list: listChanges(root), steps: [] }]);
    expect(lists.of(root)[0]!.list).toHaveLength(1 + 10 * MAX_LISTED_PATHS);
  });
});

/** The changes of `lists` written out, each with its path from the compared schema. */
function written(lists: readonly ComparedChanges[]): SchemaChange[] {
  return lists.flatMap(({ list, steps }) =>
    list.map((change) => ({ ...change, path: [...steps, ...change.path] })),
  );
}
