import { childPointer } from '../json/pointer.js';
import { asObject, asString, type JsonObject } from '../swagger/json-values.js';
import type { SwaggerModel } from '../swagger/swagger-model.js';
import type { Located } from '../swagger/local-refs.js';
import type { OperationInfo } from '../swagger/operation-info.js';
import type { ChangeSink } from './change-sink.js';
import type { Reroute } from './reroute-policies.js';
import type { SchemaComparer } from './schema-diff.js';
import type { ComparedChanges } from './schema-lists.js';
import { withoutTrailingSlashes } from '@connector-alm/core';
import { NOTIFICATION_CONTENT } from '../swagger/notification-content.js';

/** What the swagger comparers share: both models, the schema comparer, and the change sink. */
export interface SwaggerDiffContext {
  readonly old: SwaggerModel;
  readonly new: SwaggerModel;
  readonly schemas: SchemaComparer;
  readonly sink: ChangeSink;
  /**
   * Each version's policies that decide where requests go (apiProperties.json), when both versions'
   * are known; without them, requests go where the swagger says.
   */
  readonly routes?: VersionRoutes;
  /**
   * The names by which a deprecated operation's annotation `replacement` can name this connector
   * (connectorApiNames): only then is its operationId looked up in this swagger.
   */
  readonly apiNames: ReadonlySet<string>;
}

/** The rerouting policies of the base version and of the new one. */
export interface VersionRoutes {
  readonly old: readonly Reroute[];
  readonly new: readonly Reroute[];
}

/** The base path as a prefix of every operation's path: absent, `/` and a trailing `/` add nothing. */
export function basePathPrefix(model: SwaggerModel): string {
  const basePath = asString(model.root.basePath) ?? '';
  return withoutTrailingSlashes(basePath);
}

/**
 * A webhook trigger's `x-ms-notification-content`, the payload its flows receive: on the path item
 * of the registration operation, where the platform reads it (every corpus connector writes it there).
 * One written inside the operation is not read, and the validator says so (SWG-WH-NOTIF-CONTENT), so
 * the diff does not read it either: moving it down loses the payload, as the flows see it.
 */
export function notificationContent(
  model: SwaggerModel,
  operation: OperationInfo,
): Located<JsonObject> | undefined {
  if (!operation.isTrigger) return undefined;
  // The path item the operation is read from: the one a `$ref` path item leads to, when it is one.
  const onPathItem = asObject(model.pathItemOf(operation)?.[NOTIFICATION_CONTENT]);
  if (!onPathItem) return undefined;
  return { value: onPathItem, pointer: childPointer(operation.pathItemPointer, NOTIFICATION_CONTENT) };
}

/**
 * Reports the changes of the schema at `valuePath`, for one operation: each of its lists, shared by
 * every operation that reaches the schema (or a schema nested in it), is expanded into changes as
 * they are capped (schema-report.ts). A list of a schema nested in it is reported at the nested
 * schema's ValuePath, which its changes' ValuePaths all begin with.
 */
export function reportSchemaChanges(
  context: SwaggerDiffContext,
  changes: readonly ComparedChanges[],
  operation: OperationInfo,
  valuePath: string,
): void {
  for (const { list, steps } of changes) {
    context.sink.addReport({
      schemaChanges: list,
      operationId: operation.operationId,
      valuePath: [valuePath, ...steps].join('/'),
      ...(steps.length > 0 ? { schemaValuePath: valuePath } : {}),
    });
  }
}
