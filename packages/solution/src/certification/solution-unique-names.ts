import { isUserError, joinedList } from '@connector-alm/core';
import { readManifest } from '../solution/manifest.js';
import { readPartText } from '../solution/part-text.js';
import { ZIP_SOLUTION } from '../solution/layout.js';
import { parseXml } from '../xml/parse-xml.js';
import { ZipError } from '../zip/zip-errors.js';
import type { ZipReader } from '../zip/zip-reader.js';
import type { PackageFinding } from './package-findings.js';

/** A solution zip of the package: its name in the assets folder, what it is for, and its unique name. */
export interface NamedSolution {
  zip: string;
  /** `flow solution`, as the package's messages name it. */
  role: string;
  uniqueName: string | undefined;
}

/**
 * The unique name in a solution zip's solution.xml; undefined when it cannot be read, which the
 * package's other rules (PKG-SOL-FILES, PKG-ZIP-UNREADABLE) report.
 */
export async function uniqueNameOf(reader: ZipReader, label: string): Promise<string | undefined> {
  const entry = reader.files.find((file) => file.name.toLowerCase() === ZIP_SOLUTION);
  if (!entry) return undefined;
  try {
    const file = `${label}/${entry.name}`;
    return readManifest(parseXml(await readPartText(reader, entry, file), file), file).uniqueName;
  } catch (error) {
    if (isUserError(error) || error instanceof ZipError) return undefined;
    throw error;
  }
}

/**
 * Solutions of the package that share a unique name (compared without case, as Dataverse compares
 * them): Package Deployer imports them one after the other into one environment, where the later one
 * is taken for an update of the earlier. A flow solution made by adding a flow to the exported
 * connector solution keeps its name (the walkthrough's two solutions were both AirmeetConnector);
 * Microsoft's validator does not look.
 */
export function sameUniqueNameWarning(solutions: readonly NamedSolution[]): PackageFinding | undefined {
  const byName = new Map<string, NamedSolution[]>();
  for (const solution of solutions) {
    if (solution.uniqueName === undefined) continue;
    const key = solution.uniqueName.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), solution]);
  }
  const shared = [...byName.values()].find((group) => group.length > 1);
  if (!shared) return undefined;
  const named = joinedList(shared.map((solution) => `the ${solution.role} '${solution.zip}'`));
  return {
    ruleId: 'PKG-SOL-UNIQUE-NAME',
    message: `${named[0]!.toUpperCase()}${named.slice(1)} have the same unique name, ${shared[0]!.uniqueName}.`,
    hint: 'Package Deployer imports them one after the other into one environment, where the later one is taken for an update of the earlier. Make each one a solution of its own in Power Apps (New solution, with a unique name of its own, holding the connector, and the flow for the flow solution) and export it again.',
  };
}
