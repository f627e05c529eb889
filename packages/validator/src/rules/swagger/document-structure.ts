import { childPointer } from '../../json/pointer.js';
import { certificationLevels, sameLevels, type RuleContext, type RuleDefinition } from '../../model/rule.js';
import { asArray, asObject, has, isObject } from '../../swagger/json-values.js';
import { closestExtension } from './known-extensions.js';
import {
  jsonTypeOf,
  nodesOfKinds,
  OBJECT_FIELDS,
  structureOf,
  type KeyClasses,
  type NodeKind,
  type StructureNode,
} from './structure.js';
import { nameExcerpt } from '../../text/message-values.js';

/**
 * JSON Schema and OpenAPI 3 keywords that Swagger 2.0 does not have, with what to write instead.
 * People bring them from OpenAPI 3 documents and generators; the platform refuses them ("The '{0}'
 * keyword is not supported."), so they get that message and a way out instead of "not allowed".
 */
const UNSUPPORTED_KEYWORDS = new Map<string, string>([
  [
    'oneOf',
    'Describe the properties the alternatives share, or let the shape depend on an input with x-ms-dynamic-schema.',
  ],
  [
    'anyOf',
    'Describe the properties the alternatives share, or let the shape depend on an input with x-ms-dynamic-schema.',
  ],
  ['not', 'Remove it, and say in the description what the value must not be.'],
  ['nullable', 'Remove it: a property that is not in "required" may already be left out.'],
  ['const', 'Use an enum with the one value.'],
  ['examples', "Use 'example' (one value) in a schema, or x-ms-examples on the operation."],
  ['writeOnly', 'Remove it; leave the property out of the response schema, or hide it with x-ms-visibility.'],
  [
    'deprecated',
    "Mark a deprecated property with x-ms-visibility: 'internal' (or 'advanced') and say so in its description.",
  ],
  ['if', 'Swagger 2.0 has no conditional schemas; describe the value in the description.'],
  ['then', 'Swagger 2.0 has no conditional schemas; describe the value in the description.'],
  ['else', 'Swagger 2.0 has no conditional schemas; describe the value in the description.'],
  ['patternProperties', "Use additionalProperties with the values' schema."],
  ['propertyNames', 'Remove it, and say in the description which keys are allowed.'],
  ['contains', 'Remove it, and say in the description which items the array must hold.'],
  ['prefixItems', 'Swagger 2.0 arrays have one items schema; describe the positions in the description.'],
]);

/** Kinds of objects where these keywords are meant as JSON Schema (a response's `examples` is fine). */
const KEYWORD_KINDS: ReadonlySet<StructureNode['kind']> = new Set(['schema', 'items', 'parameter', 'header']);

function isUnsupportedKeyword(node: StructureNode, key: string): boolean {
  return KEYWORD_KINDS.has(node.kind) && UNSUPPORTED_KEYWORDS.has(key);
}

function keyClassesOf(context: RuleContext): KeyClasses {
  return context.swagger
    ? structureOf(context.swagger).keys
    : { unknown: [], lookalike: [], unknownXms: [], agenticProtocol: [] };
}

/**
 * The lists of the kinds a rule reads. Its findings are sorted by place afterwards, so reading kind
 * by kind rather than in document order changes nothing; three rules went through all ~140,000
 * nodes of the corpus, through a callback, to pick a few kinds.
 */
function nodeListsOf(context: RuleContext, kinds: readonly NodeKind[]): (readonly StructureNode[])[] {
  return context.swagger ? nodesOfKinds(structureOf(context.swagger), kinds) : [];
}

/** A stable text form of a JSON value, so that `{"a":1,"b":2}` and `{"b":2,"a":1}` compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** Pointers to the entries that repeat an earlier entry of the array. */
export function duplicateEntries(list: unknown, pointer: string): string[] {
  return duplicateIndexes(list).map((index) => childPointer(pointer, index));
}

/**
 * Shared, so readonly by type but not frozen: rules loop over it with for…of, and V8 leaves such a
 * loop unoptimized once it meets a frozen array there (iterator results were allocated per entry).
 */
const NO_INDEXES: readonly number[] = [];

/** Lists up to this long, of primitives only, are compared entry by entry rather than through sets. */
const SHORT_LIST = 16;

/** Indexes of the entries that repeat an earlier entry of the array (none when it is not an array). */
export function duplicateIndexes(list: unknown): readonly number[] {
  const array = asArray(list);
  if (!array || array.length < 2) return NO_INDEXES;
  // Most lists (enums, required names) are short and hold distinct strings: comparing each entry
  // with the earlier ones needs no set and no list of results (~3 MB a corpus run).
  if (array.length <= SHORT_LIST && !array.some(isComposite)) return repeatedPrimitives(array);
  // Primitives compare as themselves (a Set treats them as canonical() would: "1" and 1 differ, 0
  // and -0 do not), so only objects and arrays pay for their canonical text; the two never collide.
  const seenPrimitives = new Set<unknown>();
  let seenObjects: Set<string> | undefined;
  const duplicates: number[] = [];
  for (let index = 0; index < array.length; index++) {
    const entry = array[index];
    let seen: Set<unknown>;
    let key: unknown;
    if (isComposite(entry)) {
      seen = seenObjects ??= new Set<string>();
      key = canonical(entry);
    } else {
      seen = seenPrimitives;
      key = entry;
    }
    if (seen.has(key)) duplicates.push(index);
    seen.add(key);
  }
  return duplicates;
}

function isComposite(value: unknown): boolean {
  return value !== null && typeof value === 'object';
}

/** As the sets compare JSON primitives: `===` (0 and -0 are equal, JSON has no NaN). */
function repeatedPrimitives(array: readonly unknown[]): readonly number[] {
  let duplicates: number[] | undefined;
  for (let index = 1; index < array.length; index++) {
    for (let earlier = 0; earlier < index; earlier++) {
      if (array[earlier] === array[index]) {
        (duplicates ??= []).push(index);
        break;
      }
    }
  }
  return duplicates ?? NO_INDEXES;
}

/**
 * The arrays of the root and of operations that Swagger 2.0 declares `uniqueItems` (read on the
 * nodes the structure walk noted with one of two or more entries). The others are the `enum` of
 * schemas, parameters, items and headers and the `required` of schemas, read from the nodes the
 * structure walk noted with those keys rather than from every node of those kinds.
 */
const UNIQUE_ARRAYS: Partial<Record<StructureNode['kind'], string[]>> = {
  root: ['schemes', 'consumes', 'produces'],
  operation: ['schemes', 'consumes', 'produces', 'tags'],
};

/** Reports the repeated entries of `node.value[key]`, if it is an array. */
function reportDuplicates(context: RuleContext, node: StructureNode, key: string): void {
  const list = node.value[key];
  if (!Array.isArray(list) || list.length < 2) return;
  // Pointers only for what is reported: building one per node and key cost more than the check.
  for (const index of duplicateIndexes(list)) {
    context.report({
      pointer: childPointer(node.pointer, key, index),
      message: 'The array contains duplicate values, values must be unique.',
    });
  }
}

const SCHEMA_TYPES = ['string', 'number', 'integer', 'boolean', 'array', 'object', 'file'];

/** The kinds whose `type` is a Swagger 2.0 data type. */
const TYPED_KINDS: readonly NodeKind[] = ['schema', 'items', 'header'];

/** Strings the Swagger 2.0 schema requires that must also not be empty. */
const REQUIRED_STRINGS: Partial<Record<StructureNode['kind'], string[]>> = {
  info: ['title', 'version'],
  parameter: ['name'],
  tag: ['name'],
};

const REQUIRED_STRING_KINDS = Object.keys(REQUIRED_STRINGS) as NodeKind[];

/**
 * A swagger that parses to an array, a string, a number or null has no Swagger object for any other
 * rule to read: without this, such a file would pass with no finding at all.
 */
function reportRootNotObject(context: RuleContext): void {
  const value = context.connector.files.swagger?.document?.value;
  // No value at all (empty, unreadable, too deep) is GEN-JSON-PARSE's to report.
  if (value === undefined || isObject(value)) return;
  context.report({
    pointer: '',
    message: `The type of the property is incorrect. Expected type 'Object', but value is of type '${jsonTypeOf(value)}'. An API definition is one JSON object: { "swagger": "2.0", "info": {…}, "paths": {…} }.`,
  });
}

export const documentStructureRules: RuleDefinition[] = [
  {
    id: 'SWG-VERSION',
    file: 'swagger',
    title: 'Declare "swagger": "2.0".',
    description:
      'Custom connectors are OpenAPI 2.0 (Swagger) documents; OpenAPI 3 is not accepted by the connector platform or the certification validator (SVR: SpecificationVersionIncorrect).',
    levels: sameLevels('error'),
    msCode: 'SpecificationVersionIncorrect',
    msMessage: 'The \'swagger\' property must have the string value "2.0".',
    example: { bad: '{ "openapi": "3.0.1" }', good: '{ "swagger": "2.0" }' },
    check(context) {
      const root = context.swagger?.root;
      if (!root || !has(root, 'swagger')) {
        if (root && has(root, 'openapi')) {
          context.report({
            pointer: '/openapi',
            message:
              'The \'swagger\' property must have the string value "2.0". This is an OpenAPI 3 document; convert it to Swagger 2.0 first.',
          });
        }
        return;
      }
      if (root.swagger !== '2.0') {
        context.report({
          pointer: '/swagger',
          message: 'The \'swagger\' property must have the string value "2.0".',
        });
      }
    },
  },
  {
    id: 'SWG-REQUIRED-ROOT',
    file: 'swagger',
    title: 'Give swagger, info, paths, info.title and info.version.',
    description:
      'The Swagger 2.0 schema requires these properties; the validator reports each missing one (SVR: RequiredPropertyMissing).',
    levels: sameLevels('error'),
    msCode: 'RequiredPropertyMissing',
    msMessage: "The '{0}' property is required.",
    example: {
      bad: '{ "swagger": "2.0", "paths": {} }',
      good: '{ "swagger": "2.0", "info": {…}, "paths": {} }',
    },
    check(context) {
      const root = context.swagger?.root;
      if (!root) return;
      for (const key of ['swagger', 'info', 'paths']) {
        if (!has(root, key))
          context.report({ pointer: childPointer('', key), message: `The '${key}' property is required.` });
      }
      const info = asObject(root.info);
      if (!info) return;
      for (const key of ['title', 'version']) {
        if (!has(info, key))
          context.report({
            pointer: childPointer('/info', key),
            message: `The '${key}' property is required.`,
          });
      }
    },
  },
  {
    id: 'SWG-ADDL-PROP',
    namesFixes: true,
    file: 'swagger',
    title: 'Use only the properties Swagger 2.0 defines, or x- extensions.',
    description:
      'Swagger 2.0 objects are closed: a property that is not in the specification and does not start with "x-" is rejected (SVR: AdditionalPropertyNotAllowed). Such keys are usually typos (`basepath`, `value-path` in the wrong place) whose intent is silently lost. A Swagger field in the wrong case is named in the message, and `validate --fix` renames it.',
    levels: sameLevels('error'),
    msCode: 'AdditionalPropertyNotAllowed',
    msMessage: "The property '{0}' is not allowed and must be removed.",
    example: {
      bad: '{ "swagger": "2.0", "basepath": "/v1" }',
      good: '{ "swagger": "2.0", "basePath": "/v1" }',
    },
    check(context) {
      for (const { node, key } of keyClassesOf(context).unknown) {
        // SWG-KEYWORD's, with a message that says what to write instead.
        if (isUnsupportedKeyword(node, key)) continue;
        const meant = fieldInOtherCase(key, node);
        context.report({
          pointer: childPointer(node.pointer, key),
          message: `The property '${nameExcerpt(key)}' is not allowed and must be removed.${meant ? ` Did you mean '${meant}'?` : ''}`,
          ...(meant === undefined ? {} : { fix: { renameKey: meant } }),
        });
      }
    },
  },
  {
    id: 'SWG-KEYWORD',
    file: 'swagger',
    title: 'Use only Swagger 2.0 keywords in schemas and parameters (no oneOf, nullable, const…).',
    description:
      'OpenAPI 3 and JSON Schema keywords that Swagger 2.0 lacks (`oneOf`, `anyOf`, `not`, `nullable`, `const`, `examples`, `writeOnly`, `deprecated`, `if`/`then`/`else`, `patternProperties`, `propertyNames`, `contains`, `prefixItems`) are refused by the platform (SVR: SwaggerKeywordNotSupported). They usually come from a converted OpenAPI 3 document; the message says what Swagger 2.0 offers instead. No merged connector has one in a schema.',
    levels: sameLevels('error'),
    msCode: 'SwaggerKeywordNotSupported',
    msMessage: "The '{0}' keyword is not supported.",
    example: {
      placement: 'schemaProperty',
      bad: '{ "type": "string", "nullable": true }',
      good: '{ "type": "string" }',
    },
    check(context) {
      for (const { node, key } of keyClassesOf(context).unknown) {
        if (!isUnsupportedKeyword(node, key)) continue;
        context.report({
          pointer: childPointer(node.pointer, key),
          message: `The '${key}' keyword is not supported. ${UNSUPPORTED_KEYWORDS.get(key)!}`,
        });
      }
    },
  },
  {
    id: 'SWG-EXT-NAME',
    file: 'swagger',
    title: 'Start extension names with a lower-case "x-".',
    description:
      'Only keys that begin with "x-" are extensions. `X-ms-summary` or `ms-summary` is an unknown property, not an extension, and the label or setting it carries is lost (SVR: ExtensionNameNotValid).',
    levels: sameLevels('error'),
    msCode: 'ExtensionNameNotValid',
    msMessage:
      'The property \'{0}\' is not valid. If this property is an extension, its name must begin with "x-".',
    example: {
      placement: 'parameter',
      bad: '{ "X-ms-summary": "Name" }',
      good: '{ "x-ms-summary": "Name" }',
    },
    check(context) {
      for (const { node, key } of keyClassesOf(context).lookalike) {
        context.report({
          pointer: childPointer(node.pointer, key),
          message: `The property '${nameExcerpt(key)}' is not valid. If this property is an extension, its name must begin with "x-". Did you mean '${nameExcerpt(extensionSpelling(key))}'?`,
        });
      }
    },
  },
  {
    id: 'SWG-XMS-UNKNOWN',
    namesFixes: true,
    file: 'swagger',
    title: 'Use only known x-ms- extensions, spelled right.',
    description:
      'The platform silently ignores an unknown `x-ms-*` extension, so a typo such as `x-ms-visibilty` loses the intended visibility or label without any error. The repo schema allows only the listed `x-ms-*` names. Merged connectors have `x-ms-visibilty` 32 times, `x-ms-summmary` 9 and a key literally named `x-ms-summary title` (corpus). Real but unschematized extensions (`x-ms-openai-data`, `x-ms-require-user-confirmation`, `x-ms-editor`, AutoRest ones) are allowed. Where no other known extension is as close as the one the message names, `validate --fix` renames the key to it.',
    levels: sameLevels('warning'),
    example: {
      placement: 'pathParameter',
      bad: '{ "name": "id", "in": "path", "x-ms-visibilty": "internal" }',
      good: '{ "name": "id", "in": "path", "x-ms-visibility": "internal" }',
    },
    check(context) {
      for (const { node, key } of keyClassesOf(context).unknownXms) {
        const closest = closestExtension(key);
        const suggestion = closest?.name;
        // Renamed by --fix only when no other known extension is as close: a guess is not a fix.
        const meant = closest?.tied === false ? closest.name : undefined;
        context.report({
          pointer: childPointer(node.pointer, key),
          message: suggestion
            ? `The extension '${nameExcerpt(key)}' is unknown and will be ignored. Did you mean '${suggestion}'?`
            : `The extension '${nameExcerpt(key)}' is not a known x-ms- extension and will be ignored. Use an 'x-' name without 'ms-' for your own data.`,
          ...(meant === undefined ? {} : { fix: { renameKey: meant } }),
        });
      }
    },
  },
  {
    id: 'SWG-JSONTYPE',
    file: 'swagger',
    title: 'Give every Swagger property the JSON type the specification requires.',
    description:
      'A value of the wrong JSON type (an array where Swagger 2.0 wants an object, `"required": true` inside a schema, a number as a string) is rejected by the validator (SVR: JsonTypeIncorrect; PR #4123).',
    levels: sameLevels('error'),
    msCode: 'JsonTypeIncorrect',
    msMessage: "The type of the property is incorrect. Expected type '{0}', but value is of type '{1}'.",
    example: {
      placement: 'definition',
      bad: '{ "type": "object", "required": true }',
      good: '{ "type": "object", "required": ["id"] }',
    },
    check(context) {
      if (!context.swagger) {
        reportRootNotObject(context);
        return;
      }
      for (const issue of structureOf(context.swagger).typeIssues) {
        context.report({
          pointer: issue.pointer,
          message: `The type of the property is incorrect. Expected type '${issue.expected}', but value is of type '${issue.actual}'.`,
        });
      }
    },
  },
  {
    id: 'SWG-JSONENUM',
    file: 'swagger',
    title: 'Use a Swagger 2.0 data type in "type".',
    description:
      'The `type` of a schema, an array item or a header must be one of the Swagger 2.0 data types (SVR: JsonValueNotInEnum). Swagger 2.0 has no `null` type and no type lists; JSON-schema spellings such as "int" or "String" are not accepted.',
    levels: sameLevels('error'),
    msCode: 'JsonValueNotInEnum',
    msMessage: 'The property value must be one of the following: {0}.',
    example: { placement: 'schemaProperty', bad: '{ "type": "String" }', good: '{ "type": "string" }' },
    check(context) {
      if (!context.swagger) return;
      // The few the structure walk noted, not every typed node; kind by kind as before.
      const oddTypes = structureOf(context.swagger).keywords.oddType;
      for (const kind of TYPED_KINDS) {
        for (const node of oddTypes) {
          if (node.kind !== kind) continue;
          const type = node.value.type as string;
          const allowed = node.kind === 'schema' ? SCHEMA_TYPES : SCHEMA_TYPES.slice(0, 5);
          const lower = type.toLowerCase();
          const hint = allowed.includes(lower)
            ? ` Did you mean '${lower}'?`
            : lower === 'null'
              ? " Swagger 2.0 has no 'null' type: write the type of the value when it is set."
              : '';
          context.report({
            pointer: childPointer(node.pointer, 'type'),
            message: `The property value must be one of the following: ${allowed.join(', ')}.${hint}`,
          });
        }
      }
    },
  },
  {
    id: 'SWG-ARRAY-DUP',
    file: 'swagger',
    title: 'Do not repeat values in enum, required, schemes, consumes or produces.',
    description:
      'Swagger 2.0 declares these arrays `uniqueItems`; the validator rejects repeated values (SVR: ArrayDuplicateValue). A repeated enum value also shows twice in the designer.',
    levels: sameLevels('error'),
    msCode: 'ArrayDuplicateValue',
    msMessage: 'The array contains duplicate values, values must be unique.',
    example: {
      placement: 'parameter',
      bad: '{ "enum": ["open", "done", "open"] }',
      good: '{ "enum": ["open", "done"] }',
    },
    check(context) {
      if (!context.swagger) return;
      const keywords = structureOf(context.swagger).keywords;
      // The root, then the operations, as noted: only those with a list of two or more entries.
      for (const node of keywords.uniqueLists) {
        for (const key of UNIQUE_ARRAYS[node.kind]!) reportDuplicates(context, node, key);
      }
      for (const node of keywords.enum) reportDuplicates(context, node, 'enum');
      for (const node of keywords.required) reportDuplicates(context, node, 'required');
    },
  },
  {
    id: 'SWG-REQUIRED-EMPTY',
    file: 'swagger',
    title: 'Do not leave required strings empty.',
    description:
      'A required string that is present but empty (`"title": ""`, a parameter or tag without a name) passes the schema but not the validator (SVR: RequiredValueEmpty).',
    levels: certificationLevels('error'),
    msCode: 'RequiredValueEmpty',
    msMessage: "The '{0}' property must have not empty value.",
    example: { bad: '{ "info": { "title": "", "version": "1.0" } }' },
    check(context) {
      for (const nodes of nodeListsOf(context, REQUIRED_STRING_KINDS)) {
        for (const node of nodes) {
          for (const key of REQUIRED_STRINGS[node.kind]!) {
            const value = node.value[key];
            if (typeof value === 'string' && value.trim() === '') {
              context.report({
                pointer: childPointer(node.pointer, key),
                message: `The '${key}' property must have not empty value.`,
              });
            }
          }
        }
      }
    },
  },
];

/** `basePath` for `basepath`: the known field of the node that the key spells in another case. */
function fieldInOtherCase(key: string, node: StructureNode): string | undefined {
  const lower = key.toLowerCase();
  return Object.keys(OBJECT_FIELDS[node.kind]).find((field) => field.toLowerCase() === lower);
}

/** `X-ms-summary`, `x_ms_summary`, `ms-summary` → `x-ms-summary`. */
function extensionSpelling(key: string): string {
  const rest = key.replace(/^x[-_ .]?/i, '').replace(/^ms_/i, 'ms-');
  return `x-${rest}`;
}
