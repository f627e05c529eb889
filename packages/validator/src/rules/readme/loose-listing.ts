import type { RuleContext } from '../../model/rule.js';
import { asString } from '../../swagger/json-values.js';
import type { OperationInfo } from '../../swagger/operation-info.js';
import { looseKey, operationKeys } from './loose-names.js';

/**
 * Whether a Supported Operations section lists an operation, or a heading names one, by a name a
 * person reads as the operation's (loose-names.ts). Asked only of what is not found by its summary
 * or operationId, and each part built when first asked: most sections need none of it.
 */
export class LooseListing {
  private listed: ReadonlySet<string> | undefined;
  /** Every key of every operation, each with how many operations have it. */
  private operations: Map<string, number> | undefined;
  constructor(
    private readonly context: RuleContext,
    /** The keys of the names the sections list (listedKeys). */
    private readonly listedNames: () => ReadonlySet<string>,
  ) {}

  /** Whether the sections list the operation by one of its own keys, or a shared key only it has. */
  lists(summary: string, operation: OperationInfo): boolean {
    this.listed ??= this.listedNames();
    const listed = this.listed;
    if (listed.size === 0) return false;
    const { own, shared } = operationKeys(summary, operation);
    if (own.some((key) => listed.has(key))) return true;
    return shared.some((key) => listed.has(key) && this.operationsWith(key) === 1);
  }

  /** Whether a heading names one operation or more by a key of theirs: then it is no stale one. */
  names(headingText: string): boolean {
    const key = looseKey(headingText);
    return key !== '' && this.operationsWith(key) > 0;
  }

  private operationsWith(key: string): number {
    if (!this.operations) {
      this.operations = new Map();
      for (const operation of this.context.swagger?.operations ?? []) {
        const { own, shared } = operationKeys(asString(operation.operation.summary), operation);
        // Once per operation: its summary and its operationId mostly have the same short name.
        for (const each of new Set([...own, ...shared])) {
          this.operations.set(each, (this.operations.get(each) ?? 0) + 1);
        }
      }
    }
    return this.operations.get(key) ?? 0;
  }
}
