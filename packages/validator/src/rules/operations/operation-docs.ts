import { nameExcerpt } from '../../text/message-values.js';
import { childPointer } from '../../json/pointer.js';
import { certificationLevels, type RuleDefinition } from '../../model/rule.js';
import { asString, has } from '../../swagger/json-values.js';
import type { OperationInfo } from '../../swagger/operation-info.js';
import { productNamesIn } from '../swagger/info-text.js';
import { removeTrailingAdvice } from '../swagger/trailing-advice.js';
import { fill, nonEmptyString } from './rule-kit.js';

const SUMMARY_MAX_LENGTH = 80;
const RESTRICTED_SUMMARY_CHARACTERS = /[/\\<>*%&?]/;
/** A letter, a digit, `)` or `]`: merged summaries end with "(deprecated)", "(V2)" or "[DEPRECATED]". */
const GOOD_SUMMARY_END = /[\p{L}\p{N})\]]$/u;
/** `list_boards`, `GetDynamicSchema`, `get-all-items`: an identifier, not a sentence (`e-Delivery` is a word). */
const IDENTIFIER_LIKE =
  /^[A-Za-z0-9]+(?:[_.][A-Za-z0-9]+)+$|^[A-Za-z0-9]+(?:-[A-Za-z0-9]+){2,}$|^[a-z]+[A-Z][A-Za-z0-9]*$|^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+$/;
/**
 * One word written as a word ("Search", "Authenticate", "Ping"): an operationId that happens to be
 * a plain verb or noun is a fine summary too. 22 corpus operations were told "is the operationId"
 * for such a summary, which a maker cannot act on.
 */
const PLAIN_WORD = /^\p{Lu}?\p{Ll}+$/u;

/**
 * `a.toLowerCase() === b.toLowerCase()`, without lower-casing texts that cannot match: only U+0130
 * (İ) lower-cases to more code units (two), so texts without it match only at the same length.
 * Descriptions are mostly longer than their summary, and lower-casing both for each of the
 * corpus's ~6,100 operations allocated ~1.4 MB a run.
 */
function sameIgnoringCase(a: string, b: string): boolean {
  if (a.length !== b.length && !a.includes('\u0130') && !b.includes('\u0130')) return false;
  return a.toLowerCase() === b.toLowerCase();
}

function visibleOperations(operations: OperationInfo[] | undefined): OperationInfo[] {
  return (operations ?? []).filter((operation) => !operation.isInternal);
}

export const operationDocumentationRules: RuleDefinition[] = [
  {
    id: 'SWG-OP-SUMMARY-REQ',
    file: 'swagger',
    title: 'Give every visible operation a summary.',
    description:
      'The summary is the action or trigger name shown in the designer; the certification checklist requires one. Merged connectors have none missing on visible operations; internal operations are exempt (20 connectors rely on it).',
    levels: certificationLevels('error', 'info'),
    msCode: 'RequiredPropertyMissing',
    msMessage: "The '{0}' property is required.",
    example: {
      placement: 'pathItem',
      bad: '"get": { "operationId": "ListTasks", "description": "Lists tasks." }',
      good: '"get": { "operationId": "ListTasks", "summary": "List tasks", "description": "Lists tasks." }',
    },
    check({ swagger, report }) {
      for (const operation of visibleOperations(swagger?.operations)) {
        if (nonEmptyString(operation.operation.summary) !== undefined) continue;
        // A label written as on parameters: the fix is a rename, at that key.
        if (nonEmptyString(operation.operation['x-ms-summary']) !== undefined) {
          report({
            pointer: childPointer(operation.pointer, 'x-ms-summary'),
            message:
              "The 'summary' property is required. Rename 'x-ms-summary' to 'summary': an operation's name in the designer is its summary; x-ms-summary labels parameters and properties.",
          });
          continue;
        }
        report({ pointer: operation.pointer, message: "The 'summary' property is required." });
      }
    },
  },
  {
    id: 'SWG-OP-DESC-REQ',
    file: 'swagger',
    title: 'Give every visible operation a description.',
    description:
      'The description is the tooltip of the action; the swagger validator reports it missing (PR #3408). Merged connectors have none missing on visible operations; internal operations are exempt.',
    levels: certificationLevels('error', 'info'),
    msCode: 'RequiredPropertyMissing',
    msMessage: "The '{0}' property is required.",
    example: {
      placement: 'pathItem',
      bad: '"get": { "operationId": "ListTasks", "summary": "List tasks" }',
      good: '"get": { "operationId": "ListTasks", "summary": "List tasks", "description": "Lists the tasks of the current user." }',
    },
    check({ swagger, report }) {
      for (const operation of visibleOperations(swagger?.operations)) {
        if (nonEmptyString(operation.operation.description) !== undefined) continue;
        report({ pointer: operation.pointer, message: "The 'description' property is required." });
      }
    },
  },
  {
    id: 'SWG-OP-SUMMARY-LEN',
    file: 'swagger',
    title: `Keep operation summaries to ${SUMMARY_MAX_LENGTH} characters.`,
    description:
      'Certification and the string guidance say summaries are "80 characters or shorter"; SVR (OperationSummaryTooLong) mentions 120, but no merged connector goes over 80, so 80 is enforced.',
    levels: certificationLevels('error'),
    msCode: 'OperationSummaryTooLong',
    msMessage: "The operation 'summary' should be fewer than {0} characters for improved readablity.",
    example: {
      placement: 'operation',
      bad: '"summary": "Lists all of the tasks that are assigned to the current user in every project of the workspace"',
      good: '"summary": "List my tasks"',
    },
    check({ swagger, report }) {
      for (const operation of swagger?.operations ?? []) {
        const summary = asString(operation.operation.summary);
        if (summary === undefined || summary.length <= SUMMARY_MAX_LENGTH) continue;
        report({
          pointer: childPointer(operation.pointer, 'summary'),
          message: fill(
            "The operation 'summary' should be fewer than {0} characters for improved readablity.",
            SUMMARY_MAX_LENGTH,
          ),
          // A note, as SWG-PARAM-XMS-SUMMARY-LEN's count (parameter-docs.ts).
          transientNote: `It has ${summary.length}; at most ${SUMMARY_MAX_LENGTH} are accepted.`,
        });
      }
    },
  },
  {
    id: 'SWG-OP-SUMMARY-CHARS',
    file: 'swagger',
    title: 'Keep / \\ < > * % & ? out of operation summaries.',
    description:
      'The swagger validator rejects these characters in operation summaries (PR #1095, RestrictedCharactersInSummary); no merged connector has one. Parameter x-ms-summary values may use them.',
    levels: certificationLevels('error'),
    msCode: 'RestrictedCharactersInSummary',
    msMessage: 'Summary string contains any of the restricted characters [{0}]',
    example: {
      placement: 'operation',
      bad: '"summary": "Create/update a task"',
      good: '"summary": "Create or update a task"',
    },
    check({ swagger, report }) {
      for (const operation of swagger?.operations ?? []) {
        const summary = asString(operation.operation.summary);
        if (summary === undefined || !RESTRICTED_SUMMARY_CHARACTERS.test(summary)) continue;
        report({
          pointer: childPointer(operation.pointer, 'summary'),
          message: fill('Summary string contains any of the restricted characters [{0}]', '/\\<>*%&?'),
        });
      }
    },
  },
  {
    id: 'SWG-OP-TEXT-WORDS',
    file: 'swagger',
    title: 'Leave Power Platform product names out of operation summaries and descriptions.',
    description:
      'Operation summaries and descriptions "Can\'t contain any of the Microsoft Power Platform product names (for example, "Power Apps")" (certification: Define operation and parameter summaries and descriptions): the connector serves every product, and its texts are translated. The same names as SWG-INFO-DESC-WORDS. A warning: no pipeline message is known for it. Internal operations are exempt, as makers never see them. One merged connector names a product: CloudAppSecurity, in the description of its trigger ("After configuring your Power Automate, …") and on its internal webhook delete.',
    levels: certificationLevels('warning', 'info'),
    example: {
      placement: 'operation',
      bad: '"summary": "Send a task to Power Automate"',
      good: '"summary": "Send a task"',
    },
    check({ swagger, report }) {
      for (const operation of visibleOperations(swagger?.operations)) {
        for (const key of ['summary', 'description']) {
          const text = asString(operation.operation[key]);
          if (text === undefined) continue;
          const found = productNamesIn(text);
          if (found.length === 0) continue;
          report({
            pointer: childPointer(operation.pointer, key),
            message: `The operation '${key}' names a Power Platform product: '${found.join(', ')}'. Describe what the operation does with the service; the connector serves every product.`,
            // Removing one of them is no new finding under `validate --base`.
            parts: { problem: `The operation '${key}' names a Power Platform product.`, names: found },
          });
        }
      }
    },
  },
  {
    id: 'SWG-OP-SUMMARY-END',
    file: 'swagger',
    title: 'End operation summaries with a letter, a digit or a closing bracket.',
    description:
      'The string guidance says a summary "shouldn\'t end with a non-alphanumeric character, including punctuation or space". A closing bracket is accepted: the deprecation guidance appends "(deprecated)", 87 merged certified connectors end summaries with ")", and some mark "[DEPRECATED]".',
    levels: certificationLevels('warning', 'info'),
    example: { placement: 'operation', bad: '"summary": "List tasks."', good: '"summary": "List tasks"' },
    check({ swagger, report }) {
      for (const operation of swagger?.operations ?? []) {
        const summary = asString(operation.operation.summary);
        if (summary === undefined || summary === '' || GOOD_SUMMARY_END.test(summary)) continue;
        report({
          pointer: childPointer(operation.pointer, 'summary'),
          message: `The 'summary' value must end with alphanumeric character. ${removeTrailingAdvice(summary)}`,
        });
      }
    },
  },
  {
    id: 'SWG-OP-SUMMARY-SENTENCE',
    file: 'swagger',
    title: 'Write summaries as words, not as identifiers.',
    description:
      'Reviewers reject summaries that repeat the operationId or read like code ("Summary value is provided as an operation Id … please provide a valid sentence", PR #583, #602). A single plain word ("Search", "Authenticate") reads as a word even when the operationId is the same, and is not reported. Internal operations are exempt: makers never see their summary, which SWG-OP-SUMMARY-REQ lets them leave out. 52 certified and 15 IP merged connectors still do it, so this is a warning.',
    levels: certificationLevels('warning', 'off'),
    example: {
      placement: 'operation',
      bad: '"operationId": "ListTasks", "summary": "ListTasks"',
      good: '"summary": "List tasks"',
    },
    check({ swagger, report }) {
      // Internal operations are not in the designer: their summary names nothing a maker picks.
      for (const operation of visibleOperations(swagger?.operations)) {
        const summary = asString(operation.operation.summary)?.trim();
        if (!summary) continue;
        const repeatsId = summary === operation.operationId && !PLAIN_WORD.test(summary);
        if (!repeatsId && !IDENTIFIER_LIKE.test(summary)) continue;
        report({
          pointer: childPointer(operation.pointer, 'summary'),
          message: repeatsId
            ? `The summary '${nameExcerpt(summary)}' is the operationId; write a short sentence such as "List tasks".`
            : `The summary '${nameExcerpt(summary)}' reads like an identifier; write a short sentence such as "List tasks".`,
        });
      }
    },
  },
  {
    id: 'SWG-OP-DESC-SENTENCE',
    file: 'swagger',
    title: 'Write a description that says more than the summary.',
    description:
      'Certification asks for "full, descriptive sentences" as descriptions, and the string guidance says the description should not repeat the summary. Internal operations are exempt: their description is no tooltip, and SWG-OP-DESC-REQ lets them leave it out. 1,078 merged certified operations repeat it, so this is advice.',
    levels: certificationLevels('info', 'off'),
    example: {
      placement: 'operation',
      bad: '"summary": "List tasks", "description": "List tasks"',
      good: '"summary": "List tasks", "description": "Lists the tasks of the current user."',
    },
    check({ swagger, report }) {
      // Internal operations are not in the designer: no maker reads their description as a tooltip.
      for (const operation of visibleOperations(swagger?.operations)) {
        const summary = asString(operation.operation.summary)?.trim();
        const description = asString(operation.operation.description)?.trim();
        if (!summary || !description || !sameIgnoringCase(summary, description)) continue;
        report({
          pointer: childPointer(operation.pointer, 'description'),
          message:
            'The description repeats the summary; describe what the operation does in a full sentence.',
        });
      }
    },
  },
  {
    id: 'SWG-OP-EMPTY',
    file: 'swagger',
    title: 'Do not publish empty operations.',
    description:
      'Certification: "Empty operations aren\'t allowed." An operation with no summary, no description, no parameters and no responses is a placeholder.',
    levels: certificationLevels('warning', 'info'),
    example: { placement: 'paths', bad: '"/tasks": { "get": {} }' },
    check({ swagger, report }) {
      for (const operation of swagger?.operations ?? []) {
        // Parameters and responses first: almost every operation has some, and is passed at once.
        if (operation.parameters.length > 0 || operation.responses.length > 0) continue;
        const body = operation.operation;
        if (nonEmptyString(body.summary) !== undefined || nonEmptyString(body.description) !== undefined)
          continue;
        if (has(body, 'x-ms-trigger')) continue;
        report({
          pointer: operation.pointer,
          message: `The operation '${nameExcerpt(`${operation.method.toUpperCase()} ${operation.path}`)}' is empty: it has no summary, description, parameters or responses.`,
        });
      }
    },
  },
];
