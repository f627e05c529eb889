import { appendAll } from '@connector-alm/core';
import { childPointer, decodeSegment } from '../../json/pointer.js';
import { sameLevels, type RuleContext, type RuleDefinition } from '../../model/rule.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { asObject, asString, has, isObject, type JsonObject } from '../../swagger/json-values.js';
import { structureOf } from './structure.js';
import type { RefUse, SchemaStructureNode } from './structure/nodes.js';
import { nameExcerpt, nameList } from '../../text/message-values.js';

const SLASH = 0x2f;
const DIGIT_ZERO = 0x30;
const DIGIT_ONE = 0x31;

/**
 * A reference that is not local, or `#` then nothing or `/segments`, where `~` is only ever `~0` or
 * `~1` (RFC 6901). Checked by looking at the second character and each `~`, not with the grammar's
 * regular expression /^#(?:\/(?:[^~/]|~[01])*)*$/, which stepped through every character of the
 * corpus's ~13,500 references in a backtracking loop, up to twice each.
 */
export function isValidRefPointer(ref: string): boolean {
  if (!ref.startsWith('#')) return true;
  if (ref.length > 1 && ref.charCodeAt(1) !== SLASH) return false;
  for (let tilde = ref.indexOf('~'); tilde !== -1; tilde = ref.indexOf('~', tilde + 2)) {
    const escaped = ref.charCodeAt(tilde + 1);
    if (escaped !== DIGIT_ZERO && escaped !== DIGIT_ONE) return false;
  }
  return true;
}

/** The texts a maker writes beside a `$ref` to label one use of a schema (369 of the 496 upstream findings are descriptions). */
const TEXT_KEYWORDS = new Set(['description', 'title', 'x-ms-summary']);

/**
 * What SWG-REF-ADJACENT asks: to remove what Swagger 2.0 ignores, and to write a text meant for the
 * makers where it is read, in the schema referred to. The message said what was found, not what to
 * do, and a maker who only removes a description loses it.
 */
function refSiblingsAdvice(siblings: readonly string[], ref: string): string {
  const them = siblings.length === 1 ? 'it' : 'them';
  const remove = `Swagger 2.0 ignores ${them}: remove ${them}.`;
  const texts = siblings.filter((key) => TEXT_KEYWORDS.has(key));
  if (texts.length === 0) return remove;
  const target = ref.startsWith('#/') ? `'${nameExcerpt(ref)}'` : 'the schema it refers to';
  return `${remove} A ${nameList(texts)} worth keeping ${texts.length === 1 ? 'belongs' : 'belong'} in ${target}, where ${texts.length === 1 ? 'it is' : 'they are'} read.`;
}

type Section = 'definitions' | 'responses';

const SECTION_PREFIX: Record<Section, string> = { definitions: '#/definitions/', responses: '#/responses/' };

/** The reference has exactly the form `#/<section>/<name>`. Asked of every `$ref`: no string built. */
function isSectionRef(ref: string, section: Section): boolean {
  const prefix = SECTION_PREFIX[section];
  return ref.length > prefix.length && ref.startsWith(prefix) && !ref.includes('/', prefix.length);
}

/** The name under `#/<section>/` a reference points to, when it has exactly that form. */
function sectionTarget(ref: string, section: Section): string | undefined {
  return isSectionRef(ref, section) ? ref.slice(SECTION_PREFIX[section].length) : undefined;
}

function checkSectionRef(
  context: RuleContext,
  model: SwaggerModel,
  use: RefUse,
  section: Section,
  noun: 'schema' | 'response',
): void {
  if (!isValidRefPointer(use.ref)) return; // SWG-JSONPOINTER
  // The pointer only for a finding: building it for each of ~13,000 references cost ~4 MB a run.
  const at = (): string => childPointer(use.pointer, '$ref');
  if (!isSectionRef(use.ref, section)) {
    const nested = use.ref.startsWith(`#/${section}/`)
      ? ` Point at a ${noun} definition itself, not inside one.`
      : '';
    context.report({
      pointer: at(),
      message: `The ${noun} reference '${nameExcerpt(use.ref)}' is not valid. ${noun === 'schema' ? 'Schema' : 'Response'} references must start with '#/${section}/' and be valid JSON Pointers.${nested}`,
    });
  } else if (model.resolveRef(use.ref) === undefined) {
    context.report({
      pointer: at(),
      message: `The ${noun} reference '${nameExcerpt(use.ref)}' could not be found in the swagger document.`,
    });
  }
}

/**
 * The objects under `#/responses/`: a reference held by one of them is a definition aliasing
 * another. Asked by object, not by the holder's pointer: building the pointer of each of ~1,500
 * response references a corpus run was most of SWG-REF-RESPONSE's time. A parsed document holds
 * each object at one place only, so the object stands for its place.
 */
function responseDefinitions(model: SwaggerModel): Set<unknown> {
  const responses = model.root.responses;
  const definitions = new Set<unknown>();
  if (!isObject(responses)) return definitions;
  for (const code in responses) if (has(responses, code)) definitions.add(responses[code]);
  return definitions;
}

/**
 * The most definitions a loop's message names. A loop runs through as many definitions as the
 * swagger has, each named by a key of up to 4,096 characters: a longer one shows its first ones,
 * each an excerpt, and how many more.
 */
const MAX_SHOWN_LOOP = 4;

/** `A → B → C → A`, or `A → B → C → D → … (2 more) → A`. */
function loopText(cycle: readonly string[]): string {
  const shown = cycle.slice(0, MAX_SHOWN_LOOP).map((name) => nameExcerpt(name));
  const more = cycle.length - shown.length;
  return [...shown, ...(more > 0 ? [`… (${more} more)`] : []), shown[0]].join(' → ');
}

/** Definitions whose required properties refer to each other in a cycle: no instance could exist. */
function requiredCycles(model: SwaggerModel): string[][] {
  const edges = requiredEdges(model);
  if (edges.size === 0) return [];
  // Iterative depth-first search: white (unseen), grey (on the path), black (done).
  const state = new Map<string, 'grey' | 'black'>();
  const cycles: string[][] = [];
  for (const start of edges.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    const stack: { name: string; next: number }[] = [{ name: start, next: 0 }];
    state.set(start, 'grey');
    path.push(start);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const targets = edges.get(frame.name) ?? [];
      if (frame.next >= targets.length) {
        state.set(frame.name, 'black');
        stack.pop();
        path.pop();
        continue;
      }
      const target = targets[frame.next++]!;
      if (!edges.has(target)) continue;
      const seen = state.get(target);
      if (seen === 'grey') cycles.push(path.slice(path.indexOf(target)));
      else if (seen === undefined) {
        state.set(target, 'grey');
        path.push(target);
        stack.push({ name: target, next: 0 });
      }
    }
  }
  return cycles;
}

/**
 * The definitions that require a reference to a definition (see addRequiredTargets), with the names
 * they refer to, in the order of the definitions: only those can be on a cycle. Read from the
 * structure walk's schemas with a `required` key (a definition's or an allOf member's of one), not
 * by asking each definition: the 89 corpus documents with any such key have ~4,200 definitions, and
 * going through them all (for…in, then each one's keys by name) was most of SWG-REF-LOOP's time;
 * 28 of those documents have any reference to require, in ~350 definitions.
 */
function requiredEdges(model: SwaggerModel): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  // The walk lists schemas in preorder, definitions in the order of their names: a definition comes
  // just before its allOf members, which come in their order (the order the rule has always searched them in).
  for (const schema of structureOf(model).keywords.required) {
    if (schema.origin !== 'definition') continue;
    if (schema.depth !== 0 && !(schema.depth === 1 && schema.viaAllOf)) continue;
    const targets = addRequiredTargets(schema.value, undefined);
    if (targets === undefined) continue;
    const name = definitionNameOf(schema);
    const known = edges.get(name);
    if (known === undefined) edges.set(name, targets);
    else appendAll(known, targets);
  }
  return edges;
}

const DEFINITIONS_PREFIX = '/definitions/';

/**
 * The name of the definition a schema is, or is an allOf member of: its pointer is
 * `/definitions/<name>` or `/definitions/<name>/allOf/<index>`, and an escaped name holds no `/`.
 * Built only for the few that require a reference.
 */
function definitionNameOf(schema: SchemaStructureNode): string {
  const pointer = schema.pointer;
  const end = pointer.indexOf('/', DEFINITIONS_PREFIX.length);
  return decodeSegment(pointer.slice(DEFINITIONS_PREFIX.length, end === -1 ? undefined : end));
}

/**
 * Adds to `targets` the definitions that the required properties of a definition, or of one of its
 * allOf members, `$ref`. Most have none: then no list is made.
 */
function addRequiredTargets(schema: unknown, targets: string[] | undefined): string[] | undefined {
  if (!isObject(schema) || !Array.isArray(schema.required)) return targets;
  const properties = asObject(schema.properties) ?? NO_PROPERTIES;
  for (const required of schema.required) {
    if (typeof required !== 'string') continue;
    const target = sectionTarget(asString(asObject(properties[required])?.$ref) ?? '', 'definitions');
    if (target !== undefined) (targets ??= []).push(target);
  }
  return targets;
}

/** Stands for a schema without properties; never written to. */
const NO_PROPERTIES: JsonObject = Object.freeze({});

export const schemaRefRules: RuleDefinition[] = [
  {
    id: 'SWG-REF-SCHEMA',
    file: 'swagger',
    title: 'Point schema $refs at an existing #/definitions/ entry.',
    description:
      "Only local references to `#/definitions/<name>` are allowed for schemas; external files and other sections are not (SVR; the repo schema's `$ref` description). A broken reference makes the import fail.",
    levels: sameLevels('error'),
    msCode: 'SchemaReferenceNotFound',
    msMessage: "The schema reference '{0}' could not be found in the swagger document.",
    example: {
      placement: 'response',
      bad: '{ "schema": { "$ref": "#/definitions/Taks" } }',
      good: '{ "schema": { "$ref": "#/definitions/Task" } }',
    },
    check(context) {
      const model = context.swagger;
      if (!model) return;
      // No list of the schema references: a filtered copy of ~10,000 a corpus run was garbage.
      for (const use of structureOf(model).refs) {
        if (use.expects === 'schema') checkSectionRef(context, model, use, 'definitions', 'schema');
      }
    },
  },
  {
    id: 'SWG-REF-RESPONSE',
    file: 'swagger',
    title: 'Point response $refs at an existing #/responses/ entry.',
    description:
      'A response `$ref` must be `#/responses/<name>` and exist; a response definition may not itself be a `$ref` to another one (SVR).',
    levels: sameLevels('error'),
    msCode: 'ResponseReferenceNotFound',
    msMessage: "The response reference '{0}' could not be found in the swagger document.",
    example: {
      placement: 'operation',
      bad: '{ "responses": { "404": { "$ref": "#/responses/Missing" } } }',
      good: '{ "responses": { "404": { "$ref": "#/responses/NotFound" } } }',
    },
    check(context) {
      const model = context.swagger;
      if (!model) return;
      let definitions: Set<unknown> | undefined;
      for (const use of structureOf(model).refs) {
        if (use.expects !== 'response') continue;
        definitions ??= responseDefinitions(model);
        if (definitions.has(use.holderValue)) {
          context.report({
            pointer: childPointer(use.pointer, '$ref'),
            message: "The response definition may not use a '$ref' to point to another definition.",
          });
          continue;
        }
        checkSectionRef(context, model, use, 'responses', 'response');
      }
    },
  },
  {
    id: 'SWG-REF-LOOP',
    file: 'swagger',
    title: 'Do not alias definitions, and do not make required properties loop.',
    description:
      'A definition that is only a `$ref` to another definition is rejected (SVR: SchemaRefLoopNotAllowed), and so is a cycle of required properties (A requires a B, B requires an A), which no finite value can satisfy. Optional recursion is fine.',
    levels: sameLevels('error'),
    msCode: 'SchemaRefLoopNotAllowed',
    msMessage: "The schema definition may not use a '$ref' to point to another definition.",
    example: {
      bad: '{ "definitions": { "Item": { "$ref": "#/definitions/Task" } } }',
      good: '{ "definitions": { "Item": { "type": "object", "properties": { "task": { "$ref": "#/definitions/Task" } } } } }',
    },
    check(context) {
      const model = context.swagger;
      if (!model) return;
      // The structure walk's references, in the order of the definitions: asking each of the
      // corpus's ~5,000 definitions for a $ref by name, which few have, was half the rule's time.
      for (const use of structureOf(model).refs) {
        if (!use.heldByDefinition) continue;
        context.report({
          pointer: childPointer(use.pointer, '$ref'),
          message: "The schema definition may not use a '$ref' to point to another definition.",
        });
      }
      for (const cycle of requiredCycles(model)) {
        context.report({
          pointer: childPointer('/definitions', cycle[0]!, 'required'),
          message: `Loops of required schema properties are not allowed: ${loopText(cycle)}.`,
        });
      }
    },
  },
  {
    id: 'SWG-REF-ADJACENT',
    file: 'swagger',
    title: 'Give nothing beside a $ref.',
    description:
      "Swagger 2.0 ignores every property next to a `$ref`, and Microsoft's validator rejects them (SVR). A description or x-ms-summary written beside a `$ref` is silently lost: put it in the referenced definition.",
    levels: sameLevels('warning'),
    msCode: 'RefSiblingsNotAllowed',
    msMessage: "When '$ref' is defined, no other properties may be specified.",
    example: {
      placement: 'responseSchema',
      bad: '{ "$ref": "#/definitions/Task", "description": "The task." }',
      good: '{ "$ref": "#/definitions/Task" }',
    },
    check(context) {
      if (!context.swagger) return;
      for (const use of structureOf(context.swagger).refs) {
        if (!use.hasSiblings) continue;
        const siblings = use.siblings;
        context.report({
          pointer: childPointer(use.pointer, siblings[0]!),
          message: `When '$ref' is defined, no other properties may be specified. Found: ${nameList(siblings)}. ${refSiblingsAdvice(siblings, use.ref)}`,
          // Removing one of them is no new finding under `validate --base`.
          parts: {
            problem: "When '$ref' is defined, no other properties may be specified.",
            names: siblings,
          },
        });
      }
    },
  },
  {
    id: 'SWG-JSONPOINTER',
    file: 'swagger',
    title: 'Write $refs as valid JSON pointers.',
    description:
      'A local reference is `#` followed by a JSON pointer (RFC 6901): `#/definitions/Task`, with `~0` and `~1` escaping `~` and `/`. `#definitions/Task` or a bare `~` is not a pointer (SVR).',
    levels: sameLevels('error'),
    msCode: 'JsonPointerNotValid',
    msMessage: 'The JSON Pointer path is not valid.',
    example: {
      placement: 'responseSchema',
      bad: '{ "$ref": "#definitions/Task" }',
      good: '{ "$ref": "#/definitions/Task" }',
    },
    check(context) {
      if (!context.swagger) return;
      for (const use of structureOf(context.swagger).refs) {
        if (isValidRefPointer(use.ref)) continue;
        context.report({
          pointer: childPointer(use.pointer, '$ref'),
          message: `The JSON Pointer path is not valid: '${use.ref}'.`,
        });
      }
    },
  },
];
