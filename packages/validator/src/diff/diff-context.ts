import type { OperationInfo, SwaggerModel } from '../swagger/swagger-model.js';
import type { ChangeSink } from './raw-change.js';
import type { SchemaChange, SchemaComparer } from './schema-diff.js';

/** What the swagger comparers share: both models, the schema comparer, and the change sink. */
export interface SwaggerDiffContext {
  readonly old: SwaggerModel;
  readonly new: SwaggerModel;
  readonly schemas: SchemaComparer;
  readonly sink: ChangeSink;
}

/** The operation's name in messages and ValuePaths: its operationId, else its method and path. */
export function operationLabel(operation: OperationInfo): string {
  return operation.operationId ?? `${operation.method.toUpperCase()} ${operation.path}`;
}

/** Reports schema changes found under `valuePath`, for one operation. */
export function reportSchemaChanges(
  context: SwaggerDiffContext,
  changes: readonly SchemaChange[],
  operation: OperationInfo,
  valuePath: string,
): void {
  for (const change of changes) {
    context.sink.add({
      rule: change.rule,
      file: 'swagger',
      side: change.side,
      pointer: change.pointer,
      operationId: operation.operationId,
      valuePath: change.path.length > 0 ? `${valuePath}/${change.path.join('/')}` : valuePath,
      detail: change.detail,
      impact: change.impact,
    });
  }
}
