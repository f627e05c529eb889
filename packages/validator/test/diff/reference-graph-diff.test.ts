import { describe, expect, it } from '@jest/globals';
import type { Change, DiffResult } from '../../src/diff/change.js';
import { MAX_LISTED_PATHS } from '../../src/diff/schema-change-list.js';
import { diffSwaggers, type Json } from './diff-fixture.js';
import { dagSwagger, itemsDagSwagger, lastLevel } from '../helpers/reference-graph.js';

/*
 * Definitions that reuse each other level after level (each level's `a` and `b` reference the next)
 * reach the last one by 2^(depth-1) paths. The comparer listed every path of every change: at depth
 * 30 the diff died of "JavaScript heap out of memory" after 30 s and 4.3 GB, a native stack trace
 * and no finding, from a 10 KB swagger. Now a change is listed for its first MAX_LISTED_PATHS paths,
 * in the order they were listed before, and the last one listed says how many more there are.
 */

/** The swagger and a copy changed by `edit`, diffed. */
function diffEdit(swagger: Json, edit: (copy: Json) => void): DiffResult {
  const after = structuredClone(swagger);
  edit(after);
  return diffSwaggers(swagger, after);
}

/** The ValuePath below `root` through the levels named by `steps` (a, b, …), to `field`. */
const pathOf = (root: string, steps: string[], field: string) => [root, ...steps, field].join('/');

/** The i-th path through `levels` levels of a and b, in the order the comparer walks them (a first). */
function nthSteps(index: number, levels: number): string[] {
  return index
    .toString(2)
    .padStart(levels, '0')
    .split('')
    .map((bit) => (bit === '0' ? 'a' : 'b'));
}

const BODY = 'operation/Op/parameter/body/schema';
const RESPONSE = 'operation/Op/responses/200/schema';
const more = (count: number | string, root: string) =>
  `The same field is reached by ${count} more ValuePaths under '${root}', not listed.`;

function withRuleIn(result: DiffResult, ruleId: string): Change[] {
  return result.changes.filter((change) => change.ruleId === ruleId);
}

describe('diff of definitions reused at every level (a DAG of references)', () => {
  it('lists a field added at the bottom of 30 levels as a depth-3 DAG lists it, with the longer paths', () => {
    const addLeaf2 = (swagger: Json) => (lastLevel(swagger).properties.leaf2 = { type: 'integer' });
    const shallow = diffEdit(dagSwagger(3), addLeaf2);
    const deep = diffEdit(dagSwagger(30), addLeaf2);
    const shape = (result: DiffResult, levels: number) =>
      result.changes.map(({ ruleId, breaking, message, pointer, side, valuePath }) => ({
        ruleId,
        breaking,
        message,
        side,
        pointer: pointer.replace(`/D${levels - 1}/`, '/Dlast/'),
        valuePath: valuePath!.replace(
          `/${Array(levels - 1)
            .fill('a')
            .join('/')}/`,
          '/…/',
        ),
      }));
    expect(shape(deep, 30)).toEqual(shape(shallow, 3));
    expect(deep.changes.map((change) => change.valuePath)).toEqual([
      pathOf(BODY, Array(29).fill('a'), 'leaf2'),
      pathOf(RESPONSE, Array(29).fill('a'), 'leaf2'),
    ]);
    expect(deep.classification).toBe('major-update');
  });

  it('lists a field deleted at the bottom of 30 levels by its first 50 paths each way, counting the other 536,870,862', () => {
    const result = diffEdit(dagSwagger(30), (swagger) => delete lastLevel(swagger).properties.leaf);
    expect(result.classification).toBe('breaking');
    expect(result.changes).toHaveLength(2 * MAX_LISTED_PATHS);
    for (const [ruleId, root] of [
      ['BRK-PARAM-DELETED', BODY],
      ['BRK-OUTPUT-DELETED', RESPONSE],
    ] as const) {
      const changes = withRuleIn(result, ruleId);
      expect(changes.map((change) => change.valuePath)).toEqual(
        Array.from({ length: MAX_LISTED_PATHS }, (_, index) => pathOf(root, nthSteps(index, 29), 'leaf')),
      );
      expect(changes.every((change) => change.pointer === '/definitions/D29/properties/leaf')).toBe(true);
      const counted = changes.filter((change) => change.message.includes('more ValuePaths'));
      expect(counted).toEqual([changes[MAX_LISTED_PATHS - 1]]);
      expect(counted[0]!.message).toContain(more(2 ** 29 - MAX_LISTED_PATHS, root));
    }
    // The count is told between the detail and the advice, as details are.
    expect(withRuleIn(result, 'BRK-PARAM-DELETED').at(-1)!.message).toBe(
      `The input has been deleted. Existing flows will continue to send it. The input field 'leaf' has been removed. ${more(536_870_862, BODY)} Keep it, even if the API now ignores it; or add the change to a new version of the operation (an operationId ending in '_V2') and deprecate this one.`,
    );
  });

  it('lists a DAG that each body wraps in an inline object as it lists the DAG itself, one step deeper', () => {
    // The wrapper is a schema of its own in each operation; its changes are the DAG's list, shared
    // rather than copied (schema-lists.ts), and still counted under the body's ValuePath.
    const wrapped = dagSwagger(30);
    const post = wrapped.paths['/x'].post;
    post.parameters[0].schema = { type: 'object', properties: { wrap: { $ref: '#/definitions/D0' } } };
    post.responses['200'].schema = { type: 'object', properties: { wrap: { $ref: '#/definitions/D0' } } };
    const result = diffEdit(wrapped, (swagger) => delete lastLevel(swagger).properties.leaf);
    const direct = diffEdit(dagSwagger(30), (swagger) => delete lastLevel(swagger).properties.leaf);
    // The wrappers' lines move D29 down the file: changes are compared but for their line.
    const lineless = ({ line: _line, ...change }: Change) => change;
    const stepDeeper = (change: Change) => ({
      ...lineless(change),
      valuePath: change.valuePath!.replace(/\/schema\//, '/schema/wrap/'),
    });
    expect(result.changes.map(lineless)).toEqual(direct.changes.map(stepDeeper));
    const input = withRuleIn(result, 'BRK-PARAM-DELETED');
    expect(input[0]!.valuePath).toBe(pathOf(`${BODY}/wrap`, nthSteps(0, 29), 'leaf'));
    expect(input.at(-1)!.message).toContain(more(2 ** 29 - MAX_LISTED_PATHS, BODY));
  });

  it('lists at depth 12 the first 50 of the 2,048 paths the comparer used to list, in the same order (it listed all 4,096 findings)', () => {
    const result = diffEdit(
      dagSwagger(12),
      (swagger) => (lastLevel(swagger).properties.leaf.type = 'integer'),
    );
    expect(result.changes).toHaveLength(2 * MAX_LISTED_PATHS);
    const input = withRuleIn(result, 'BRK-INPUT-TYPE');
    expect(input.map((change) => change.valuePath)).toEqual(
      Array.from({ length: MAX_LISTED_PATHS }, (_, index) => pathOf(BODY, nthSteps(index, 11), 'leaf/type')),
    );
    expect(input.at(-1)!.message).toContain(
      `The type changed from 'string' to 'integer'. ${more(2048 - MAX_LISTED_PATHS, BODY)} Keep the old type;`,
    );
    expect(withRuleIn(result, 'BRK-OUTPUT-TYPE').at(-1)!.message).toContain(
      `The type changed from 'string' to 'integer'. ${more(1998, RESPONSE)} Keep the old type;`,
    );
  });

  it('lists every path while there are no more than 50 (32 at most in the corpus), counting none', () => {
    const result = diffEdit(dagSwagger(6), (swagger) => delete lastLevel(swagger).properties.leaf);
    expect(withRuleIn(result, 'BRK-OUTPUT-DELETED')).toHaveLength(32);
    expect(result.changes.some((change) => change.message.includes('more ValuePaths'))).toBe(false);
  });

  it('says "1 more ValuePath" of the one path past the 50 listed', () => {
    // 32 paths through a and b, 16 more through c, and d, e and f straight to the last level: 51.
    const swagger = dagSwagger(6);
    const first = swagger.definitions.D0.properties;
    first.c = { $ref: '#/definitions/D1' };
    for (const name of ['d', 'e', 'f']) first[name] = { $ref: '#/definitions/D5' };
    const result = diffEdit(swagger, (copy) => delete lastLevel(copy).properties.leaf);
    const deleted = withRuleIn(result, 'BRK-OUTPUT-DELETED');
    expect(deleted).toHaveLength(MAX_LISTED_PATHS);
    expect(deleted.at(-1)!.message).toContain(
      `The same field is reached by 1 more ValuePath under '${RESPONSE}', not listed.`,
    );
  });

  it('diffs the same DAG through items: 30 levels of arrays', () => {
    const result = diffEdit(
      itemsDagSwagger(30),
      (swagger) => (lastLevel(swagger).properties.leaf.type = 'integer'),
    );
    expect(result.changes).toHaveLength(2 * MAX_LISTED_PATHS);
    const output = withRuleIn(result, 'BRK-OUTPUT-TYPE');
    expect(output[0]!.valuePath).toBe(`${RESPONSE}/${Array(29).fill('items/p').join('/')}/leaf/type`);
    expect(output.at(-1)!.message).toContain(`${more(536_870_862, RESPONSE)} Keep the old type;`);
    const nonBreaking = diffEdit(
      itemsDagSwagger(30),
      (swagger) => (lastLevel(swagger).properties.leaf2 = { type: 'integer' }),
    );
    expect(nonBreaking.changes.map((change) => change.ruleId)).toEqual([
      'CHG-INPUT-FIELD-ADDED',
      'CHG-OUTPUT-ADDED',
    ]);
  });

  it('says "at least" past the count it keeps exactly (2^59 paths at depth 60)', () => {
    const result = diffEdit(dagSwagger(60), (swagger) => delete lastLevel(swagger).properties.leaf);
    expect(withRuleIn(result, 'BRK-OUTPUT-DELETED').at(-1)!.message).toContain(
      more(`at least ${Number.MAX_SAFE_INTEGER - MAX_LISTED_PATHS}`, RESPONSE),
    );
  });

  it('finds a change that is near by one path and was first met at the end of a longer one', () => {
    // D0…D39: each level reaches the next through `x.y` (two steps, walked first) and through `z`
    // (one). Walked first through x.y, D32 is past the depth limit (64), so every level's comparison
    // missed the leaf, and the short way through z reused those cut results: the retyped leaf, 40
    // steps away, was no breaking change, only "the definitions entry 'D39' has been changed".
    const definitions: Json = {};
    for (let level = 0; level < 40; level++) {
      const next = { $ref: `#/definitions/D${level + 1}` };
      definitions[`D${level}`] = {
        type: 'object',
        properties:
          level < 39
            ? { x: { type: 'object', properties: { y: next } }, z: { ...next } }
            : { leaf: { type: 'string' } },
      };
    }
    const swagger = dagSwagger(1);
    swagger.definitions = definitions;
    const result = diffEdit(swagger, (copy) => (copy.definitions.D39.properties.leaf.type = 'integer'));
    expect(result.classification).toBe('breaking');
    const input = withRuleIn(result, 'BRK-INPUT-TYPE');
    expect(input).toHaveLength(MAX_LISTED_PATHS);
    expect(input.every((change) => change.pointer === '/definitions/D39/properties/leaf/type')).toBe(true);
    // Every path listed is within the depth limit.
    for (const change of input) {
      expect(change.valuePath!.slice(BODY.length + 1).split('/').length).toBeLessThanOrEqual(66);
    }
    expect(withRuleIn(result, 'CHG-OTHER')).toEqual([]);
  });
});
