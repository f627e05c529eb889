import { certificationLevels, type RuleContext, type RuleDefinition } from '../../model/rule.js';
import { asObject, asString, has } from '../../swagger/json-values.js';
import { nameExcerpt } from '../../text/message-values.js';
import { titleName } from './independent-publisher-title.js';
import {
  distinctMatches,
  PRODUCT_NAMES,
  restrictedTitleWords,
  titleWithoutRestrictedWords,
} from './restricted-title-words.js';
import { removeTrailingAdvice, withoutTrailingPunctuation } from './trailing-advice.js';
import { valueWrite } from '../value-write-advice.js';

/** The connector title's character limit (CERT; STR; PR #3407). */
export const MAX_TITLE = 30;
const MIN_DESCRIPTION = 30;
const MAX_DESCRIPTION = 500;

/** Titles left from the repo templates or the portal's default (PR #602). */
const PLACEHOLDER_TITLE =
  /^(?:default title|title|untitled|my connector|connector name|name of connector\b.*|.*title cannot include.*)$/i;

/**
 * Descriptions left from the repository templates ("Short description of the connecting service,
 * between 30 and 500 characters.", long enough for SWG-INFO-DESC-LEN) or written as stand-ins.
 */
const PLACEHOLDER_DESCRIPTION =
  /^(?:description|connector description|description of (?:the|this|my|your) connector\b.*|short description of the connecting service\b.*|.*\bbetween 30 and 500 characters\b.*|lorem ipsum\b.*|(?:todo|tbd)\b.*)$/i;

/**
 * No placeholder spans a line end, as `.` stops at one: text with one is no placeholder. Asked
 * first, since on such a text `.*<phrase>.*$` tried every occurrence of the phrase and ran to the
 * line end after each, quadratic on a title that repeats it (200,000 characters: 2 s).
 */
function isPlaceholder(text: string, placeholder: RegExp): boolean {
  return !/[\n\r\u2028\u2029]/.test(text) && placeholder.test(text);
}

function infoString(context: RuleContext, key: string): string | undefined {
  return asString(asObject(context.swagger?.root.info)?.[key]);
}

/** The Power Platform product names a text mentions, lower-cased, each once, in the order found. */
export function productNamesIn(text: string): string[] {
  return distinctMatches(text, PRODUCT_NAMES);
}

export const infoTextRules: RuleDefinition[] = [
  {
    id: 'SWG-INFO-TITLE-LEN',
    file: 'swagger',
    title: 'Keep the title to 30 characters.',
    description:
      'The connector title is limited to 30 characters (CERT; STR; PR #3407 pipeline log). Every merged connector but one legacy title complies. An independent publisher\'s trailing "(Independent Publisher)" is not counted: 12 IP connectors merged in 2025 carry it, with names of at most 30 characters before it.',
    levels: certificationLevels('error', 'info'),
    msCode: 'FieldLengthExceeded',
    msMessage: "The '{0}' value goes over the character limit '{1}'",
    example: {
      placement: 'info',
      bad: '{ "title": "Contoso Project Management Suite" }',
      good: '{ "title": "Contoso Projects" }',
    },
    check(context) {
      const title = infoString(context, 'title');
      if (title === undefined) return;
      const name = titleName(title, context.profile);
      if (name.length <= MAX_TITLE) return;
      const counted = name === title ? '' : " before ' (Independent Publisher)'";
      context.report({
        pointer: '/info/title',
        message: `The 'title' value goes over the character limit '${MAX_TITLE}'.`,
        // The count comes and goes while the problem stays: a note, which the baseline of
        // `validate --base` matches without, so that a title shortened but still too long stays existing.
        transientNote: `It has ${name.length}${counted}.`,
      });
    },
  },
  {
    id: 'SWG-INFO-TITLE-WORDS',
    file: 'swagger',
    title: 'Leave "API", "Connector" and product names out of the title.',
    description:
      'The title cannot include "API", "Connector", "Copilot Studio" or any Power Platform product name (CERT; STR; the pipeline error in PR #3407). Matched as whole words, case-insensitive.',
    levels: certificationLevels('error', 'info'),
    msCode: 'RestrictedWordsInValue',
    msMessage: "The value '{0}' contains at least one of the restricted words: '{1}'.",
    example: {
      placement: 'info',
      bad: '{ "title": "Contoso API Connector" }',
      good: '{ "title": "Contoso" }',
    },
    check(context) {
      const title = infoString(context, 'title');
      if (title === undefined) return;
      const found = restrictedTitleWords(title);
      if (found.length === 0) return;
      const them = found.length === 1 ? 'it' : 'them';
      const example = titleWithoutRestrictedWords(title);
      const fix = example
        ? `Write the title without ${them}, for example '${nameExcerpt(example)}': the title names the service.`
        : `Write the title without ${them}: the title names the service.`;
      context.report({
        pointer: '/info/title',
        message: `The value 'title' contains at least one of the restricted words: '${found.join(', ')}'. ${fix}`,
        // Removing one of them is no new error under `validate --base`.
        parts: { problem: "The value 'title' contains restricted words.", names: found },
      });
    },
  },
  {
    id: 'SWG-INFO-TITLE-END',
    file: 'swagger',
    title: 'End the title with a letter or digit.',
    description:
      'The title "can\'t end in a non-alphanumeric character, including CR, LF or space" (CERT; SVR: ValueMustEndWithAlphanumeric). Eleven legacy certified titles end with ")" (`Asite (Canada)`), so a closing bracket is a warning; anything else is an error. An independent publisher\'s trailing "(Independent Publisher)", the program\'s label (12 IP connectors merged in 2025), is not judged: the name before it is. `validate --fix` removes a trailing space or sentence punctuation (`.` `,` `:` `;`) where a letter or digit is then last.',
    levels: certificationLevels('error', 'info'),
    namesFixes: 'valueWrites',
    msCode: 'ValueMustEndWithAlphanumeric',
    msMessage: "The '{0}' value must end with alphanumeric character.",
    example: {
      placement: 'info',
      bad: '{ "title": "Contoso Tasks." }',
      good: '{ "title": "Contoso Tasks" }',
    },
    check(context) {
      const whole = infoString(context, 'title');
      const title = whole === undefined ? undefined : titleName(whole, context.profile);
      if (!title || /[\p{L}\p{N}]$/u.test(title)) return;
      const bracket = /[)\]]$/.test(title);
      // The name without its trailing space or punctuation, the label after it kept, where that
      // leaves a name that ends as it should: "Contoso Tasks." is "Contoso Tasks", "Contoso -" no fix.
      const trimmed = bracket ? undefined : withoutTrailingPunctuation(title);
      const fixed =
        trimmed !== undefined && /[\p{L}\p{N}]$/u.test(trimmed)
          ? trimmed + whole!.slice(title.length)
          : undefined;
      context.report({
        pointer: '/info/title',
        severity: bracket && context.profile !== 'custom' ? 'warning' : undefined,
        // "Asite (Hong Kong)", "XC-Gate (Preview)": removing the bracket alone would unbalance it.
        message: `The 'title' value must end with alphanumeric character. ${
          bracket ? `Write the title without the brackets at its end.` : removeTrailingAdvice(title)
        }`,
        ...(fixed === undefined ? {} : valueWrite(context, 'swagger', fixed)),
      });
    },
  },
  {
    id: 'SWG-INFO-TITLE-PLACEHOLDER',
    file: 'swagger',
    title: 'Replace the template title with the connector name.',
    description:
      'Reviewers reject "Default title" and the template text ("Title needs to be updated", PR #602).',
    levels: certificationLevels('error', 'info'),
    example: { placement: 'info', bad: '{ "title": "Default title" }', good: '{ "title": "Contoso Tasks" }' },
    check(context) {
      const title = infoString(context, 'title');
      if (title === undefined || !isPlaceholder(title.trim(), PLACEHOLDER_TITLE)) return;
      context.report({
        pointer: '/info/title',
        message: `The title '${title}' is a template placeholder; give the connector's name.`,
      });
    },
  },
  {
    id: 'SWG-INFO-DESC-REQ',
    file: 'swagger',
    title: 'Describe the connector in info.description.',
    description: 'Certification requires a connector description (CERT; SVR: RequiredPropertyMissing).',
    levels: certificationLevels('error', 'info'),
    msCode: 'RequiredPropertyMissing',
    msMessage: "The '{0}' property is required.",
    example: { bad: '{ "info": { "title": "Contoso", "version": "1.0" } }' },
    check(context) {
      const info = asObject(context.swagger?.root.info);
      if (!info || has(info, 'description')) return;
      context.report({ pointer: '/info/description', message: "The 'description' property is required." });
    },
  },
  {
    id: 'SWG-INFO-DESC-LEN',
    file: 'swagger',
    title: 'Write a description of 30 to 500 characters.',
    description:
      'The connector description must be between 30 and 500 characters (CERT; SVR: FieldLengthNotInRange). The longest merged description is exactly 500.',
    levels: certificationLevels('error', 'info'),
    msCode: 'FieldLengthNotInRange',
    msMessage: "The '{0}' value must be between '{1}' and '{2}' characters.",
    example: { placement: 'info', bad: '{ "description": "Tasks." }' },
    check(context) {
      const description = infoString(context, 'description');
      if (description === undefined) return;
      const length = description.length;
      if (length >= MIN_DESCRIPTION && length <= MAX_DESCRIPTION) return;
      context.report({
        pointer: '/info/description',
        message: `The 'description' value must be between '${MIN_DESCRIPTION}' and '${MAX_DESCRIPTION}' characters.`,
        // A note, as SWG-INFO-TITLE-LEN's count.
        transientNote: `It has ${length}.`,
      });
    },
  },
  {
    id: 'SWG-INFO-DESC-PLACEHOLDER',
    file: 'swagger',
    title: 'Replace the template description with one of the service.',
    description:
      'The repository templates ship "Short description of the connecting service, between 30 and 500 characters.", which passes the length check; reviewers ask for a real description, as for the title (PR #602). No merged connector kept it.',
    levels: certificationLevels('error', 'info'),
    example: {
      placement: 'info',
      bad: '{ "description": "Short description of the connecting service, between 30 and 500 characters." }',
      good: '{ "description": "Contoso Tasks lets teams plan, assign and track their work items." }',
    },
    check(context) {
      const description = infoString(context, 'description');
      if (description === undefined || !isPlaceholder(description.trim(), PLACEHOLDER_DESCRIPTION)) return;
      context.report({
        pointer: '/info/description',
        message: `The description '${description}' is the template's text; describe the service and what the connector lets makers do with it.`,
      });
    },
  },
  {
    id: 'SWG-INFO-DESC-WORDS',
    file: 'swagger',
    title: 'Leave Power Platform product names out of the description.',
    description:
      'The connector description must not name Copilot Studio, Power Apps, Power Automate, Power Pages, Logic Apps or other Microsoft products (CERT: "Can\'t contain any Copilot Studio or other Power Platform product names"; the pipeline error in PR #3407). STR also discourages "API" in the description, but 130+ merged descriptions use it, so that part is not checked.',
    levels: certificationLevels('error', 'info'),
    msCode: 'RestrictedWordsInValue',
    msMessage: "The value '{0}' contains at least one of the restricted words: '{1}'.",
    example: {
      placement: 'info',
      bad: '{ "description": "Use Contoso Tasks from Power Automate flows." }',
      good: '{ "description": "Plan, assign and track Contoso tasks." }',
    },
    check(context) {
      const description = infoString(context, 'description');
      if (description === undefined) return;
      const found = distinctMatches(description, PRODUCT_NAMES);
      if (found.length === 0) return;
      context.report({
        pointer: '/info/description',
        message: `The value 'description' contains at least one of the restricted words: '${found.join(', ')}'.`,
        // Removing one of them is no new error under `validate --base`.
        parts: { problem: "The value 'description' contains restricted words.", names: found },
      });
    },
  },
];
