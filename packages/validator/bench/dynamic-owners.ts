/**
 * What finding the operation of each dynamic call costs (dynamicCalls): a schema holder written
 * under `/paths/<path>/<method>/…` is given the operation it belongs to. A swagger is hostile
 * input, and a run must not slow down faster than it grows: when each path's first holder searched
 * every operation of the document for its path, a swagger of thousands of paths, each with a
 * dropdown in its body, cost paths x operations: 1.2 s and 2.5 s for 10,000 and 20,000 paths, 6.2x
 * and 9.0x the baseline; with the operations indexed by path, 0.37 s and 0.64 s, 2.3x both (session
 * 38, the same hour of a loaded machine). Each size is timed next to a baseline measured in the same
 * run (reading the document's operations); the ratio to it should not grow with the size.
 */
import { dynamicCalls } from '../src/rules/operations/dynamic-index.js';
import { writtenSchemasOf } from '../src/rules/swagger/structure.js';
import { printSizes, timeOnModel } from './support/model-sizes.js';

/** `size` paths, each with a POST whose body has a property filled by a dropdown, and their lookup. */
function swaggerOf(size: number): Record<string, unknown> {
  const paths: Record<string, unknown> = {
    '/choices': { get: { operationId: 'ListChoices', responses: { '200': { description: 'OK' } } } },
  };
  for (let at = 0; at < size; at++) {
    paths[`/items${at}`] = {
      post: {
        operationId: `CreateItem${at}`,
        parameters: [
          {
            name: 'body',
            in: 'body',
            schema: {
              type: 'object',
              properties: {
                kind: {
                  type: 'string',
                  'x-ms-dynamic-values': { operationId: 'ListChoices', 'value-path': 'id' },
                },
              },
            },
          },
        ],
        responses: { '200': { description: 'OK' } },
      },
    };
  }
  return { swagger: '2.0', info: { title: 'Bench', version: '1' }, paths };
}

const runs = 5;
console.log(`median of ${runs} runs; baseline: reading the operations of a fresh model`);
// The structure walk that lists the holders is done before ours is timed: ours reads the operations
// and finds each holder's. The baseline reads the operations alone.
const timings = [10000, 10000, 20000].map((size, at) =>
  timeOnModel(
    size,
    swaggerOf(size),
    at === 0 ? 2 : runs,
    (model) => {
      if (dynamicCalls(model).length !== size) throw new Error('calls missed');
    },
    writtenSchemasOf,
  ),
);
printSizes('dynamic calls, one per path', 'paths', timings.slice(1)); // the first, a warm-up
