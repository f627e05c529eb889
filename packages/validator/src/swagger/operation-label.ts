import { nameExcerpt } from '../text/message-values.js';
import type { OperationInfo } from './operation-info.js';

/**
 * How the rules' messages and the diff's changes name an operation: its operationId, else its method
 * and path, cut to MAX_NAME_LENGTH (an operationId is a value, which no key limit bounds, and each of
 * a diff's changes carries it).
 */
export function operationLabel(operation: Pick<OperationInfo, 'operationId' | 'method' | 'path'>): string {
  return nameExcerpt(operation.operationId ?? `${operation.method.toUpperCase()} ${operation.path}`);
}
