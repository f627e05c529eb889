/**
 * What finding the versions an operation is named after costs on a long '_V<n>' chain (Chain,
 * Chain_V2 … Chain_V<n>): SWG-OPID-SUFFIX-FAMILY asks each operation its named predecessor, the
 * diff's judgeDeprecation each deprecated one its newest successor that is not deprecated. A
 * swagger is hostile input: when each question walked the chain, 20,000 and 40,000 versions cost
 * 0.90 s and 2.9 s, 4.5x and 10.0x the baseline; with the predecessor found by halving the list and
 * the newest active version kept per base, 0.23 s and 0.52 s, 1.4x and 1.8x (session 38, the same
 * hour of a loaded machine). Each size is timed next to a baseline measured in the same run (reading the document's
 * operations); the ratio to it should not grow with the size.
 */
import { namedPredecessor, newestNamedSuccessor } from '../src/swagger/operation-versions.js';
import type { SwaggerModel } from '../src/swagger/swagger-model.js';
import { printSizes, timeOnModel } from './support/model-sizes.js';

/** Chain and `size` - 1 later versions of it, all deprecated but the newest. */
function swaggerOf(size: number): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (let version = 1; version <= size; version++) {
    paths[`/v${version}/chain`] = {
      get: {
        operationId: version === 1 ? 'Chain' : `Chain_V${version}`,
        deprecated: version < size,
        responses: { '200': { description: 'OK' } },
      },
    };
  }
  return { swagger: '2.0', info: { title: 'Bench', version: '1' }, paths };
}

/** Asks each version its predecessor and newest successor: all but the first have one, all but the last the other. */
function askAll(model: SwaggerModel, size: number): void {
  let linked = 0;
  for (const operation of model.operations) {
    if (namedPredecessor(model, operation)) linked++;
    if (newestNamedSuccessor(model, operation)) linked++;
  }
  if (linked !== 2 * (size - 1)) throw new Error('versions missed');
}

const runs = 3;
console.log(`median of ${runs} runs; baseline: reading the operations of a fresh model`);
const timings = [20000, 20000, 40000].map((size, at) =>
  timeOnModel(size, swaggerOf(size), at === 0 ? 1 : runs, (model) => askAll(model, size)),
);
printSizes('a chain of versions', 'ops', timings.slice(1)); // the first, a warm-up
