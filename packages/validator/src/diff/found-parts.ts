import { ownChange, type ComparedPart, type ComparedSchema } from './schema-change-list.js';
import type { SchemaChange } from './schema-change.js';

/*
 * Results of comparing a pair of schemas (ComparedSchema) and a pair of views' properties
 * (ComparedProperties), built as their parts are found.
 */

/**
 * What comparing the properties of two schema views found: the parts of the new version's
 * properties, in order (added, made required, and each one's nested result), then those of the
 * properties deleted. Kept per pair of views, so that a schema that merges a definition through
 * allOf shares the definition's, spliced in where its properties stand.
 */
export interface ComparedProperties {
  readonly present: ComparedSchema;
  readonly removed: ComparedSchema;
  /** An input field newly required that flows need not send: 'required' is listed as changed. */
  readonly tightened: boolean;
  /** A property's pair was skipped, being compared higher on the branch: of this branch alone. */
  readonly skipped: boolean;
}

/** Nothing found: no change. */
export const NOTHING: ComparedSchema = { parts: [], cut: false, depth: 0 };

/**
 * Nothing found for a pair not compared again, being compared higher on the branch: what holds it
 * is of that branch (PropertyComparer.of does not keep it). A result of its own, told apart from
 * NOTHING by identity.
 */
export const SKIPPED: ComparedSchema = { parts: [], cut: false, depth: 0 };

/** The parts of one pair's result as they are found; nested results with nothing in them are left out. */
export class FoundParts {
  readonly parts: ComparedPart[] = [];
  cut = false;
  /** Whether a nested pair was skipped, being compared higher on the branch. */
  skipped = false;

  add(change: SchemaChange): void {
    this.parts.push(ownChange(change));
  }

  nest(step: string, nested: ComparedSchema): void {
    if (nested === SKIPPED) this.skipped = true;
    if (nested.cut) this.cut = true;
    if (nested.parts.length > 0) this.parts.push({ step, nested });
  }

  /** Parts found elsewhere, where these stand: no step deeper. */
  splice(nested: ComparedSchema): void {
    if (nested.cut) this.cut = true;
    if (nested.parts.length > 0) this.parts.push({ nested });
  }

  result(depth: number): ComparedSchema {
    return this.parts.length === 0 && !this.cut ? NOTHING : { parts: this.parts, cut: this.cut, depth };
  }
}

/**
 * The compared properties of a pair of views as they are found: the present properties' parts, the
 * deleted ones', and whether an input was newly required that flows need not send.
 */
export class FoundProperties {
  readonly present = new FoundParts();
  readonly removed = new FoundParts();
  tightened = false;

  /**
   * An allOf member's compared properties (a run of the views' own, or a layer), where its present
   * properties stand: what it skipped and tightened holds for the views too.
   */
  splicePresent(member: ComparedProperties): void {
    this.present.splice(member.present);
    if (member.skipped) this.present.skipped = true;
    this.tightened ||= member.tightened;
  }

  /** An allOf member's compared properties, where its deleted properties stand. */
  spliceRemoved(member: ComparedProperties): void {
    this.removed.splice(member.removed);
  }

  result(depth: number): ComparedProperties {
    return {
      present: this.present.result(depth),
      removed: this.removed.result(depth),
      tightened: this.tightened,
      skipped: this.present.skipped,
    };
  }
}
