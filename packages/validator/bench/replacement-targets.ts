/**
 * What looking up the replacements of deprecated operations costs (replacementTarget, asked by
 * SWG-ANN-REPL-TARGET and by the diff's judgeDeprecation). A swagger is hostile input: when each
 * replacement that names no operation prepared the did-you-mean list of operationIds again, 2,000
 * and 4,000 such operations cost 8.4 s and 55 s; with one matcher a model, 0.15 s and 0.66 s
 * (session 38, the same run of a loaded machine; the baselines 15 and 70 ms). Each lookup still
 * measures its word against the list. Each size is timed next to a baseline measured in the same
 * run (reading the document's operations).
 */
import { connectorApiNames } from '../src/swagger/connector-api-names.js';
import { asObject } from '../src/swagger/json-values.js';
import { replacementTarget } from '../src/swagger/replacement-target.js';
import type { SwaggerModel } from '../src/swagger/swagger-model.js';
import { printSizes, timeOnModel } from './support/model-sizes.js';

/** `size` deprecated operations, each replaced by an operationId of this connector that is not there. */
function swaggerOf(size: number): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (let at = 0; at < size; at++) {
    paths[`/tasks${at}`] = {
      get: {
        operationId: `GetTask${at}`,
        deprecated: at % 2 === 0,
        'x-ms-api-annotation': { replacement: { api: 'contosotasks', operationId: `Missing${at}` } },
        responses: { '200': { description: 'OK' } },
      },
    };
  }
  return { swagger: '2.0', info: { title: 'Contoso Tasks', version: '1' }, paths };
}

/** Looks up every replacement: each names nothing. */
function lookUpAll(model: SwaggerModel, apiNames: ReadonlySet<string>): void {
  for (const operation of model.operations) {
    const replacement = asObject(asObject(operation.operation['x-ms-api-annotation'])?.replacement);
    if (replacementTarget(replacement, operation, model, apiNames)?.kind !== 'missing') {
      throw new Error('a replacement found');
    }
  }
}

const runs = 3;
console.log(`median of ${runs} runs; baseline: reading the operations of a fresh model`);
const timings = [500, 2000, 4000].map((size) => {
  const root = swaggerOf(size);
  const apiNames = connectorApiNames({ swagger: root });
  return timeOnModel(size, root, size === 500 ? 1 : runs, (model) => lookUpAll(model, apiNames));
});
printSizes('replacements naming nothing', 'ops', timings.slice(1)); // the first, a warm-up
