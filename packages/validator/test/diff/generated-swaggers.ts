import { MAX_NAME_LENGTH } from '../../src/text/message-values.js';
import { seededRandom } from '../helpers/seeded-random.js';

/*
 * Random swagger pairs, the same for a seed on every machine, in the shapes where a connector diff's
 * schema reports overlap: definitions shared by bodies, responses and shared parameters; `$ref`
 * chains and loops; allOf; nested objects and arrays; a definition reached by more ValuePaths than
 * are listed; names with '/' (a ValuePath beginning another's), many parameters named so or alike up
 * to the cut; operations with no operationId, an empty one, the same one twice, or ids that differ
 * only past the cut; schemas with a change of their own beside nested ones (a body parameter or an
 * inline body whose description is edited, over a changed definition); bodies that merge definitions
 * through allOf and wrap them too; and, in `capped` pairs, one
 * large definition shared by many operations, edited whole, for more changes than the per-rule cap.
 */

type Json = Record<string, any>;

export interface SwaggerPair {
  old: Json;
  new: Json;
}

const NAMES = ['a', 'b', 'id', 'schema', 'items', 'body', 'a/b', 'b/c', '200', 'responses', ''];
const LONG_ID = 'o'.repeat(MAX_NAME_LENGTH);
const OPERATION_IDS = ['Op', 'Op2', 'Get', 'Op/schema', `${LONG_ID}1`, `${LONG_ID}2`];
// Query parameters whose ValuePaths nest ('x', 'x/x', 'x/items', …: one's ValuePath begins another's,
// or is the ValuePath of a change under it) or are one after the cut (`${LONG_NAME}3` and the rest).
const LONG_NAME = 'n'.repeat(MAX_NAME_LENGTH);
const NESTED_NAMES = ['x', 'x/x', 'x/x/x', 'x/items', 'x/items/a', 'x/items/items', 'x/items/b/items'];
const BIG = 'Big';

class Generator {
  private readonly next: () => number;
  readonly definitions: string[] = [];

  constructor(seed: number) {
    this.next = seededRandom(seed);
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(values: readonly T[]): T {
    return values[this.int(values.length)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  scalar(): Json {
    const type = this.pick(['string', 'integer', 'boolean', 'string', 'enum']);
    if (type === 'enum') return { type: 'string', enum: ['p', 'q', 'r', 's'].slice(0, 2 + this.int(3)) };
    const schema: Json = { type };
    if (type === 'string' && this.chance(0.2)) schema.format = this.pick(['date-time', 'uri']);
    if (this.chance(0.2)) schema.description = `d${this.int(3)}`;
    return schema;
  }

  schema(depth: number): Json {
    const kind = this.int(10);
    if (depth > 2 || kind < 4) return this.scalar();
    if (kind < 6) return ref(this.pick(this.definitions)); // may close a loop
    if (kind < 7)
      return {
        type: 'array',
        items: this.chance(0.5) ? ref(this.pick(this.definitions)) : this.schema(depth + 1),
      };
    if (kind < 8) return { allOf: [ref(this.pick(this.definitions)), this.object(depth + 1)] };
    return this.object(depth + 1);
  }

  object(depth: number): Json {
    const properties: Json = {};
    const count = 1 + this.int(4);
    for (let index = 0; index < count; index++)
      properties[this.chance(0.7) ? this.pick(NAMES) : `f${index}`] = this.schema(depth);
    const names = Object.keys(properties);
    return this.chance(0.4)
      ? { type: 'object', properties, required: names.filter(() => this.chance(0.5)) }
      : { type: 'object', properties };
  }
}

/**
 * Up to 48 array query parameters named to nest or to be one after the cut, each's `items` a
 * definition (mostly the shared one) or an array of one: many reports at one ValuePath, or at
 * ValuePaths above the changes of others, that share changes. Their descriptions are edited
 * (editTexts), a change of their own beside the definition's.
 */
function arrayParameters(g: Generator, target: () => string): Json[] {
  const names = new Set<string>();
  const count = 1 + g.int(48);
  for (let index = 0; index < count; index++)
    names.add(g.chance(0.3) ? g.pick(NESTED_NAMES) : `${LONG_NAME}${g.int(40)}`);
  return [...names].map((name) => ({
    name,
    in: 'query',
    type: 'array',
    description: 'q',
    items: g.chance(0.8) ? ref(target()) : { type: 'array', items: ref(target()) },
  }));
}

/**
 * A body that merges definitions through allOf (its properties those of the definitions, shared
 * with theirs where they are the body's own: compared-properties.ts): one member or two, the second inline;
 * often wrapping a definition too (each change under both), with names of its own that may be a
 * member's, and a 'required' list that may name a member's fields.
 */
function allOfBody(g: Generator, target: () => string): Json {
  const members: Json[] = [ref(target())];
  if (g.chance(0.5)) members.push(g.chance(0.5) ? { properties: { z: g.scalar() } } : ref(target()));
  const body: Json = { allOf: members };
  if (g.chance(0.5))
    body.properties = { wrap: ref(target()), ...(g.chance(0.3) ? { [g.pick(NAMES)]: g.scalar() } : {}) };
  if (g.chance(0.3)) body.required = [g.pick(NAMES), 'wrap'];
  return body;
}

function ref(definition: string): Json {
  return { $ref: `#/definitions/${definition}` };
}

export function generatedPair(seed: number, capped = false): SwaggerPair {
  const g = new Generator(seed);
  const definitions: Json = {};
  const count = 2 + g.int(5);
  for (let index = 0; index < count; index++) g.definitions.push(`D${index}`);
  for (const name of [...g.definitions]) definitions[name] = g.object(0);
  if (capped || g.chance(0.05)) {
    const properties: Json = {};
    const fields = 150 + g.int(250);
    for (let index = 0; index < fields; index++) properties[`p${index}`] = { type: 'string' };
    definitions[BIG] = { type: 'object', properties };
    g.definitions.push(BIG);
  }
  if (g.chance(0.25)) {
    // One definition reached by up to 81 ValuePaths, past the 50 listed.
    const leaf = g.pick(g.definitions);
    const fan = (prefix: string, to: () => Json): Json => ({
      type: 'object',
      properties: Object.fromEntries(Array.from({ length: 2 + g.int(8) }, (_, i) => [`${prefix}${i}`, to()])),
    });
    definitions.Fan2 = fan('g', () => ref(leaf));
    definitions.Fan = fan('f', () => (g.chance(0.8) ? ref('Fan2') : { type: 'array', items: ref('Fan2') }));
    g.definitions.push('Fan');
  }
  if (g.chance(0.5)) definitions.Alias = ref(g.pick(g.definitions));
  if (g.chance(0.3)) definitions.Alias2 = ref('Alias');
  if (g.chance(0.15)) {
    definitions.Loop1 = ref('Loop2');
    definitions.Loop2 = ref('Loop1');
  }
  if (g.chance(0.3))
    definitions.Composite = {
      allOf: [ref(g.pick(g.definitions)), ref(g.pick(g.definitions)), { properties: { z: g.scalar() } }],
    };
  const all = Object.keys(definitions);
  // Most bodies share one definition, so that operations of one id report it by different lists.
  const shared = capped ? BIG : 'D0';
  const target = (): string => (g.chance(capped ? 0.6 : 0.4) ? shared : g.pick(all));
  // A definition as it is, in an array, or merged by allOf: one operationId's bodies then report
  // different lists at one ValuePath that share the definition's changes.
  const body = (): Json => {
    const kind = g.int(10);
    if (kind < 2) return { type: 'array', items: ref(target()) };
    if (kind < 4) return allOfBody(g, target);
    return kind < 9 ? ref(target()) : g.object(1);
  };

  const parameters: Json = {};
  if (g.chance(0.5))
    parameters.Shared = { name: g.pick(['body', 'schema', 'b/c']), in: 'body', schema: ref(g.pick(all)) };
  if (g.chance(0.4)) parameters.Q = { name: g.pick(['q', 'a/b']), in: 'query', type: 'string' };

  const paths: Json = {};
  const pathCount = 1 + g.int(capped ? 10 : 5);
  for (let index = 0; index < pathCount; index++) {
    const item: Json = {};
    for (const method of ['get', 'post', 'put'].filter(() => g.chance(0.5))) {
      const operation: Json = {};
      const id = g.int(10);
      if (id < 6) operation.operationId = g.pick(OPERATION_IDS) + (g.chance(0.8) ? '' : String(index));
      else if (id < 7) operation.operationId = '';
      const list: Json[] = [];
      if (g.chance(0.6))
        list.push({
          name: g.pick(['body', 'schema', 'body/schema']),
          in: 'body',
          required: g.chance(0.5),
          schema: body(),
          // A parameter that is a schema too: its `items` reach a definition, beside its own texts.
          ...(g.chance(0.3) ? { items: ref(target()) } : {}),
        });
      else if (parameters.Shared && g.chance(0.7)) list.push({ $ref: '#/parameters/Shared' });
      if (parameters.Q && g.chance(0.5)) list.push({ $ref: '#/parameters/Q' });
      if (g.chance(0.3))
        list.push({ name: g.pick(['x', 'a/b']), in: 'query', type: 'string', required: g.chance(0.3) });
      if (g.chance(capped ? 0.05 : 0.15)) list.push(...arrayParameters(g, target));
      if (list.length > 0) operation.parameters = list;
      operation.responses = {};
      for (const code of ['200', '201', 'default'].filter((_, i) => i === 0 || g.chance(0.3)))
        operation.responses[code] = g.chance(0.8)
          ? { description: 'ok', schema: body() }
          : { description: 'ok' };
      item[method] = operation;
    }
    paths[`/p${index}${g.chance(0.3) ? '/{id}' : ''}`] = item;
  }
  const old: Json = {
    swagger: '2.0',
    info: { title: 'T', version: '1.0' },
    host: 'example.com',
    paths,
    definitions,
  };
  if (Object.keys(parameters).length > 0) old.parameters = parameters;
  const edited = structuredClone(old);
  const edits = 1 + g.int(6);
  for (let index = 0; index < edits; index++)
    edit(g, edited, all, capped && index === 0 ? 9 : g.int(16), index);
  return { old, new: edited };
}

/** One random edit of `swagger`: `kind` says which. */
function edit(g: Generator, swagger: Json, all: string[], kind: number, index: number): void {
  const objects = Object.entries(swagger.definitions as Json).filter(([, value]) => value?.properties);
  if (objects.length === 0) return;
  const [name, definition] = g.pick(objects);
  const properties: Json = definition.properties;
  const names = Object.keys(properties);
  const property = names.length > 0 ? g.pick(names) : undefined;
  switch (kind) {
    case 0:
      if (property !== undefined) delete properties[property];
      return;
    case 1:
      if (property !== undefined)
        properties[property] = { type: g.pick(['integer', 'object', 'array']), items: { type: 'string' } };
      return;
    case 2:
      definition.required = [
        ...new Set([...(definition.required ?? []), ...names.filter(() => g.chance(0.6))]),
      ];
      return;
    case 3:
      properties[`n${index}`] = g.scalar();
      definition.required = [...(definition.required ?? []), `n${index}`];
      return;
    case 4:
      for (const value of Object.values(properties))
        if (value.enum?.length > 1) value.enum = value.enum.slice(1);
      return;
    case 5:
      if (property !== undefined)
        properties[property] = { ...properties[property], description: 'edited', format: 'int32' };
      return;
    case 6:
      if (g.chance(0.3)) delete swagger.definitions[name];
      else properties[property ?? 'k'] = ref(g.pick(all));
      return;
    case 7:
      if (property !== undefined)
        properties[property] = { 'x-ms-visibility': 'internal', ...properties[property] };
      return;
    case 8:
      editOperation(g, swagger);
      return;
    case 9:
      editBig(g, swagger.definitions[BIG]);
      return;
    case 10:
      definition.allOf = [ref(g.pick(all))];
      return;
    case 11:
      definition.type = g.pick(['array', 'string']);
      return;
    case 12:
      if (swagger.parameters?.Shared) swagger.parameters.Shared.schema = ref(g.pick(all));
      return;
    case 13:
      editTexts(g, swagger);
      return;
    case 15:
      for (const body of allOfBodies(swagger)) if (g.chance(0.7)) requireInBody(g, swagger, body);
      return;
    default:
      if (swagger.definitions.Alias) swagger.definitions.Alias = ref(g.pick(all));
      else definition.required = names;
  }
}

function editOperation(g: Generator, swagger: Json): void {
  const item: Json = swagger.paths[g.pick(Object.keys(swagger.paths))];
  const method = g.pick(Object.keys(item));
  if (method === undefined) return;
  const operation = item[method];
  const kind = g.int(4);
  if (kind === 0) delete item[method];
  else if (kind === 1) operation.operationId = g.pick(OPERATION_IDS);
  else if (kind === 2)
    for (const response of Object.values(operation.responses) as Json[]) delete response.schema;
  else
    for (const parameter of operation.parameters ?? []) {
      if (parameter.$ref) continue;
      parameter.required = true;
      if (parameter.schema?.allOf) requireInBody(g, swagger, parameter.schema);
    }
}

/** The inline schemas of body parameters that merge definitions through allOf. */
function allOfBodies(swagger: Json): Json[] {
  const bodies: Json[] = [];
  for (const item of Object.values(swagger.paths) as Json[])
    for (const operation of Object.values(item) as Json[])
      for (const parameter of operation.parameters ?? [])
        if (parameter.in === 'body' && parameter.schema?.allOf) bodies.push(parameter.schema);
  return bodies;
}

/**
 * A body merging definitions lists a field required: a member's (which the member may list too,
 * the body's entry then the one edited) or one of its own.
 */
function requireInBody(g: Generator, swagger: Json, body: Json): void {
  const member: Json | undefined = swagger.definitions[String(body.allOf[0].$ref).split('/').pop()!];
  const names = Object.keys(member?.properties ?? {});
  const name = names.length > 0 && g.chance(0.7) ? g.pick(names) : g.pick(NAMES);
  body.required = [...(body.required ?? []), name];
  if (member && g.chance(0.5)) member.required = [...(member.required ?? []), name];
}

/**
 * Body parameters' descriptions and inline schemas' edited, each in its operation: a change of the
 * schema's own beside the changes of what it reaches (its `items`, properties, allOf).
 */
function editTexts(g: Generator, swagger: Json): void {
  const edited = (schema: Json | undefined) => {
    if (schema && !schema.$ref && g.chance(0.7)) schema.description = `edited ${g.int(2)}`;
  };
  for (const item of Object.values(swagger.paths) as Json[]) {
    for (const operation of Object.values(item) as Json[]) {
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in === 'query' && parameter.items) edited(parameter);
        if (parameter.in !== 'body') continue;
        edited(parameter);
        edited(parameter.schema);
      }
      for (const response of Object.values(operation.responses) as Json[]) edited(response.schema);
    }
  }
}

/** Most of the large definition's fields made required, deleted or retyped. */
function editBig(g: Generator, big: Json | undefined): void {
  if (!big) return;
  const kind = g.int(3);
  const names = Object.keys(big.properties);
  if (kind === 0) big.required = names.filter(() => g.chance(0.9));
  for (const name of names) {
    if (!g.chance(0.8)) continue;
    if (kind === 1) delete big.properties[name];
    else if (kind === 2) big.properties[name] = { type: 'integer' };
  }
}
