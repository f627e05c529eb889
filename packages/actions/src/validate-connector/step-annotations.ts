import * as core from '@actions/core';
import { GITHUB_ANNOTATION_LIMIT, type AnnotationLevel } from '@connector-alm/validator';

/**
 * The annotations this step has written, per level. GitHub's runner keeps the first 10 of each level
 * that a step writes and drops the rest without a word (actions/runner, ExecutionContext.AddIssue):
 * the step's own notes (max-annotations above 10, a base read as origin/dev, a profile guessed) come
 * before the findings' and take their places. Every annotation of validate-connector goes through
 * writeAnnotation, so that the count of the findings GitHub does not show is true (shownOfNext).
 * One process runs one step: the count is the module's.
 */
const written: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };

export function writeAnnotation(
  level: AnnotationLevel,
  message: string,
  properties?: core.AnnotationProperties,
): void {
  written[level] += 1;
  core[level](message, properties);
}

/** How many of the next `count` annotations of `level` GitHub will show, after those already written. */
export function shownOfNext(level: AnnotationLevel, count: number): number {
  return Math.max(0, Math.min(count, GITHUB_ANNOTATION_LIMIT - written[level]));
}
