import { closestMatcher, type ClosestMatcher } from '@connector-alm/core';
import { excerpt, jsonExcerpt, nameExcerpt, nameList } from '../../text/message-values.js';
import { inOtherCase } from '../../text/other-case.js';
import { childPointer } from '../../json/pointer.js';
import { certificationLevels, type RuleDefinition } from '../../model/rule.js';
import { asArray, has, isObject, type JsonObject } from '../../swagger/json-values.js';
import { typeName } from '../json-schema/newtonsoft-messages.js';
import { MAX_FINDINGS_PER_RULE } from '../../model/unlisted-message.js';
import { connectionParameterReferences } from './connection-parameter-references.js';
import { connectionParametersOf } from './connection-parameters.js';
import { policyInstances } from './policy-instances.js';
import {
  OPERATION_NAME_PARAMETER,
  POLICY_OBJECT_PARAMETERS,
  POLICY_PARAMETER_ENUMS,
  POLICY_SECTIONS,
  POLICY_SECTION_PARAMETER,
  POLICY_TEMPLATE_REQUIRED_PARAMETERS,
  PUBLISHED_POLICY_TEMPLATES,
  TEMPLATE_PARAMETER_PREFIX,
} from './policy-templates.js';
import { reportSchemaProblems } from './schema-problems.js';

/** A policy template instance's pointer, built for findings only. */
function instancePointer(index: number, ...keys: string[]): string {
  return childPointer('/properties/policyTemplateInstances', index, ...keys);
}

/**
 * The parameter keys of each template, prefix included, written once: a key concatenated for each
 * lookup was a new string for V8 to look up in its string table every time. With the pointers built
 * for findings only, PROP-POLICY went from ~0.29 to ~0.11 ms a warm corpus run.
 */
const REQUIRED_PARAMETER_KEYS: ReadonlyMap<string, readonly string[]> = new Map(
  [...POLICY_TEMPLATE_REQUIRED_PARAMETERS].map(([id, names]) => [
    id,
    names.map((name) => TEMPLATE_PARAMETER_PREFIX + name),
  ]),
);
/**
 * The enumerated parameters of each known template: its own (prefixed) and the policy section, which
 * every template may carry.
 */
const ENUMERATED_PARAMETER_KEYS: ReadonlyMap<
  string,
  readonly { parameter: string; allowed: readonly string[] }[]
> = new Map(
  [...POLICY_TEMPLATE_REQUIRED_PARAMETERS.keys()].map((id) => [
    id,
    [
      ...Object.entries(POLICY_PARAMETER_ENUMS.get(id) ?? {}).map(([name, allowed]) => ({
        parameter: TEMPLATE_PARAMETER_PREFIX + name,
        allowed,
      })),
      { parameter: POLICY_SECTION_PARAMETER, allowed: POLICY_SECTIONS },
    ],
  ]),
);

/** The (prefixed) parameters of each template that are objects; all its others are strings. */
const OBJECT_PARAMETER_KEYS: ReadonlyMap<string, readonly string[]> = new Map(
  [...POLICY_OBJECT_PARAMETERS].map(([id, names]) => [
    id,
    names.map((name) => TEMPLATE_PARAMETER_PREFIX + name),
  ]),
);

/**
 * The JSON type the published schema gives a template's parameter, in Newtonsoft's words: `String`
 * for all but the few objects, and for the policy section of any template; undefined where it says
 * nothing (the operation names, checked as a list, and the templates it lacks).
 */
function expectedParameterType(template: string, key: string): 'String' | 'Object' | undefined {
  if (key === POLICY_SECTION_PARAMETER) return 'String';
  if (!key.startsWith(TEMPLATE_PARAMETER_PREFIX) || !PUBLISHED_POLICY_TEMPLATES.has(template))
    return undefined;
  return OBJECT_PARAMETER_KEYS.get(template)?.includes(key) ? 'Object' : 'String';
}

/** What to write instead of a value of the wrong type: a number or boolean in quotes, as it reads. */
function typeAdvice(expected: 'String' | 'Object', value: unknown): string {
  if (expected === 'Object')
    return 'Write an object that maps each query parameter to its value expression, such as { "since": "@{triggerBody().data[0].created_time}" }.';
  return typeof value === 'number' || typeof value === 'boolean'
    ? `Write it in quotes: ${jsonExcerpt(String(value))}.`
    : 'Write a string.';
}

/**
 * The enumerated values PROP-POLICY checks, said in its description from the lists it checks with:
 * `existsAction` of setheader (override, skip, append), …, and the policy section of every template.
 */
const ENUMERATED_VALUES_TEXT = `Enumerated values are checked as written: ${[
  ...[...POLICY_PARAMETER_ENUMS].flatMap(([id, enums]) =>
    Object.entries(enums).map(
      ([name, allowed]) => `${id}'s \`${TEMPLATE_PARAMETER_PREFIX}${name}\` (${allowed.join(', ')})`,
    ),
  ),
  `and every template's \`${POLICY_SECTION_PARAMETER}\` (${POLICY_SECTIONS.join(', ')})`,
].join(', ')}.`;

/** The connection parameters a connector defines, as PROP-POLICY's references are checked against them. */
interface DefinedParameters {
  readonly names: ReadonlySet<string>;
  readonly list: readonly string[];
  /** Their names as a message lists them, bounded. */
  readonly listed: string;
  /** The closest of them to a name, prepared once for the rule's many undefined names. */
  readonly closest: ClosestMatcher;
}

/** What PROP-POLICY says of a reference to a connection parameter the connector does not define. */
interface ReferenceAdvice {
  readonly message: string;
  /** Info for a name in another case than a defined one, which the platform matches; else the rule's level. */
  readonly severity?: 'info';
}

/**
 * What PROP-POLICY says of a reference to `name`, which no connection parameter has as written. A
 * name that differs from a defined one only in case is a note, not an error: the platform matches it.
 * Six merged connectors write one, and four of them (Translator V3, Tulip, Impexium, EasyVista Service
 * Manager) build the host of every operation from it with dynamichosturl, which could not have worked
 * through certification if the case had to match. `suggest` looks for the closest name otherwise.
 */
function referenceAdvice(name: string, defined: DefinedParameters, suggest: boolean): ReferenceAdvice {
  const unresolved = 'names no connection parameter, so it has no value at run time.';
  if (defined.list.length === 0)
    return { message: `${unresolved} The connector defines none: define it under connectionParameters.` };
  const otherCase = inOtherCase(name, defined.list);
  if (otherCase !== undefined)
    return {
      message: `is written in another case than the connection parameter '${nameExcerpt(otherCase)}'. The platform matches it, as merged connectors such as Translator V3 show, but write '${nameExcerpt(otherCase)}' as it is defined, so that a search for the name finds every use.`,
      severity: 'info',
    };
  const meant = suggest ? defined.closest(name) : undefined;
  return {
    message:
      `${unresolved} Define it under connectionParameters, or use one of: ${defined.listed}.` +
      (meant === undefined ? '' : ` Did you mean '${nameExcerpt(meant)}'?`),
  };
}

export const apiPropertiesPolicyRules: RuleDefinition[] = [
  {
    id: 'PROP-POLICY',
    file: 'apiProperties',
    title:
      'Use known policy templates with their required parameters, real operationIds and defined connection parameters.',
    description: `policyTemplateInstances[*].templateId is a platform policy template (any case), each with its required \`x-ms-apimTemplateParameter.*\` parameters (published schema). \`dynamicsubdomain\`, \`moveproperties\` and \`setconnectionstatustounauthenticated\` are real templates missing from the schema. ${ENUMERATED_VALUES_TEXT} Each parameter of a published template has the schema's JSON type, as every one in merged connectors does: a string, except pollingtrigger's \`x-ms-apimTemplateParameter.triggerConfig\`, an object (a header value of \`5\` is reported, to be written \`"5"\`). The optional \`x-ms-apimTemplate-operationName\` is a list (never a single string) of the operationIds the policy applies to; a name that is not an operationId of the swagger silently applies to nothing. A parameter value that reads \`@connectionParameters('name')\` must name a connection parameter of \`connectionParameters\` or of a \`connectionParameterSets\` entry, otherwise the header or host it fills is empty at run time, the slip of a switch from an API key to OAuth or of a renamed parameter. A name that differs from a defined one only in case is an info note, asking for the name as defined: the platform matches it, since six merged connectors write one, four of them (Translator V3 among them) in the dynamichosturl host of every operation. A reference with a default value (\`@connectionParameters('name', '')\`) is left alone.`,
    levels: certificationLevels('error'),
    milderCases: [{ when: 'for a connection parameter named in another case', atMost: 'info' }],
    example: {
      placement: 'policyTemplate',
      bad: '{ "templateId": "setheader", "title": "Set header", "parameters": { "x-ms-apimTemplateParameter.name": "Accept" } }',
      good: '{ "templateId": "setheader", "title": "Set header", "parameters": { "x-ms-apimTemplateParameter.name": "Accept", "x-ms-apimTemplateParameter.value": "application/json" } }',
    },
    check(context) {
      reportSchemaProblems(context, 'PROP-POLICY');
      // The connection parameters the connector defines, read once and only when a value names one.
      let definedParameters: DefinedParameters | undefined;
      const adviceByName = new Map<string, ReferenceAdvice>();
      let undefinedReferences = 0;
      for (const { index, templateId, template, parameters } of policyInstances(context.apiProperties)) {
        const required = REQUIRED_PARAMETER_KEYS.get(template);
        if (!required) {
          context.report({
            pointer: instancePointer(index, 'templateId'),
            message: `Value "${excerpt(templateId)}" is not defined in enum. It is not a known policy template; see https://learn.microsoft.com/en-us/connectors/custom-connectors/policy-templates.`,
          });
          continue;
        }
        if (!parameters) continue;
        const missing = required.filter((parameter) => !has(parameters, parameter));
        if (missing.length > 0) {
          context.report({
            pointer: instancePointer(index, 'parameters'),
            message: `Required properties are missing from object: ${missing.join(', ')}. The ${templateId} template needs them.`,
            // Adding one of them is no new finding under `validate --base`.
            parts: { problem: `The ${templateId} template lacks required properties.`, names: missing },
          });
        }
        checkParameterTypes(parameters, template, index);
        for (const { parameter, allowed } of ENUMERATED_PARAMETER_KEYS.get(template) ?? []) {
          const value = parameters[parameter];
          if (typeof value === 'string' && !allowed.includes(value)) {
            context.report({
              pointer: instancePointer(index, 'parameters', parameter),
              message: `Value "${excerpt(value)}" is not defined in enum. Use one of: ${allowed.join(', ')}.`,
            });
          }
        }
        checkOperationNames(parameters[OPERATION_NAME_PARAMETER], index);
        checkConnectionParameterReferences(parameters, index);
      }

      /**
       * A value of another JSON type than the schema's passed unseen: a header value written as the
       * number 5, a query parameter name as an object. Merged connectors write every parameter with
       * the schema's type, so each slip is reported at its value.
       */
      function checkParameterTypes(parameters: JsonObject, template: string, index: number): void {
        for (const [key, value] of Object.entries(parameters)) {
          const expected = expectedParameterType(template, key);
          if (expected === undefined) continue;
          if (expected === 'String' ? typeof value === 'string' : isObject(value)) continue;
          context.report({
            pointer: instancePointer(index, 'parameters', key),
            message: `Invalid type. Expected ${expected} but got ${typeName(value)}. ${typeAdvice(expected, value)}`,
          });
        }
      }

      /**
       * A value that names a connection parameter the connector does not define gets nothing for it at
       * run time: the header or host is empty. It is the slip of a maker who switched from an API key
       * to OAuth, or renamed a parameter, and left the policy as it was. One that differs from a
       * defined name only in case is an info note (see referenceAdvice). A reference with a default
       * value is left alone, since the default then applies.
       */
      function checkConnectionParameterReferences(parameters: JsonObject, index: number): void {
        for (const [key, value] of Object.entries(parameters)) {
          if (typeof value !== 'string') continue;
          for (const { name, hasDefault } of connectionParameterReferences(value)) {
            if (hasDefault) continue;
            const advice = undefinedReferenceAdvice(name);
            if (advice === undefined) continue;
            context.report({
              pointer: instancePointer(index, 'parameters', key),
              message: `@connectionParameters('${nameExcerpt(name)}') ${advice.message}`,
              ...(advice.severity && { severity: advice.severity }),
            });
          }
        }
      }

      /**
       * What a message says of a reference to `name`, or undefined when `name` is defined. Worked out
       * once a name: 3,000 references to 3,000 undefined names looked for the closest of 3,000 defined
       * ones each, 8.7 s. Past MAX_FINDINGS_PER_RULE undefined references the rule's listing is full,
       * so the closest name, never shown, is not looked for.
       */
      function undefinedReferenceAdvice(name: string): ReferenceAdvice | undefined {
        const known = (definedParameters ??= definedConnectionParameters());
        if (known.names.has(name)) return undefined;
        let advice = adviceByName.get(name);
        if (advice === undefined) {
          advice = referenceAdvice(name, known, ++undefinedReferences <= MAX_FINDINGS_PER_RULE);
          adviceByName.set(name, advice);
        }
        return advice;
      }

      function definedConnectionParameters(): DefinedParameters {
        const names = [
          ...new Set(connectionParametersOf(context.apiProperties).map((parameter) => parameter.name)),
        ];
        return {
          names: new Set(names),
          list: names,
          listed: nameList(names),
          closest: closestMatcher(names),
        };
      }

      function checkOperationNames(value: unknown, index: number): void {
        const swagger = context.swagger;
        if (value === undefined || !swagger) return;
        const pointer = instancePointer(index, 'parameters', OPERATION_NAME_PARAMETER);
        const names = asArray(value);
        if (!names) {
          context.report({
            pointer,
            message: `${OPERATION_NAME_PARAMETER} is a list of operationIds.`,
          });
          return;
        }
        names.forEach((name, nameIndex) => {
          if (typeof name !== 'string') {
            context.report({
              pointer: childPointer(pointer, nameIndex),
              message: `Invalid type. Expected String but got ${typeName(name)}. Each entry is an operationId of apiDefinition.swagger.json, in quotes.`,
            });
            return;
          }
          if (swagger.operationsById.has(name)) return;
          // `Listforms` for `ListForms`: the slip is the case, and the operation meant is plain.
          const meant = inOtherCase(name, swagger.operationsById.keys());
          context.report({
            pointer: childPointer(pointer, nameIndex),
            message:
              meant === undefined
                ? `The operation "${nameExcerpt(name)}" does not exist in the swagger, so this entry applies the policy to no operation. Use an operationId of apiDefinition.swagger.json, or remove the entry.`
                : `The operation "${nameExcerpt(name)}" does not exist in the swagger, so this entry applies the policy to no operation. Write "${nameExcerpt(meant)}", the operationId it differs from only in case.`,
          });
        });
      }
    },
  },
];
