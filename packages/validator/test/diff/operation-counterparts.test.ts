import { describe, expect, it } from '@jest/globals';
import type { SwaggerDiffContext } from '../../src/diff/diff-context.js';
import { diffOperations } from '../../src/diff/operation-diff.js';
import { ChangeSink } from '../../src/diff/change-sink.js';
import { SchemaComparer } from '../../src/diff/schema-diff.js';
import type { JsonObject } from '../../src/swagger/json-values.js';
import { SwaggerModel } from '../../src/swagger/swagger-model.js';

/*
 * Finding each old operation's counterpart looked through the other version's operations once per
 * operation: 20,000 operations without an operationId took 87 s to diff, 20,000 renamed ones 22 s,
 * 20,000 moved ones 260 s (4.3 s, 3.2 s and 2.4 s now). The searches are counted, not timed: every
 * read of an operation's path, operationId or operation object is. Reading each operation a few
 * times is linear; the searches read each one once per operation of the other version.
 */

const COUNT = 2_000;
/** Reads per operation that a linear comparison stays under (it reads a few dozen). */
const READS_PER_OPERATION = 60;

type Operation = Record<string, unknown>;

/** A swagger of `count` GET operations, the i-th at `path(i)`, shaped by `operation(i)`. */
function swagger(
  count: number,
  path: (i: number) => string,
  operation: (i: number) => Operation,
): JsonObject {
  const paths: JsonObject = {};
  for (let i = 0; i < count; i++) {
    paths[path(i)] = {
      get: {
        summary: `Task ${i}`,
        parameters: [{ name: 'taskId', in: 'path', required: true, type: 'string' }],
        responses: { 200: { description: 'OK' } },
        ...operation(i),
      },
    };
  }
  return { swagger: '2.0', info: { title: 'Tasks', version: '1.0' }, host: 'example.com', paths };
}

/** The model of `root`, whose operations count each read of the fields a search compares. */
function countingModel(root: JsonObject, reads: { count: number }): SwaggerModel {
  const model = new SwaggerModel(root, true);
  for (const operation of model.operations) {
    for (const key of ['path', 'operationId', 'operation'] as const) {
      const value = operation[key];
      Object.defineProperty(operation, key, {
        get: () => {
          reads.count++;
          return value;
        },
      });
    }
  }
  return model;
}

function diff(before: JsonObject, after: JsonObject): { changes: string[]; reads: number } {
  const reads = { count: 0 };
  const old = countingModel(before, reads);
  const now = countingModel(after, reads);
  const context: SwaggerDiffContext = {
    old,
    new: now,
    sink: new ChangeSink(),
    schemas: new SchemaComparer(old, now),
    apiNames: new Set(),
  };
  diffOperations(context);
  const changes = context.sink.changes.map(
    (change) => `${change.rule.id} ${[change.detail, change.advice].filter(Boolean).join(' ')}`,
  );
  return { changes, reads: reads.count };
}

describe('operations are matched with their counterparts without searching the other version', () => {
  it('pairs 2,000 operations without an operationId by method and path, path parameters renamed', () => {
    const { changes, reads } = diff(
      swagger(
        COUNT,
        (i) => `/tasks${i}/{taskId}`,
        () => ({}),
      ),
      swagger(
        COUNT,
        (i) => `/tasks${i}/{id}/`,
        () => ({ summary: 'Edited' }),
      ),
    );
    expect(changes.filter((change) => change.startsWith('CHG-TEXT-EDITED'))).toHaveLength(COUNT);
    expect(changes.filter((change) => /OP-DELETED|OP-ADDED/.test(change))).toEqual([]);
    expect(reads).toBeLessThan(COUNT * 2 * READS_PER_OPERATION);
  });

  it('finds 2,000 renames, each the first new operationId on the same method and path', () => {
    const { changes, reads } = diff(
      swagger(
        COUNT,
        (i) => `/tasks${i}/{taskId}`,
        (i) => ({ operationId: `GetTask${i}` }),
      ),
      // Two candidates on each path: the first in the document is the rename, the second is added.
      // The paths in reverse order: a search from the start passes the operations not yet matched.
      swagger(
        COUNT * 2,
        (i) => `/tasks${COUNT - 1 - (i % COUNT)}/{taskId}${i < COUNT ? '' : '/'}`,
        (i) => ({ operationId: `FetchTask${i}` }),
      ),
    );
    const renames = changes.filter((change) => change.startsWith('BRK-OP-DELETED'));
    expect(renames).toHaveLength(COUNT);
    expect(renames[7]).toMatch(new RegExp(`renamed to 'FetchTask${COUNT - 8}' `));
    expect(changes.filter((change) => change.startsWith('CHG-OP-ADDED'))).toHaveLength(COUNT);
    expect(reads).toBeLessThan(COUNT * 3 * READS_PER_OPERATION);
  });

  it('reports 2,000 operations moved to other paths as deleted and added', () => {
    const { changes, reads } = diff(
      swagger(
        COUNT,
        (i) => `/tasks${i}/{taskId}`,
        (i) => ({ operationId: `GetTask${i}` }),
      ),
      swagger(
        COUNT,
        (i) => `/jobs${i}/{taskId}`,
        (i) => ({ operationId: `GetJob${i}` }),
      ),
    );
    expect(changes.filter((change) => change.startsWith('BRK-OP-DELETED Deprecate it'))).toHaveLength(COUNT);
    expect(changes.filter((change) => change.startsWith('CHG-OP-ADDED'))).toHaveLength(COUNT);
    expect(reads).toBeLessThan(COUNT * 2 * READS_PER_OPERATION);
  });

  it('tells 1,000 deprecations without a replacement among 1,000 kept operations', () => {
    const { changes, reads } = diff(
      swagger(
        COUNT,
        (i) => `/tasks${i}`,
        (i) => ({ operationId: `GetTask${i}` }),
      ),
      swagger(
        COUNT,
        (i) => `/tasks${i}`,
        (i) => ({
          operationId: `GetTask${i}`,
          ...(i % 2 === 0
            ? { deprecated: true, 'x-ms-api-annotation': { family: `GetTask${i}`, revision: 1 } }
            : {}),
        }),
      ),
    );
    expect(changes.filter((change) => change.startsWith('BRK-DEPRECATION-PROCESS'))).toHaveLength(COUNT / 2);
    expect(reads).toBeLessThan(COUNT * 2 * READS_PER_OPERATION);
  });

  it("tells 1,000 deprecations beside their unlinked '_V2', each added or kept, by the names indexed once", () => {
    // Half deprecated in this version beside a '_V2' of another family; half deprecated before,
    // their '_V2' added now: each judged by its newest named version, not a search of the others.
    const id = (i: number) => `GetTask${i}`;
    const deprecated = (i: number) => ({ operationId: id(i), deprecated: true });
    const before = swagger(
      COUNT,
      (i) => `/tasks${i}`,
      (i) => (i % 2 === 0 ? { operationId: id(i) } : deprecated(i)),
    );
    const after = swagger(
      COUNT * 2,
      (i) => (i < COUNT ? `/tasks${i}` : `/v2/tasks${i - COUNT}`),
      (i) =>
        i < COUNT
          ? deprecated(i)
          : { operationId: `${id(i - COUNT)}_V2`, 'x-ms-api-annotation': { family: 'Other', revision: 2 } },
    );
    const { changes, reads } = diff(before, after);
    const told = changes.filter((change) => change.startsWith('BRK-DEPRECATION-PROCESS'));
    expect(told).toHaveLength(COUNT);
    expect(told).toContain(
      `BRK-DEPRECATION-PROCESS It has no x-ms-api-annotation: nothing links it to 'GetTask0_V2', named as its new version. Set "family": "GetTask0" and "revision": 1 in its "x-ms-api-annotation", and "family": "GetTask0" and "revision": 2 in that of 'GetTask0_V2'.`,
    );
    expect(reads).toBeLessThan(COUNT * 3 * READS_PER_OPERATION);
  });
});
