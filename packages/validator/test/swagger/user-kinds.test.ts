import { describe, expect, it } from '@jest/globals';
import { dynamicCalls } from '../../src/rules/operations/dynamic-index.js';
import { SwaggerModel } from '../../src/swagger/swagger-model.js';

const lookup = {
  'x-ms-dynamic-values': { operationId: 'ListThings', parameters: { q: { parameter: 'q' } } },
};

/**
 * D0 -> D1 -> … -> D(levels-1), each with a dropdown; PostItem<at> sends D<at>, with a `q` query
 * parameter and what `more` adds. D<at> is shown by PostItem0 … PostItem<at>. `edit` changes the
 * paths and definitions before the model is built.
 */
type Paths = Record<string, { post: Record<string, unknown> & { parameters: Record<string, unknown>[] } }>;
type Definitions = Record<string, { type: string; properties: Record<string, unknown> }>;

function chain(
  levels: number,
  more: (at: number) => Record<string, unknown>[] = () => [],
  edit: (paths: Paths, definitions: Definitions) => void = () => {},
): SwaggerModel {
  const paths: Record<string, unknown> = {
    '/things': { get: { operationId: 'ListThings', responses: {} } },
  };
  const definitions: Definitions = {};
  for (let at = 0; at < levels; at++) {
    const parameters = [
      { name: 'q', in: 'query', type: 'string' },
      { name: 'body', in: 'body', schema: { $ref: `#/definitions/D${at}` } },
      ...more(at),
    ];
    paths[`/items${at}`] = { post: { operationId: `PostItem${at}`, parameters, responses: {} } };
    // The last one's `next` a string: every body has the same property names.
    const next = at + 1 < levels ? { $ref: `#/definitions/D${at + 1}` } : { type: 'string' };
    const properties = { kind: { type: 'string', ...lookup }, next };
    definitions[`D${at}`] = { type: 'object', properties };
  }
  edit(paths as Paths, definitions);
  return new SwaggerModel({ swagger: '2.0', info: { title: 'T', version: '1' }, paths, definitions });
}

/** The first user of each kind of the users of D<at>'s dropdown, and all of its users. */
function usersOf(model: SwaggerModel, at: number): { kinds: string[]; users: string[] } {
  const call = dynamicCalls(model).find(
    (each) => each.holderPointer === `/definitions/D${at}/properties/kind`,
  )!;
  return {
    kinds: call.kinds.map((kind) => kind.first.operationId!),
    users: call.users.map((user) => user.operationId!),
  };
}

describe('user kinds', () => {
  it("puts operations alike in what the dynamic rules read in one kind, whatever their body's schema", () => {
    // PostItem2 has another parameter, PostItem3 another one, internal: kinds of their own.
    const model = chain(5, (at) =>
      at === 2
        ? [{ name: 'extra', in: 'header', type: 'string' }]
        : at === 3
          ? [{ name: 'page', in: 'query', type: 'integer', 'x-ms-visibility': 'internal' }]
          : [],
    );
    expect(usersOf(model, 1)).toEqual({ kinds: ['PostItem0'], users: ['PostItem0', 'PostItem1'] });
    expect(usersOf(model, 4).kinds).toEqual(['PostItem0', 'PostItem2', 'PostItem3']);
    expect(usersOf(model, 4).users).toEqual([
      'PostItem0',
      'PostItem1',
      'PostItem2',
      'PostItem3',
      'PostItem4',
    ]);
  });

  it('sets apart operations whose parameter of one name has another type or visibility', () => {
    const model = chain(
      4,
      (at) => (at === 0 ? [] : [{ name: 'p', in: 'query', type: at === 2 ? 'integer' : 'string' }]),
      (paths) => void (paths['/items3']!.post.parameters[2]!['x-ms-visibility'] = 'internal'),
    );
    // PostItem1's p is a string, PostItem2's an integer, PostItem3's internal.
    expect(usersOf(model, 3).kinds).toEqual(['PostItem0', 'PostItem1', 'PostItem2', 'PostItem3']);
  });

  it('sets apart operations whose inputs cannot all be read by the names of their parameters', () => {
    // Bodies made with allOf: their properties, and the inputs' names with them, are not read.
    const body = { name: 'body', in: 'body', schema: { allOf: [{ $ref: '#/definitions/D0' }] } };
    const model = chain(1, undefined, (paths) => {
      paths['/items0']!.post.parameters = [{ name: 'q', in: 'query', type: 'string' }, body];
      paths['/other'] = {
        post: {
          operationId: 'PostOther',
          parameters: [{ name: 'p', in: 'query', type: 'string' }, body],
          responses: {},
        },
      };
    });
    expect(usersOf(model, 0).kinds).toEqual(['PostItem0', 'PostOther']);
  });

  it('leaves internal operations out beside visible ones, and keeps them where all are internal', () => {
    const model = chain(
      3,
      undefined,
      (paths) => void (paths['/items0']!.post['x-ms-visibility'] = 'internal'),
    );
    expect(usersOf(model, 2)).toEqual({ kinds: ['PostItem1'], users: ['PostItem1', 'PostItem2'] });
    expect(usersOf(model, 0)).toEqual({ kinds: ['PostItem0'], users: ['PostItem0'] });
  });

  it('gives the same kinds, read from the listed users, past the most kept per definition', () => {
    // Each operation has a parameter of its own name: 100 kinds along the chain.
    const model = chain(100, (at) => [{ name: `own${at}`, in: 'query', type: 'string' }]);
    const last = usersOf(model, 99);
    expect(last.kinds).toEqual(last.users);
    expect(last.kinds).toHaveLength(100);
    expect(usersOf(model, 9).kinds).toEqual(Array.from({ length: 10 }, (_, at) => `PostItem${at}`));
  });

  it('gives the same kinds where the second of two definitions that reach one has too many to keep', () => {
    // D70 is reached from D0 (of 1 kind), then from D69 (of 70 kinds, past the most kept).
    const model = chain(
      71,
      (at) => [{ name: `own${at}`, in: 'query', type: 'string' }],
      (_, definitions) => void (definitions.D0!.properties.skip = { $ref: '#/definitions/D70' }),
    );
    const last = usersOf(model, 70);
    expect(last.kinds).toEqual(last.users);
    expect(last.kinds).toHaveLength(71);
  });
});
