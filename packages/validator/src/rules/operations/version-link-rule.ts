import { childPointer } from '../../json/pointer.js';
import { certificationLevels, type RuleDefinition } from '../../model/rule.js';
import type { OperationInfo } from '../../swagger/operation-info.js';
import { operationLabel } from '../../swagger/operation-label.js';
import {
  annotationMembers,
  declaredVersion,
  effectiveFamily,
  gapText,
  namedPredecessor,
  versionedName,
  versionGap,
} from '../../swagger/operation-versions.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { perModel } from './rule-kit.js';

/** Each family's lowest revision, as the designer reads them (declaredVersion): one pass a model. */
const lowestRevisions = perModel((model: SwaggerModel): Map<string, number> => {
  const lowest = new Map<string, number>();
  for (const operation of model.operations) {
    const { family, revision } = declaredVersion(operation);
    if (family === undefined || revision === undefined) continue;
    const known = lowest.get(family);
    if (known === undefined || revision < known) lowest.set(family, revision);
  }
  return lowest;
});

/**
 * Whether `operation`'s own family has a member of a lower revision: it is a newer version of that
 * one, whatever its name says ('Export_V2' written as revision 2 of the family 'Report').
 */
function versionsAnotherFamily(model: SwaggerModel, operation: OperationInfo, family: string): boolean {
  const revision = declaredVersion(operation).revision ?? 1;
  return (lowestRevisions(model).get(family) ?? revision) < revision;
}

/**
 * The operation named as a new version ('GetTask_V2') whose annotation does not link it to the one
 * it is named after ('GetTask'): the deprecate-operation doc's version 2 is "GetItems_V2" with
 * `{ "family": "GetItems", "revision": 2 }` beside `GetItems` of revision 1, "both operations belong
 * to the same family and the revision number increases". Only an operation that has an annotation:
 * one without any (monday's GetTags_V2, merged) may be a new operation of a like name, and the diff
 * asks for the link when it is added beside a deprecated one (BRK-DEPRECATION-PROCESS). A revision
 * that disagrees with the suffix is SWG-OPID-REV-SUFFIX's (PDF4me's CreateThumbnail_V3, revision 2),
 * one that is no number SWG-REV-EMPTY's. No merged connector has one.
 */
export const versionLinkRule: RuleDefinition = {
  id: 'SWG-OPID-SUFFIX-FAMILY',
  file: 'swagger',
  title:
    "Put an operation named '<operationId>_V<n>' in the family of the one it is named after, at revision n.",
  description:
    "An operation whose x-ms-api-annotation is written and whose operationId says it is a new version of another ('GetTask_V2' beside 'GetTask') is in that one's family (its annotation's, else its operationId, as Microsoft's operational-versioning doc defaults it) at a higher revision, as Microsoft's deprecate-operation doc writes a version 2: that is how the designer knows it is the newer version. The revision asked is the suffix's, which SWG-OPID-REV-SUFFIX asks of the name. No merged connector breaks it; an operation named so without any annotation is asked for the link by the diff, when it is added beside a deprecated one (BRK-DEPRECATION-PROCESS).",
  levels: certificationLevels('warning', 'info'),
  example: {
    placement: 'paths',
    bad: '"/tasks": { "get": { "operationId": "ListTasks", "deprecated": true, "x-ms-api-annotation": { "family": "ListTasks", "revision": 1 } } },\n"/v2/tasks": { "get": { "operationId": "ListTasks_V2", "x-ms-api-annotation": { "family": "ListTask", "revision": 2 } } }',
    good: '"/tasks": { "get": { "operationId": "ListTasks", "deprecated": true, "x-ms-api-annotation": { "family": "ListTasks", "revision": 1 } } },\n"/v2/tasks": { "get": { "operationId": "ListTasks_V2", "x-ms-api-annotation": { "family": "ListTasks", "revision": 2 } } }',
  },
  check({ swagger, report }) {
    if (!swagger) return;
    for (const operation of swagger.operations) {
      // The cheap test first: most operations have no annotation, and need no predecessor.
      const written = declaredVersion(operation);
      if (!written.annotated || written.revision === undefined) continue;
      const earlier = namedPredecessor(swagger, operation);
      if (!earlier) continue;
      const version = versionedName(operation.operationId!).version;
      if (written.revision >= 2 && written.revision !== version) continue;
      const before = declaredVersion(earlier).revision;
      if (before === undefined || before >= version) continue;
      const gap = versionGap(earlier, operation);
      if (!gap) continue;
      if (gap.kind === 'other family' && versionsAnotherFamily(swagger, operation, gap.family)) continue;
      const family = effectiveFamily(earlier)!;
      const label = operationLabel(operation);
      report({
        pointer: childPointer(operation.pointer, 'x-ms-api-annotation'),
        message: `The operation '${label}' is named as a new version of '${operationLabel(earlier)}', but ${gapText(gap, family, before)}: set ${annotationMembers(family, version)} in its "x-ms-api-annotation", so that the designer offers it as the newer version.`,
      });
    }
  },
};
