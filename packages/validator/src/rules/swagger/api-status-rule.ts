import { nameExcerpt } from '../../text/message-values.js';
import { inOtherCase } from '../../text/other-case.js';
import { childPointer } from '../../json/pointer.js';
import { certificationLevels, type RuleDefinition } from '../../model/rule.js';
import { asObject } from '../../swagger/json-values.js';
import { valueWrite } from '../value-write-advice.js';
import { OperationKey } from '../../swagger/operation-keys.js';

export const apiStatusRule: RuleDefinition = {
  id: 'SWG-API-STATUS',
  file: 'swagger',
  title: 'Use Preview or Production as status, and no operation ahead of the connector.',
  description:
    '`x-ms-api-annotation.status` is "Preview" or "Production" (schema; case-sensitive: ten merged connectors use "production", which the schema rejects), and an operation cannot be in Production while the connector is in Preview (SVR: OperationStatusAheadOfConnector; VER).',
  levels: certificationLevels('error'),
  msCode: 'OperationStatusAheadOfConnector',
  msMessage: "The operation '{0}' cannot be in a Production status ahead of the connector.",
  namesFixes: 'valueWrites',
  example: {
    bad: '{ "info": { "x-ms-api-annotation": { "status": "production" } } }',
    good: '{ "info": { "x-ms-api-annotation": { "status": "Production" } } }',
  },
  check(context) {
    if (!context.swagger) return;
    const checkStatus = (holder: unknown, pointer: string): string | undefined => {
      const status = asObject(holder)?.status;
      if (status === undefined) return undefined;
      if (status === 'Preview' || status === 'Production') return status;
      const meant = typeof status === 'string' ? inOtherCase(status, ['Preview', 'Production']) : undefined;
      context.report({
        pointer: childPointer(pointer, 'status'),
        message: `The property value must be one of the following: Preview, Production.${meant ? ` Did you mean '${meant}'?` : ''}`,
        ...(meant ? valueWrite(context, 'swagger', meant) : {}),
      });
      return meant;
    };
    const apiStatus = checkStatus(
      asObject(context.swagger.root.info)?.['x-ms-api-annotation'],
      '/info/x-ms-api-annotation',
    );
    for (const operation of context.swagger.operations) {
      if ((operation.keys & OperationKey.annotation) === 0) continue;
      const annotation = operation.operation['x-ms-api-annotation'];
      // Nothing to check or report: no pointer. Building every operation's cost ~2.9 MB a corpus run.
      if (asObject(annotation)?.status === undefined) continue;
      const at = childPointer(operation.pointer, 'x-ms-api-annotation');
      const status = checkStatus(annotation, at);
      if (status === 'Production' && apiStatus === 'Preview') {
        context.report({
          pointer: childPointer(at, 'status'),
          message: `The operation '${nameExcerpt(operation.operationId ?? operation.pointer)}' cannot be in a Production status ahead of the connector.`,
        });
      }
    }
  },
};
