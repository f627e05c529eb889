import { nameExcerpt } from '../../text/message-values.js';
import { childPointer } from '../../json/pointer.js';
import { certificationLevels, sameLevels, type RuleDefinition } from '../../model/rule.js';
import { asObject, asString, has, type JsonObject } from '../../swagger/json-values.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { OperationKey } from '../../swagger/operation-keys.js';
import type { OperationInfo } from '../../swagger/operation-info.js';
import { fill, perModel } from './rule-kit.js';
import { operationLabel } from '../../swagger/operation-label.js';
import { replacementTargetRule } from './replacement-target-rule.js';
import { versionLinkRule } from './version-link-rule.js';
import { dynamicSources } from './dynamic-sources.js';

/**
 * An operation with an `x-ms-api-annotation` object. Its pointer is built when read: the rules
 * read every annotated operation and report a few.
 */
class Annotated {
  readonly family: string | undefined;
  readonly revision: unknown;

  constructor(
    readonly operation: OperationInfo,
    readonly annotation: JsonObject,
  ) {
    this.family = asString(annotation.family);
    this.revision = annotation.revision;
  }

  get pointer(): string {
    return childPointer(this.operation.pointer, 'x-ms-api-annotation');
  }
}

/**
 * A loop, not flatMap: that made an empty list for each operation without an annotation, and
 * flattened them all (~1.5 ms a corpus run).
 */
const annotatedOperations = perModel((model: SwaggerModel): Annotated[] => {
  const annotated: Annotated[] = [];
  for (const operation of model.operations) {
    if ((operation.keys & OperationKey.annotation) === 0) continue;
    const annotation = asObject(operation.operation['x-ms-api-annotation']);
    if (annotation) annotated.push(new Annotated(operation, annotation));
  }
  return annotated;
});

const families = perModel((model: SwaggerModel): Map<string, Annotated[]> => {
  const map = new Map<string, Annotated[]>();
  for (const annotated of annotatedOperations(model)) {
    if (annotated.family === undefined) continue;
    const list = map.get(annotated.family) ?? [];
    list.push(annotated);
    map.set(annotated.family, list);
  }
  return map;
});

/** Revision 0 is the service's "empty" revision (an unset integer), like a missing one. */
function hasRevision(annotated: Annotated): boolean {
  return typeof annotated.revision === 'number' && annotated.revision >= 1;
}

function isProduction(annotated: Annotated): boolean {
  return asString(annotated.annotation.status)?.toLowerCase() === 'production';
}

const INVALID_ANNOTATION = "The 'x-ms-api-annotation' extension for operation '{0}' is invalid.";

/** One version of ListTasks in a family rule's example: its revision, status, and whether it is deprecated. */
interface ExampleMember {
  revision?: number;
  status?: string;
  deprecated?: boolean;
}

/**
 * A family rule's example: the versions of ListTasks, each on a path of its own, as members of the
 * swagger's paths. The whole family, so that the example can be copied into a swagger as it is.
 */
function familyExample(members: readonly ExampleMember[]): string {
  return members
    .map((member, index) => {
      const version = index + 1;
      const path = version === 1 ? '/tasks' : `/v${version}/tasks`;
      const operationId = version === 1 ? 'ListTasks' : `ListTasks_V${version}`;
      const annotation = [
        '"family": "ListTasks"',
        ...(member.revision === undefined ? [] : [`"revision": ${member.revision}`]),
        ...(member.status === undefined ? [] : [`"status": "${member.status}"`]),
      ].join(', ');
      const deprecated = member.deprecated ? '"deprecated": true, ' : '';
      return `"${path}": { "get": { "operationId": "${operationId}", ${deprecated}"x-ms-api-annotation": { ${annotation} } } }`;
    })
    .join(',\n');
}

/** A rule about every family: `problem` returns the members to report, if any. */
function familyRule(
  id: string,
  title: string,
  description: string,
  message: string,
  problem: (members: Annotated[]) => Annotated[],
  example: { bad: readonly ExampleMember[]; good: readonly ExampleMember[] },
): RuleDefinition {
  return {
    id,
    file: 'swagger',
    title,
    description,
    levels: sameLevels('error'),
    msMessage: message,
    example: { placement: 'paths', bad: familyExample(example.bad), good: familyExample(example.good) },
    check({ swagger, report }) {
      if (!swagger) return;
      for (const [family, members] of families(swagger)) {
        for (const annotated of problem(members)) {
          report({
            pointer: childPointer(annotated.pointer, 'family'),
            message: fill(message, nameExcerpt(family)),
          });
        }
      }
    },
  };
}

export const versioningRules: RuleDefinition[] = [
  {
    id: 'SWG-ANN-REPL-DEPRECATED',
    file: 'swagger',
    title: "Name a 'replacement' only on deprecated operations.",
    description:
      'A replacement tells makers what to use instead of a deprecated operation (SVR; operational-versioning doc).',
    levels: sameLevels('error'),
    msMessage: `${INVALID_ANNOTATION} The replacement property should be specified for deprecated operations only.`,
    example: {
      placement: 'operation',
      bad: '"x-ms-api-annotation": { "replacement": { "api": "contoso", "operationId": "ListTasks_V2" } }',
      good: '"deprecated": true, "x-ms-api-annotation": { "replacement": { "api": "contoso", "operationId": "ListTasks_V2" } }',
    },
    check({ swagger, report }) {
      for (const annotated of swagger ? annotatedOperations(swagger) : []) {
        if (!has(annotated.annotation, 'replacement') || annotated.operation.isDeprecated) continue;
        report({
          pointer: childPointer(annotated.pointer, 'replacement'),
          message: `${fill(INVALID_ANNOTATION, operationLabel(annotated.operation))} The replacement property should be specified for deprecated operations only.`,
        });
      }
    },
  },
  ...(['api', 'operationId'] as const).map((key): RuleDefinition => ({
    id: key === 'api' ? 'SWG-ANN-REPL-API' : 'SWG-ANN-REPL-OPID',
    file: 'swagger',
    title: `Give a replacement its '${key}'.`,
    description: `The replacement of a deprecated operation is identified by api and operationId (SVR).`,
    levels: sameLevels('error'),
    msMessage: `${INVALID_ANNOTATION} The replacement property must specify '${key}' property.`,
    example: {
      placement: 'deprecatedAnnotation',
      bad: '"replacement": {}',
      good: '"replacement": { "api": "contoso", "operationId": "ListTasks_V2" }',
    },
    check({ swagger, report }) {
      for (const annotated of swagger ? annotatedOperations(swagger) : []) {
        if (!has(annotated.annotation, 'replacement')) continue;
        const replacement = asObject(annotated.annotation.replacement);
        if (replacement && typeof replacement[key] === 'string' && replacement[key] !== '') continue;
        report({
          pointer: childPointer(annotated.pointer, 'replacement'),
          message: `${fill(INVALID_ANNOTATION, operationLabel(annotated.operation))} The replacement property must specify '${key}' property.`,
        });
      }
    },
  })),
  familyRule(
    'SWG-FAMILY-DUP-REV',
    'Give each operation of a family its own revision.',
    'Revisions order the versions of one operation family (SVR; operational-versioning doc).',
    "The operation family '{0}' has operations with duplicate revision.",
    (members) => {
      const seen = new Set<string>();
      return members.filter((member) => {
        if (!hasRevision(member)) return false;
        const key = JSON.stringify(member.revision);
        if (seen.has(key)) return true;
        seen.add(key);
        return false;
      });
    },
    { bad: [{ revision: 1 }, { revision: 1 }], good: [{ revision: 1 }, { revision: 2 }] },
  ),
  familyRule(
    'SWG-FAMILY-ACTIVE',
    'Keep at most two active operations per family.',
    'When a third revision arrives, the oldest must be deprecated (SVR).',
    "The operation family '{0}' has more than two active operations. Extra operations must be deprecated.",
    (members) => members.filter((member) => !member.operation.isDeprecated).slice(2),
    {
      bad: [{ revision: 1 }, { revision: 2 }, { revision: 3 }],
      good: [{ revision: 1, deprecated: true }, { revision: 2 }, { revision: 3 }],
    },
  ),
  familyRule(
    'SWG-FAMILY-PROD',
    'Keep one active Production operation per family.',
    'Older revisions in Production status should be deprecated when a newer one is in Production (SVR).',
    "The operation family '{0}' has several active operations in Production status. Previous revisions should be deprecated.",
    (members) => members.filter((member) => !member.operation.isDeprecated && isProduction(member)).slice(1),
    {
      bad: [
        { revision: 1, status: 'Production' },
        { revision: 2, status: 'Production' },
      ],
      good: [
        { revision: 1, status: 'Production', deprecated: true },
        { revision: 2, status: 'Production' },
      ],
    },
  ),
  familyRule(
    'SWG-FAMILY-EMPTY-REV',
    'Leave the revision out on one family member at most.',
    'Only the first operation of a family may omit its revision (SVR).',
    "The operation family '{0}' has several operations with empty revision. Only one operation can have empty revision.",
    (members) => members.filter((member) => !hasRevision(member)).slice(1),
    { bad: [{}, {}], good: [{}, { revision: 2 }] },
  ),
  {
    id: 'SWG-REV-EMPTY',
    file: 'swagger',
    title: 'Write the revision of an x-ms-api-annotation as a whole number.',
    description:
      'A revision orders the versions of an operation family; a revision that is not a number ("", "2", null) is treated as empty (SVR OperationRevisionEmpty; schema). A missing revision is allowed once per family (SWG-FAMILY-EMPTY-REV).',
    levels: sameLevels('error'),
    msCode: 'OperationRevisionEmpty',
    msMessage: "The operation '{0}' does not specify a revision in api annotation.",
    example: {
      placement: 'operation',
      bad: '"x-ms-api-annotation": { "family": "ListTasks", "revision": "" }',
      good: '"x-ms-api-annotation": { "family": "ListTasks", "revision": 2 }',
    },
    check({ swagger, report }) {
      for (const annotated of swagger ? annotatedOperations(swagger) : []) {
        if (!has(annotated.annotation, 'revision')) continue;
        const revision = annotated.revision;
        if (typeof revision === 'number' && Number.isInteger(revision) && revision >= 0) continue;
        report({
          pointer: childPointer(annotated.pointer, 'revision'),
          message: fill(
            "The operation '{0}' does not specify a revision in api annotation.",
            operationLabel(annotated.operation),
          ),
        });
      }
    },
  },
  {
    id: 'SWG-OPID-REV-SUFFIX',
    file: 'swagger',
    title: 'End the operationId of revision n ≥ 2 with _Vn.',
    description:
      'The versioning guidance names revisions `GetItems_V2`, `GetItems_V3` (SVR OperationIdShouldEndWithRevision).',
    levels: certificationLevels('warning', 'info'),
    msCode: 'OperationIdShouldEndWithRevision',
    msMessage: "The operation Id '{0}' should end with revision suffix '{1}'.",
    example: {
      placement: 'operation',
      bad: '"operationId": "ListTasksNew", "x-ms-api-annotation": { "family": "ListTasks", "revision": 2 }',
      good: '"operationId": "ListTasks_V2", "x-ms-api-annotation": { "family": "ListTasks", "revision": 2 }',
    },
    check({ swagger, report }) {
      for (const annotated of swagger ? annotatedOperations(swagger) : []) {
        const revision = annotated.revision;
        const id = annotated.operation.operationId;
        if (typeof revision !== 'number' || revision < 2 || id === undefined) continue;
        const suffix = `_V${revision}`;
        if (id.toLowerCase().endsWith(suffix.toLowerCase())) continue;
        report({
          pointer: childPointer(annotated.operation.pointer, 'operationId'),
          message: fill(
            "The operation Id '{0}' should end with revision suffix '{1}'.",
            nameExcerpt(id),
            suffix,
          ),
        });
      }
    },
  },
  {
    id: 'SWG-DEPRECATED-LABEL',
    file: 'swagger',
    title: 'Label deprecated operations "(deprecated)" in their summary.',
    description:
      'The deprecation guidance asks to append "(deprecated)" to the summary and description, without exception, so makers see it in the designer. An internal operation is asked too, at info: the designer offers it to no new flow, but the flows built on it before it was hidden keep showing its card, summary included; hiding the deprecated operation is the common way to deprecate it. An internal one that an x-ms-dynamic-* call targets is not asked: a dropdown or schema helper has no card. 20 merged certified connectors have unlabeled deprecated operations that are not internal (warning); 3 have 3 internal ones that no dynamic call targets (DocumentsCorePack, Talkdesk, monday: info), and 8 internal dynamic helpers (not asked).',
    levels: certificationLevels('warning', 'info'),
    milderCases: [{ when: 'for an internal operation', atMost: 'info' }],
    example: {
      placement: 'operation',
      bad: '"deprecated": true, "summary": "List tasks"',
      good: '"deprecated": true, "summary": "List tasks (deprecated)"',
    },
    check({ swagger, report }) {
      for (const operation of swagger?.operations ?? []) {
        if (!operation.isDeprecated) continue;
        const summary = asString(operation.operation.summary);
        if (summary === undefined || /deprecated/i.test(summary)) continue;
        // A hidden dropdown or schema helper (8 of the 11 internal ones in the corpus) never had a
        // card of its own: no flow shows its summary, and the label would be for nobody.
        if (operation.isInternal && dynamicSources(swagger!).has(operation)) continue;
        // Ask for the description's label only where it is missing (5 corpus operations have it there).
        const description = asString(operation.operation.description);
        const labelled = description !== undefined && /deprecated/i.test(description);
        report({
          pointer: childPointer(operation.pointer, 'summary'),
          message: `The operation '${operationLabel(operation)}' is deprecated; append "(deprecated)" to its summary${labelled ? '' : ' and description'}.`,
          // Internal: no maker picks it any more, so the label is for the flows that have it (11 corpus
          // findings). Why is a note apart from the problem: hiding an operation that the base version
          // had deprecated without its label leaves that finding as it was, not a new one.
          ...(operation.isInternal
            ? {
                severity: 'info' as const,
                transientNote: 'Hidden as it is, the flows that use it still show its summary.',
              }
            : {}),
        });
      }
    },
  },
  replacementTargetRule,
  versionLinkRule,
];
