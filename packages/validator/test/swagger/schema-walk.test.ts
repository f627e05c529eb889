import { describe, expect, it } from '@jest/globals';
import { PointerPlace } from '../../src/json/pointer-place.js';
import { SwaggerModel } from '../../src/swagger/swagger-model.js';
import type { SchemaNode } from '../../src/swagger/schema-walk.js';

/** Every node a walk of `/definitions/<name>` meets, as the facts rules read of it. */
function walk(definitions: Record<string, unknown>, name: string) {
  const model = new SwaggerModel({ swagger: '2.0', definitions });
  const nodes: SchemaNode[] = [];
  model.walkSchema(definitions[name], `/definitions/${name}`, (node) => {
    nodes.push(node);
  });
  return nodes.map(({ pointer, nested, depth, viaRef, required }) => ({
    pointer,
    nested,
    depth,
    viaRef,
    required,
  }));
}

describe('PointerPlace', () => {
  it('builds the escaped pointer of a place below another only when read', () => {
    const root = PointerPlace.at('/definitions/a~1b');
    const place = new PointerPlace(root, 'properties', 'x/y~z');
    expect(place.pointer).toBe('/definitions/a~1b/properties/x~1y~0z');
    expect(new PointerPlace(undefined).pointer).toBe('');
  });
});

describe('SwaggerModel.walkSchema', () => {
  it('names each node where it is written, below the target of a $ref once it follows one', () => {
    const nodes = walk(
      {
        Task: {
          type: 'object',
          required: ['owner'],
          properties: {
            owner: { $ref: '#/definitions/User' },
            tags: { type: 'array', items: { type: 'string' } },
          },
        },
        User: { type: 'object', properties: { name: { type: 'string' } } },
      },
      'Task',
    );
    expect(nodes).toEqual([
      { pointer: '/definitions/Task', nested: false, depth: 0, viaRef: false, required: false },
      { pointer: '/definitions/User', nested: true, depth: 1, viaRef: true, required: true },
      { pointer: '/definitions/User/properties/name', nested: true, depth: 2, viaRef: true, required: false },
      {
        pointer: '/definitions/Task/properties/tags',
        nested: true,
        depth: 1,
        viaRef: false,
        required: false,
      },
      {
        pointer: '/definitions/Task/properties/tags/items',
        nested: true,
        depth: 2,
        viaRef: false,
        required: false,
      },
    ]);
  });

  it('walks the children of a $ref’s target, not those written beside the $ref', () => {
    const nodes = walk(
      {
        Holder: {
          $ref: '#/definitions/Target',
          required: ['beside'],
          properties: { beside: { type: 'string' } },
          items: { type: 'string' },
          additionalProperties: { type: 'string' },
          allOf: [{ type: 'string' }],
        },
        Target: { required: ['kept'], properties: { kept: { type: 'string' } } },
      },
      'Holder',
    );
    expect(nodes.map(({ pointer, required }) => [pointer, required])).toEqual([
      ['/definitions/Target', false],
      ['/definitions/Target/properties/kept', true],
    ]);
  });

  it('keeps an allOf member of the root at the top level and stops at a recursive $ref', () => {
    const nodes = walk(
      {
        Node: {
          allOf: [{ $ref: '#/definitions/Base' }],
          properties: { next: { $ref: '#/definitions/Node' } },
        },
        Base: { type: 'object' },
      },
      'Node',
    );
    expect(nodes.map(({ pointer, nested }) => [pointer, nested])).toEqual([
      ['/definitions/Node', false],
      ['/definitions/Node', true],
      ['/definitions/Base', true],
      ['/definitions/Base', false],
    ]);
  });

  it('marks the properties a short or a long required list names, ignoring entries that are not names', () => {
    const names = Array.from({ length: 20 }, (_, index) => `p${index}`);
    const properties = Object.fromEntries([...names, 'extra'].map((name) => [name, { type: 'string' }]));
    const required = (nodes: ReturnType<typeof walk>) =>
      nodes.filter((node) => node.required).map((node) => node.pointer.split('/').pop());
    expect(required(walk({ Short: { properties, required: ['p1', 7, null, 'p3'] } }, 'Short'))).toEqual([
      'p1',
      'p3',
    ]);
    expect(required(walk({ Long: { properties, required: [...names.slice(1), 3] } }, 'Long'))).toEqual(
      names.slice(1),
    );
  });
});

describe('SwaggerModel.walkSchemaSteps', () => {
  const definitions = {
    Task: {
      type: 'object',
      required: ['owner'],
      properties: {
        owner: { $ref: '#/definitions/User' },
        'a/b': { type: 'array', items: { type: 'object', properties: { deep: { type: 'string' } } } },
        last: { allOf: [{ $ref: '#/definitions/User' }, { properties: { z: { type: 'string' } } }] },
      },
    },
    User: { type: 'object', properties: { name: { type: 'string' } } },
  };
  const facts = ({ pointer, nested, depth, viaRef, required }: SchemaNode) => ({
    pointer,
    nested,
    depth,
    viaRef,
    required,
  });

  it('makes for a node kept late in the walk, below ancestors it skipped, the node walkSchema makes', () => {
    const model = new SwaggerModel({ swagger: '2.0', definitions });
    const all: SchemaNode[] = [];
    model.walkSchema(definitions.Task, '/definitions/Task', (node) => {
      all.push(node);
    });
    // Keep only the leaves: their ancestors' frames were overwritten by siblings before they are asked.
    const leaves: SchemaNode[] = [];
    const steps: unknown[] = [];
    model.walkSchemaSteps(
      definitions.Task,
      { owner: { pointer: '/definitions' }, segment: 'Task' },
      (step) => {
        steps.push({ schema: step.schema, nested: step.nested, depth: step.depth, required: step.required });
        if (step.schema.type === 'string') leaves.push(step.node());
      },
    );
    expect(steps).toEqual(
      all.map(({ schema, nested, depth, required }) => ({ schema, nested, depth, required })),
    );
    expect(leaves.map(facts)).toEqual(all.filter((node) => node.schema.type === 'string').map(facts));
    expect(leaves.map((node) => node.pointer)).toEqual([
      '/definitions/User/properties/name',
      '/definitions/Task/properties/a~1b/items/properties/deep',
      '/definitions/User/properties/name',
      '/definitions/Task/properties/last/allOf/1/properties/z',
    ]);
  });

  it('answers the same node when asked twice, and a new one in the next walk', () => {
    const model = new SwaggerModel({ swagger: '2.0', definitions });
    const kept: SchemaNode[] = [];
    for (let walk = 0; walk < 2; walk++) {
      model.walkSchemaSteps(definitions.User, '/definitions/User', (step) => {
        if (step.depth === 0) {
          expect(step.node()).toBe(step.node());
          kept.push(step.node());
        }
      });
    }
    expect(kept[0]).not.toBe(kept[1]);
    expect(kept.map((node) => node.pointer)).toEqual(['/definitions/User', '/definitions/User']);
  });

  it('gives a walk started inside another its own frames', () => {
    const model = new SwaggerModel({ swagger: '2.0', definitions });
    const pointers: string[] = [];
    model.walkSchemaSteps(definitions.Task, '/definitions/Task', (step) => {
      if (step.depth !== 1) return;
      model.walkSchemaSteps(definitions.User, '/definitions/User', (inner) => {
        if (inner.depth === 1) pointers.push(inner.node().pointer);
      });
      pointers.push(step.node().pointer);
    });
    expect(pointers).toEqual([
      '/definitions/User/properties/name',
      '/definitions/User',
      '/definitions/User/properties/name',
      '/definitions/Task/properties/a~1b',
      '/definitions/User/properties/name',
      '/definitions/Task/properties/last',
    ]);
  });
});
