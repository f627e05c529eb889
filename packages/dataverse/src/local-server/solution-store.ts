import {
  compareCodeUnits,
  describeProblem,
  errorMessage,
  forgetTemporary,
  isUserError,
  temporarySibling,
  writeFailure,
} from '@connector-alm/core';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { compareVersions } from '../operations/versions.js';
import { readSolutionManifest, type SolutionZipSource } from '../zip/solution-manifest.js';
import { componentsAfterImport, rootComponents } from './solution-components.js';
import { mergeUnmanagedImport } from './unmanaged-import-merge.js';

export interface StoredSolution {
  solutionId: string;
  uniqueName: string;
  /** Its solution.xml's display name, the `friendlyname` of its row: empty when it has none. */
  displayName: string;
  version: string;
  managed: boolean;
  /**
   * Its root components (solution-components.ts): those of its zip, and, after an update of a managed
   * solution, those of earlier versions that the zip lacks. Kept in memory only: a server started on a
   * folder reads them from the zips again.
   */
  components: string[];
  /**
   * The zip as imported, with what an installed unmanaged solution had that an unmanaged import over
   * it lacked (unmanaged-import-merge.ts); unmanaged exports return these bytes unchanged.
   */
  zip: Uint8Array;
}

/**
 * The environment's solutions, in memory, optionally backed by a folder: every `*.zip` in it is loaded
 * at start, and each import is written back as `<UniqueName>.zip`.
 */
export class SolutionStore {
  private readonly solutions = new Map<string, StoredSolution>();
  /** The zips of the folder that are not served, with why: dev-server says so, as a user expects them served. */
  readonly skipped: { file: string; reason: string }[] = [];

  /**
   * @param onNote what the server does otherwise than Dataverse would, for its log: an import it could
   * not write back to the folder (a full disk) is served from memory.
   */
  constructor(
    private readonly folder?: string,
    private readonly onNote?: (note: string) => void,
  ) {
    if (!folder) return;
    // The zips of each solution, to name those left out beside the one served once all are read.
    const zipsOf = new Map<string, { file: string; solution: StoredSolution }[]>();
    for (const name of readdirSync(folder)
      .filter((file) => file.toLowerCase().endsWith('.zip'))
      .sort()) {
      let candidate: StoredSolution;
      try {
        candidate = this.read(new Uint8Array(readFileSync(path.join(folder, name))), { file: name });
      } catch (error) {
        // Not a solution (a flow package, say): the folder may hold other zips; skip it.
        this.skipped.push({
          file: name,
          reason: isUserError(error) ? describeProblem(error) : errorMessage(error),
        });
        continue;
      }
      const loaded = this.get(candidate.uniqueName);
      if (!loaded || supersedes(candidate, name, loaded)) this.remember(candidate);
      const key = candidate.uniqueName.toLowerCase();
      const zips = zipsOf.get(key) ?? [];
      zips.push({ file: name, solution: candidate });
      zipsOf.set(key, zips);
    }
    for (const zips of zipsOf.values()) {
      const served = zips.find(({ solution }) => this.get(solution.uniqueName) === solution)!;
      for (const zip of zips) if (zip !== served) this.skipped.push(leftOut(zip, served));
    }
    this.skipped.sort((a, b) => compareCodeUnits(a.file, b.file));
  }

  /**
   * Adds or replaces a solution from its zip; throws a UserError for anything that is not a solution.
   * Tests set the environment's solution so; an import goes through `import`.
   * @param upgrade StageAndUpgradeAsync: the components the zip lacks leave the solution, which an
   * update of a managed solution keeps.
   */
  put(zip: Uint8Array, persist = true, { upgrade = false } = {}): StoredSolution {
    return this.store(this.read(zip), persist, upgrade);
  }

  /**
   * An import of the zip, as Dataverse makes it: `put`, but an unmanaged import over an installed
   * unmanaged solution adds to it and removes nothing (unmanaged-import-merge.ts).
   */
  import(zip: Uint8Array, { upgrade = false } = {}): StoredSolution {
    const incoming = this.read(zip);
    const installed = this.get(incoming.uniqueName);
    const merged =
      installed && !installed.managed && !incoming.managed && !upgrade
        ? mergeUnmanagedImport(installed.zip, zip)
        : zip;
    // The zip as read already, unless the merge made another: its manifest was read twice.
    return this.store(merged === zip ? incoming : this.read(merged), true, upgrade);
  }

  /** Keeps a solution read from its zip, with the components the import leaves, and writes it back. */
  private store(read: StoredSolution, persist: boolean, upgrade: boolean): StoredSolution {
    const stored = { ...read, components: componentsAfterImport(this.get(read.uniqueName), read, upgrade) };
    this.remember(stored);
    if (persist && this.folder)
      this.writeBack(stored, path.join(this.folder, importFileName(stored.uniqueName)));
    return stored;
  }

  /**
   * Writes an import back to the folder, through a temporary file renamed into place, so that a write
   * cut short (a full disk) leaves the zip that was there, not half a zip that the next start skips.
   * The import stands either way, as in Dataverse: a write the file system refuses is noted, and the
   * solution is served from memory.
   */
  private writeBack(stored: StoredSolution, file: string): void {
    const temporary = temporarySibling(file);
    try {
      writeFileSync(temporary, stored.zip);
      renameSync(temporary, file);
    } catch (error) {
      rmSync(temporary, { force: true });
      const failure = writeFailure(error);
      if (failure === undefined) throw error;
      this.onNote?.(
        `${stored.uniqueName} ${stored.version} is imported, but ${file} could not be written (${failure.reason}): it is served from memory until the server stops. ${failure.hint}`,
      );
    } finally {
      forgetTemporary(temporary);
    }
  }

  /** @param source a file of the folder, or by default the zip of an import request */
  private read(
    zip: Uint8Array,
    source: SolutionZipSource = { description: 'the customization file' },
  ): StoredSolution {
    // The unique name becomes a file name in the --solutions folder, where `../x` would write outside
    // it: the manifest reader refuses any but letters, digits and underscores, as every command does.
    const manifest = readSolutionManifest(zip, source);
    const existing = this.get(manifest.uniqueName);
    return {
      solutionId: existing?.solutionId ?? randomUUID(),
      ...manifest,
      components: rootComponents(zip),
      zip,
    };
  }

  private remember(solution: StoredSolution): void {
    this.solutions.set(solution.uniqueName.toLowerCase(), solution);
  }

  /** Unique names are case-insensitive in Dataverse. */
  get(uniqueName: string): StoredSolution | undefined {
    return this.solutions.get(uniqueName.toLowerCase());
  }

  list(): StoredSolution[] {
    return [...this.solutions.values()];
  }
}

/** The file an import is written back to; exports are named `<UniqueName>_1_0_0_3.zip` by Dataverse. */
function importFileName(uniqueName: string): string {
  return `${uniqueName}.zip`;
}

/**
 * Which of two zips of one solution in the folder the environment holds: the folder keeps the export it
 * was given (`Contoso_1_0_0_3.zip`) beside each later import (`Contoso.zip`). Dataverse refuses to
 * import a lower version, so the higher version is the later one; at the same version, the import.
 */
function supersedes(candidate: StoredSolution, file: string, loaded: StoredSolution): boolean {
  const order = compareVersions(candidate.version, loaded.version);
  return (
    order > 0 || (order === 0 && file.toLowerCase() === importFileName(candidate.uniqueName).toLowerCase())
  );
}

/**
 * Why a zip of the folder is not served: another zip holds the same solution, and the environment
 * holds one version of a solution (`supersedes`). Said, as a user who restarts the server after an
 * import finds the older zip still in the folder and may expect to export that version.
 */
function leftOut(
  { file, solution }: { file: string; solution: StoredSolution },
  served: { file: string; solution: StoredSolution },
): { file: string; reason: string } {
  const { uniqueName, version } = solution;
  const which =
    compareVersions(version, served.solution.version) < 0
      ? `an older version (${version}) of solution '${uniqueName}' than ${served.file} (${served.solution.version})`
      : `the same version (${version}) of solution '${uniqueName}' as ${served.file}`;
  return { file, reason: `${which}, which is served.` };
}

/** The managed variant of an unmanaged solution zip: solution.xml says Managed 1, every other entry unchanged. */
export function asManagedZip(zip: Uint8Array): Uint8Array {
  const entries = unzipSync(zip);
  const manifest = new TextDecoder().decode(entries['solution.xml']);
  entries['solution.xml'] = strToU8(manifest.replace(/<Managed>0<\/Managed>/, '<Managed>1</Managed>'));
  return zipSync(entries);
}
