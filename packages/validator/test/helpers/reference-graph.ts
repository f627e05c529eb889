import type { Json } from '../diff/diff-fixture.js';

/**
 * Swaggers whose definitions reuse each other level after level, as a pull request can write them:
 * the paths from an operation to the last definition double at each level. One operation, Op, sends
 * and returns D0.
 */

/** Definitions D0…D(depth-1); each has properties `a` and `b` that both reference the next; the last has `leaf`. */
export function dagSwagger(depth: number): Json {
  const definitions: Json = {};
  for (let level = 0; level < depth; level++) {
    const next = { $ref: `#/definitions/D${level + 1}` };
    definitions[`D${level}`] = {
      type: 'object',
      description: 'A level.',
      properties: level + 1 < depth ? { a: next, b: { ...next } } : leafProperties(),
    };
  }
  return withDefinitions(definitions);
}

/**
 * The same through arrays: each Di is an array of objects with `p` (the next definition) and `q` (an
 * array of it), so the paths run through `items` too.
 */
export function itemsDagSwagger(depth: number): Json {
  const definitions: Json = {};
  for (let level = 0; level < depth; level++) {
    const next = { $ref: `#/definitions/D${level + 1}` };
    definitions[`D${level}`] =
      level + 1 < depth
        ? {
            type: 'array',
            description: 'A level.',
            items: { type: 'object', properties: { p: next, q: { type: 'array', items: { ...next } } } },
          }
        : { type: 'object', description: 'A level.', properties: leafProperties() };
  }
  return withDefinitions(definitions);
}

/** The last definition of either swagger. */
export function lastLevel(swagger: Json): Json {
  const names = Object.keys(swagger.definitions);
  return swagger.definitions[names[names.length - 1]!];
}

function leafProperties(): Json {
  return { leaf: { type: 'string', description: 'The leaf.', 'x-ms-summary': 'Leaf' } };
}

function withDefinitions(definitions: Json): Json {
  return {
    swagger: '2.0',
    info: { title: 'Dag Probe', description: 'A connector that probes reference graphs.', version: '1.0' },
    host: 'example.com',
    basePath: '/',
    schemes: ['https'],
    consumes: ['application/json'],
    produces: ['application/json'],
    paths: {
      '/x': {
        post: {
          operationId: 'Op',
          summary: 'Do op',
          description: 'Does the op thing.',
          parameters: [{ name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/D0' } }],
          responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/D0' } } },
        },
      },
    },
    definitions,
  };
}
