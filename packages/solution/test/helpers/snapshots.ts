import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { extractConnectors, unpackSolution } from '../../src/index.js';
import { HIL_CONNECTOR } from './connector-copies.js';
import { fixturePath } from './fixtures.js';

/** The customHIL export's API definition, in its unpacked folder. */
export const HIL_DEFINITION = path.join('Connectors', `${HIL_CONNECTOR}_openapidefinition.json`);

/** A snapshot as the snapshot workflow leaves it, and the solution as exported since. */
export interface Snapshots {
  /** The folder holding the three below. */
  work: string;
  /** The solution as last extracted, unpacked: what --previous-source gives. */
  previous: string;
  /** The connector folders extracted from `previous`. */
  root: string;
  /** A copy of `previous` with the change made in the maker portal since. */
  next: string;
}

/**
 * The last snapshot of `fixture` (a solution zip under the fixtures) in `work`: unpacked, its
 * connectors extracted; and the export since, `file` of the unpacked folder changed by `edit`.
 */
export async function snapshots(
  work: string,
  fixture: string,
  change: { file: string; edit: (text: string) => string },
): Promise<Snapshots> {
  const previous = path.join(work, 'previous');
  await unpackSolution(fixturePath(fixture), previous);
  const root = path.join(work, 'custom-connectors');
  await extractConnectors(previous, root);
  const next = path.join(work, 'next');
  cpSync(previous, next, { recursive: true });
  const file = path.join(next, change.file);
  const text = readFileSync(file, 'utf8');
  const edited = change.edit(text);
  // An edit that finds nothing to change would test extraction of an unchanged solution.
  if (edited === text) throw new Error(`The edit changed nothing in ${change.file}.`);
  writeFileSync(file, edited);
  return { work, previous, root, next };
}
