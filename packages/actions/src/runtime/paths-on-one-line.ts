import { existsSync } from 'node:fs';
import path from 'node:path';
import { InputError } from './inputs.js';

/**
 * Inputs that take several paths take one per line, as actions/checkout's do. Users write them as
 * YAML lists are written elsewhere, `path: a, b` or `path: a b`, and were told that 'a, b' does not
 * exist, which is true but does not say what to do. A value that exists is one path, whatever it
 * holds (a folder may be called "Contoso, Inc"); one that does not is taken for a list only when
 * every part exists.
 */
export function pathsOnOneLine(value: string, folder: string): string[] | undefined {
  if (existsSync(path.resolve(folder, value))) return undefined;
  for (const separator of [',', /\s/]) {
    const parts = value
      .split(separator)
      .map((part) => part.trim())
      .filter((part) => part !== '');
    if (parts.length > 1 && parts.every((part) => existsSync(path.resolve(folder, part)))) return parts;
  }
  return undefined;
}

/** Refuses a line of the input that lists several paths (pathsOnOneLine), saying how to write them. */
export function refusePathsOnOneLine(input: string, lines: readonly string[], folder: string): void {
  for (const line of lines) {
    const parts = pathsOnOneLine(line, folder);
    if (parts)
      throw new InputError(
        input,
        `lists ${parts.length} paths on one line: '${line}'.`,
        `Write '${input}: |' and then each path on a line of its own below it, indented (${parts.map((part) => `'${part}'`).join(', ')}); a comma or a space does not separate paths. A Run workflow form takes one line: run it once per path.`,
      );
  }
}
