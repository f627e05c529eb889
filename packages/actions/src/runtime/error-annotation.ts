import path from 'node:path';
import type { AnnotationProperties } from '@actions/core';
import {
  describeProblem,
  formatLocation,
  isFile,
  isWithin,
  posixRelativePath,
  type UserError,
} from '@connector-alm/core';

export interface Annotation {
  message: string;
  properties: AnnotationProperties;
}

/**
 * The error annotation of a user mistake. GitHub shows an annotation on a file only when it names a
 * file of the repository, from its root, with '/'; the annotation then carries the place and its
 * text says only what is wrong and what to do. Errors are located at any path they are about,
 * though: an output that does not exist yet (pack-solution's `solution-file: out.tar`), an input
 * file that is missing, a folder, a file outside the workspace. An annotation on such a path showed
 * up nowhere useful, its text not naming the path at all; it carries no file then, and its text
 * begins with the place as the CLI prints it ("out.tar: Input 'solution-file' must end in .zip.").
 */
export async function userErrorAnnotation(error: UserError, workspace: string): Promise<Annotation> {
  const location = error.location;
  if (!location) return { message: describeProblem(error), properties: {} };
  const absolute = path.resolve(workspace, location.file);
  const inside = isWithin(workspace, absolute);
  const shown = inside ? posixRelativePath(workspace, absolute) : location.file;
  if (inside && isFile(absolute))
    return {
      message: describeProblem(error),
      properties: { file: shown, startLine: location.line, startColumn: location.column },
    };
  return {
    message: `${formatLocation({ ...location, file: shown })}: ${describeProblem(error)}`,
    properties: {},
  };
}
