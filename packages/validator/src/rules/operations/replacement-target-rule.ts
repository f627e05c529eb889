import { childPointer } from '../../json/pointer.js';
import { certificationLevels, type RuleDefinition } from '../../model/rule.js';
import { connectorApiNames } from '../../swagger/connector-api-names.js';
import { asObject } from '../../swagger/json-values.js';
import { OperationKey } from '../../swagger/operation-keys.js';
import { operationLabel } from '../../swagger/operation-label.js';
import { missingText, replacementTarget } from '../../swagger/replacement-target.js';
import { nameExcerpt } from '../../text/message-values.js';

/**
 * A replacement that names an operation this swagger lacks (or one the designer cannot offer in its
 * place: the deprecated operation itself, or another deprecated one), while its `api` names this connector
 * (connector-api-names.ts says why only then): the designer has nothing to offer in place of the
 * deprecated operation. No merged connector writes a replacement at all.
 */
export const replacementTargetRule: RuleDefinition = {
  id: 'SWG-ANN-REPL-TARGET',
  file: 'swagger',
  title:
    "Name an operation of the swagger as the replacement, when the replacement's 'api' is this connector.",
  description:
    "A deprecated operation's x-ms-api-annotation 'replacement' names the operation to use instead by 'api' and 'operationId' (SVR). When its 'api' names this connector (its folder's name, its swagger's title, or the name of its per-connector OAuth redirect URL, compared in lower-case letters and digits: 'Zoho Calendar' is 'zohocalendar') or is missing, the operationId is an operation of this swagger that is not deprecated, nor the deprecated operation itself; one of another connector is not checked. The message names the operationId a misspelt one is closest to; for one that names the operation itself or another deprecated one (most often the old version's annotation copied unchanged), the newer version of the one named (a newer revision of its family, else a later '_V<n>'), when it has one. No merged connector has a replacement.",
  levels: certificationLevels('error'),
  example: {
    placement: 'deprecatedAnnotation',
    bad: '"replacement": { "api": "contoso", "operationId": "GetTasks" }',
    good: '"replacement": { "api": "contoso", "operationId": "GetTask" }',
  },
  check({ connector, swagger, apiProperties, report }) {
    if (!swagger) return;
    let apiNames: ReadonlySet<string> | undefined;
    for (const operation of swagger.operations) {
      if ((operation.keys & OperationKey.annotation) === 0) continue;
      const replacement = asObject(asObject(operation.operation['x-ms-api-annotation'])?.replacement);
      if (!replacement) continue;
      apiNames ??= connectorApiNames({ folderName: connector.name, swagger: swagger.root, apiProperties });
      const target = replacementTarget(replacement, operation, swagger, apiNames);
      if (target?.kind !== 'missing') continue;
      report({
        pointer: childPointer(operation.pointer, 'x-ms-api-annotation', 'replacement', 'operationId'),
        message: `The replacement of the operation '${operationLabel(operation)}' names '${nameExcerpt(target.operationId)}', ${missingText(target)}: ${target.meant === undefined ? 'set its operationId to that of the operation that replaces it' : `set its operationId to '${nameExcerpt(target.meant)}'`}.`,
      });
    }
  },
};
