import { childPointer } from '../../json/pointer.js';
import { certificationLevels, sameLevels, type RuleDefinition } from '../../model/rule.js';
import { asArray, asObject, asString, has, type JsonObject } from '../../swagger/json-values.js';
import {
  firstNonLatinWord,
  foreignLatinWord,
  isAsciiString,
  nonAsciiTextIsForeign,
} from './non-latin-text.js';
import { internalOnlyPlacesOf } from './internal-only-places.js';
import { nodesOfKinds, structureOf } from './structure.js';
import type { NodeKind } from './structure/swagger-fields.js';
import { removeTrailingAdvice, withoutTrailingPunctuation } from './trailing-advice.js';
import { valueWrite } from '../value-write-advice.js';
import { isInternalVisibility } from '../../swagger/visibility.js';
import { nameExcerpt } from '../../text/message-values.js';

/** The user-facing text fields of each kind of object. */
const TEXT_FIELDS: Partial<Record<NodeKind, string[]>> = {
  info: ['title', 'description'],
  operation: ['summary', 'description'],
  parameter: ['x-ms-summary', 'description'],
  schema: ['x-ms-summary', 'title', 'description'],
  response: ['description'],
  tag: ['description'],
};

const TEXT_KINDS = Object.keys(TEXT_FIELDS) as NodeKind[];

/**
 * The kinds whose empty texts SWG-TEXT-EMPTY reports. Not info, operations or parameters: the
 * title, summary, x-ms-summary and description rules of those already report an empty text as missing
 * where it matters (visible operations and parameters), and an internal one's text is never shown.
 */
const EMPTY_TEXT_KINDS: NodeKind[] = ['schema', 'response', 'tag'];

/**
 * Whether one of the node's text fields holds a non-Latin or a foreign Latin word, read in one pass over its keys:
 * asking every node of the non-ASCII documents for two or three fields by name, most of them
 * absent, among thousands of object shapes, made the rule ~15% slower (~6.1 ms a corpus run
 * instead of ~5.2). The few nodes that hold one are then read field by field, in report order.
 */
function hasForeignText(value: JsonObject, fields: readonly string[]): boolean {
  for (const key in value) {
    if (!fields.includes(key) || !has(value, key)) continue;
    const text = value[key];
    if (typeof text === 'string' && !isAsciiString(text) && nonAsciiTextIsForeign(text)) return true;
  }
  return false;
}

/**
 * A response's description cannot be removed: Swagger 2.0 requires it in every Response Object, so
 * the advice for other texts, to write one or remove the property, would make the document invalid
 * (nimflow's 31 empty ones upstream were told so).
 */
const RESPONSE_DESCRIPTION_ADVICE =
  'Write what the response is, such as "Created" or "The task": Swagger 2.0 requires a response\'s description, so it cannot be removed.';

/** Label length limit: "It has a limit of 80 characters" (STR), enforced on parameters and summaries. */
const MAX_SCHEMA_SUMMARY = 80;

/** Punctuation that ends a sentence or a list, not a label; `?` and `)` are common in good labels. */
const BAD_LABEL_END = /[\s.,:;]$/;

export const documentTextRules: RuleDefinition[] = [
  {
    id: 'GEN-ENGLISH',
    file: 'swagger',
    title: 'Write titles, summaries and descriptions in English.',
    description:
      'Certification requires English in every user-facing string: "Any non-English characters are not allowed in any connector artifacts" (PR #705; SVR: ValueMustBeInEnglish). Detected: words in a non-Latin script (an error), and lower-case words with a Latin diacritic such as für, tâches or órdenes (a warning: capitalised names and a few English loanwords such as café are allowed). One merged connector has such a word: Passage by 1Password - Auth (upstream PR #3204, an independent publisher) quotes a Cyrillic example name, "ОАО Примертех", in an English description.',
    levels: certificationLevels('error', 'info'),
    msCode: 'ValueMustBeInEnglish',
    msMessage: "The '{0}' value must be written in English.",
    example: {
      placement: 'operation',
      bad: '{ "summary": "Получить задачи" }',
      good: '{ "summary": "Get tasks" }',
    },
    check(context) {
      if (!context.swagger) return;
      // Most swaggers are ASCII throughout: none of their strings can hold a non-Latin letter.
      const document = context.connector.files.swagger?.document;
      if (document?.value === context.swagger.root && document.stringsAreAscii) return;
      // Kind by kind, not every node: findings are sorted by place afterwards.
      const lists = nodesOfKinds(structureOf(context.swagger), TEXT_KINDS);
      for (let index = 0; index < TEXT_KINDS.length; index++) {
        const fields = TEXT_FIELDS[TEXT_KINDS[index]!]!;
        for (const node of lists[index]!) {
          if (!hasForeignText(node.value, fields)) continue;
          for (const field of fields) {
            const text = asString(node.value[field]);
            if (text === undefined) continue;
            // The word, because a mostly English text can hide it (an example name, a pasted quote).
            const nonLatin = firstNonLatinWord(text);
            if (nonLatin !== undefined) {
              context.report({
                pointer: childPointer(node.pointer, field),
                message: `The '${field}' value must be written in English. Found "${nameExcerpt(nonLatin)}": write it in English or leave it out.`,
              });
              continue;
            }
            const word = foreignLatinWord(text);
            if (word === undefined) continue;
            // A word is weaker evidence than a script: a warning.
            context.report({
              pointer: childPointer(node.pointer, field),
              severity: 'warning',
              message: `The '${field}' value must be written in English. Found "${nameExcerpt(word)}", which is not an English word: write it in English or leave it out.`,
            });
          }
        }
      }
    },
  },
  {
    id: 'SWG-FIELD-LEN',
    file: 'swagger',
    title: 'Keep property labels (x-ms-summary) to 80 characters.',
    description:
      'Microsoft limits `x-ms-summary` to 80 characters (STR: "It has a limit of 80 characters"; SVR: FieldLengthExceeded). The title, description, operation summary and parameter label limits have their own rules; this one covers the labels of schema properties. Two merged connectors exceed it.',
    levels: certificationLevels('warning', 'info'),
    msCode: 'FieldLengthExceeded',
    msMessage: "The '{0}' value goes over the character limit '{1}'",
    example: {
      placement: 'schemaProperty',
      bad: '{ "x-ms-summary": "The identifier of the project that this task belongs to, as shown in the URL of the project" }',
    },
    check(context) {
      if (!context.swagger) return;
      // The nodes noted with a label, not every schema: most have none.
      for (const node of structureOf(context.swagger).keywords['x-ms-summary']) {
        if (node.kind !== 'schema') continue;
        const label = asString(node.value['x-ms-summary']);
        if (label === undefined || label.length <= MAX_SCHEMA_SUMMARY) continue;
        context.report({
          pointer: childPointer(node.pointer, 'x-ms-summary'),
          message: `The 'x-ms-summary' value goes over the character limit '${MAX_SCHEMA_SUMMARY}'.`,
          // A note, as SWG-PARAM-XMS-SUMMARY-LEN's count (parameter-docs.ts).
          transientNote: `It has ${label.length}.`,
        });
      }
    },
  },
  {
    id: 'SWG-END-ALNUM',
    file: 'swagger',
    title: 'End labels (x-ms-summary) without trailing space or sentence punctuation.',
    description:
      'String guidance: labels "shouldn\'t end with a non-alphanumeric character, including punctuation or space" (STR; SVR: ValueMustEndWithAlphanumeric, enforced on the title by SWG-INFO-TITLE-END). Merged connectors often end labels with `?` or `)`, which read well, so only a trailing space, period, comma, colon or semicolon is reported, as advice; `validate --fix` removes them. A blank label (`" "`) is an empty one, which SWG-TEXT-EMPTY or SWG-PARAM-XMS-SUMMARY reports instead.',
    levels: sameLevels('info'),
    namesFixes: 'valueWrites',
    msCode: 'ValueMustEndWithAlphanumeric',
    msMessage: "The '{0}' value must end with alphanumeric character.",
    example: {
      placement: 'parameter',
      bad: '{ "x-ms-summary": "Task name:" }',
      good: '{ "x-ms-summary": "Task name" }',
    },
    check(context) {
      if (!context.swagger) return;
      const labelled = structureOf(context.swagger).keywords['x-ms-summary'];
      // Parameters, then schemas, as the rule has always reported them.
      for (const kind of ['parameter', 'schema'] as const) {
        for (const node of labelled) {
          if (node.kind !== kind) continue;
          const label = asString(node.value['x-ms-summary']);
          if (!label || !BAD_LABEL_END.test(label)) continue;
          // A blank label is an empty one, which SWG-TEXT-EMPTY (a schema's) or SWG-PARAM-XMS-SUMMARY
          // (a parameter's) reports: without its trailing space, nothing would be left.
          if (label.trim() === '') continue;
          const trimmed = withoutTrailingPunctuation(label);
          context.report({
            pointer: childPointer(node.pointer, 'x-ms-summary'),
            message: `The 'x-ms-summary' value must end with alphanumeric character. ${removeTrailingAdvice(label)}`,
            ...(trimmed === undefined ? {} : valueWrite(context, 'swagger', trimmed)),
          });
        }
      }
    },
  },
  {
    id: 'SWG-TEXT-EMPTY',
    file: 'swagger',
    title: 'Do not leave titles, labels and descriptions empty.',
    description:
      'Certification reviewers send back schemas with empty texts: "empty properties are not allowed. Please look through empty titles and add value to them" (PR #1747); "there are 281 places where you have empty strings ("") for descriptions" (PR #3647). An empty `title`, `x-ms-summary` or `description` shows a blank label or tooltip in the designer. Checked on schemas (body, response and definition properties) that are not internal, responses and tags, but for those only internal operations use (in them, or definitions and responses only they reach), which no designer shows, unless a visible operation\'s `$ref` leads into them; empty parameter and operation texts are the documentation rules\' (SWG-PARAM-DESC, SWG-OP-DESC-REQ, …) and the title SWG-REQUIRED-EMPTY\'s. 41 of the 364 merged certified and independent-publisher connectors have one, so this is a warning.',
    levels: certificationLevels('warning', 'info'),
    example: {
      placement: 'schemaProperty',
      bad: '{ "type": "string", "title": "", "description": "" }',
      good: '{ "type": "string", "title": "Due date", "description": "When the task is due." }',
    },
    check(context) {
      const model = context.swagger;
      if (!model) return;
      // The nodes the walk noted with a text that may be blank (~900 of the corpus's ~104,000
      // schemas, responses and tags), kind by kind as the rule has always reported them.
      const noted = structureOf(model).keywords.blankText;
      if (noted.length === 0) return;
      for (const kind of EMPTY_TEXT_KINDS) {
        const fields = TEXT_FIELDS[kind]!;
        for (const node of noted) {
          if (node.kind !== kind) continue;
          // A hidden property's texts are never shown (a webhook's notification URL, mostly).
          if (isInternalVisibility(node.value['x-ms-visibility'])) continue;
          let hidden: boolean | undefined;
          for (const field of fields) {
            const text = node.value[field];
            if (typeof text !== 'string' || text.trim() !== '') continue;
            // Nor are the texts of what only internal operations lead to: asked of a blank text only,
            // so that the reach is built only for a swagger that has one.
            hidden ??= internalOnlyPlacesOf(model).has(node);
            if (hidden) break;
            context.report({
              pointer: childPointer(node.pointer, field),
              message: `The '${field}' value is empty. ${kind === 'response' ? RESPONSE_DESCRIPTION_ADVICE : 'Write one that helps makers, or remove the property.'}`,
            });
          }
        }
      }
    },
  },
  {
    id: 'SWG-TAG-DUP',
    file: 'swagger',
    title: 'Define each tag once.',
    description: 'Tag names in the root `tags` list must be unique (SVR: TagRedefined).',
    levels: sameLevels('error'),
    msCode: 'TagRedefined',
    msMessage: "The 'tags' property defines tag '{0}' multiple times.",
    example: { bad: '{ "tags": [{ "name": "Tasks" }, { "name": "Tasks" }] }' },
    check(context) {
      const seen = new Set<string>();
      (asArray(context.swagger?.root.tags) ?? []).forEach((tag, index) => {
        const name = asString(asObject(tag)?.name);
        if (name === undefined) return;
        if (seen.has(name)) {
          context.report({
            pointer: childPointer('/tags', index, 'name'),
            message: `The 'tags' property defines tag '${nameExcerpt(name)}' multiple times.`,
          });
        }
        seen.add(name);
      });
    },
  },
];
