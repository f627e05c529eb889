import { childPointer } from '../../json/pointer.js';
import { sameLevels, type RuleContext, type RuleDefinition } from '../../model/rule.js';
import { nameExcerpt } from '../../text/message-values.js';
import { inOtherCase } from '../../text/other-case.js';
import { closestExtension } from './known-extensions.js';
import { renamedByFix, RENAME_ADVICE } from '../key-rename-advice.js';
import { OBJECT_FIELDS } from './structure/swagger-fields.js';
import { structureOf } from './structure.js';
import type { KeyClasses } from './structure/swagger-structure.js';
import type { StructureNode } from './structure/nodes.js';

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

export const additionalPropertyRule: RuleDefinition = {
  id: 'SWG-ADDL-PROP',
  namesFixes: 'keyRenames',
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
    const found: { node: StructureNode; key: string; meant: string | undefined }[] = [];
    for (const { node, key } of keyClassesOf(context).unknown) {
      // SWG-KEYWORD's, with a message that says what to write instead.
      if (isUnsupportedKeyword(node, key)) continue;
      found.push({ node, key, meant: inOtherCase(key, Object.keys(OBJECT_FIELDS[node.kind])) });
    }
    const renamed = renamedByFix(
      context.connector.files.swagger,
      found.filter(hasMeant),
      (use) => use.node.value,
    );
    for (const use of found) {
      const { node, key, meant } = use;
      const advice = hasMeant(use) && renamed.has(use) ? ` ${RENAME_ADVICE}` : '';
      context.report({
        pointer: childPointer(node.pointer, key),
        message: `The property '${nameExcerpt(key)}' is not allowed and must be removed.${meant ? ` Did you mean '${meant}'?${advice}` : ''}`,
        ...(meant === undefined ? {} : { fix: { renameKey: meant } }),
        ...(advice === '' ? {} : { fixable: true }),
      });
    }
  },
};

export const unsupportedKeywordRule: RuleDefinition = {
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
};

export const extensionNameRule: RuleDefinition = {
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
};

export const unknownXmsExtensionRule: RuleDefinition = {
  id: 'SWG-XMS-UNKNOWN',
  namesFixes: 'keyRenames',
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
    const found: {
      node: StructureNode;
      key: string;
      suggestion: string | undefined;
      meant: string | undefined;
    }[] = [];
    for (const { node, key } of keyClassesOf(context).unknownXms) {
      const closest = closestExtension(key);
      // Renamed by --fix only when no other known extension is as close: a guess is not a fix.
      found.push({
        node,
        key,
        suggestion: closest?.name,
        meant: closest?.tied === false ? closest.name : undefined,
      });
    }
    const renamed = renamedByFix(
      context.connector.files.swagger,
      found.filter(hasMeant),
      (use) => use.node.value,
    );
    for (const use of found) {
      const { node, key, suggestion, meant } = use;
      const advice = hasMeant(use) && renamed.has(use) ? ` ${RENAME_ADVICE}` : '';
      context.report({
        pointer: childPointer(node.pointer, key),
        message: suggestion
          ? `The extension '${nameExcerpt(key)}' is unknown and will be ignored. Did you mean '${suggestion}'?${advice}`
          : `The extension '${nameExcerpt(key)}' is not a known x-ms- extension and will be ignored. Use an 'x-' name without 'ms-' for your own data.`,
        ...(meant === undefined ? {} : { fix: { renameKey: meant } }),
        ...(advice === '' ? {} : { fixable: true }),
      });
    }
  },
};

function hasMeant<T extends { meant: string | undefined }>(use: T): use is T & { meant: string } {
  return use.meant !== undefined;
}

/** `X-ms-summary`, `x_ms_summary`, `ms-summary` → `x-ms-summary`. */
function extensionSpelling(key: string): string {
  const rest = key.replace(/^x[-_ .]?/i, '').replace(/^ms_/i, 'ms-');
  return `x-${rest}`;
}
