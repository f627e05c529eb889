import { withoutTrailingSlashes } from '@connector-alm/core';
import type { OperationInfo } from '../swagger/operation-info.js';
import { emptiedBraces } from './address-parts.js';

/**
 * An operation's endpoint as a key: its method and path template, whatever the path parameters are
 * called ('/tasks/{taskId}' and '/tasks/{id}/' are one). Two operations have the same endpoint when
 * their keys are equal.
 */
export function endpointKey(operation: OperationInfo): string {
  // A method is one word of HTTP_METHODS: the space cannot be part of it.
  return `${operation.method} ${normalizePath(operation.path)}`;
}

/** The path template with its braces emptied and no trailing slash. */
export function normalizePath(path: string): string {
  return withoutTrailingSlashes(emptiedBraces(path));
}

/**
 * Operations by endpoint, each endpoint's in the order given, handed out one at a time: looking up
 * an endpoint costs the same however many operations there are (searching the list for each
 * operation of the other version was quadratic: 10,000 moved operations took 36 s).
 */
export class EndpointQueue {
  private readonly queues = new Map<string, { operations: OperationInfo[]; next: number }>();

  constructor(operations: Iterable<OperationInfo>) {
    for (const operation of operations) {
      const key = endpointKey(operation);
      const queue = this.queues.get(key);
      if (queue) queue.operations.push(operation);
      else this.queues.set(key, { operations: [operation], next: 0 });
    }
  }

  /** The first operation at `operation`'s endpoint not handed out yet, if any: now handed out. */
  take(operation: OperationInfo): OperationInfo | undefined {
    const queue = this.queues.get(endpointKey(operation));
    if (!queue || queue.next >= queue.operations.length) return undefined;
    return queue.operations[queue.next++];
  }

  /** The first operation at `operation`'s endpoint, handed out or not. */
  first(operation: OperationInfo): OperationInfo | undefined {
    return this.queues.get(endpointKey(operation))?.operations[0];
  }
}
