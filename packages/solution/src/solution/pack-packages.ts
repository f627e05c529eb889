import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { SaySetting } from '@connector-alm/core';
import { decodeUtf8Strict } from '../text/decode.js';
import { parseXml, UNPACKED_XML_HINT } from '../xml/parse-xml.js';
import { FOLDER_SOLUTION } from './layout.js';
import { readManifest } from './manifest.js';
import { packSolution, resolveManaged, type PackResult } from './pack.js';

export interface PackPackagesOptions {
  /**
   * auto (default): what the folder holds, so both zips for a folder unpacked from both exports;
   * both: X.zip and X_managed.zip, which needs such a folder; unmanaged or managed: that zip alone.
   */
  packageType?: 'auto' | 'unmanaged' | 'managed' | 'both';
  version?: string;
  /** Most entries each zip may hold (default DEFAULT_ZIP_LIMITS.maxEntries, what unpack reads). */
  maxEntries?: number;
  /** How advice names a setting: in the CLI's options (the default) or an action's inputs. */
  say?: SaySetting;
  /**
   * Checks the path of the managed zip beside `zipPath` before either zip is written, as the caller
   * checked `zipPath` itself: X_managed.zip may be a link that leads anywhere (pack-solution refuses
   * one out of the workspace). Throws to refuse it.
   */
  checkOutput?: (file: string) => Promise<unknown>;
}

/**
 * Pack as the pack command and the pack-solution action take it: the zip named, and for both (or
 * auto on a folder of both exports) the managed one beside it as X_managed.zip, as unpack reads them.
 */
export async function packSolutionPackages(
  folder: string,
  zipPath: string,
  options: PackPackagesOptions = {},
): Promise<PackResult[]> {
  const version = {
    ...(options.version !== undefined ? { version: options.version } : {}),
    ...(options.maxEntries !== undefined ? { maxEntries: options.maxEntries } : {}),
    ...(options.say !== undefined ? { say: options.say } : {}),
  };
  const packageType = options.packageType ?? 'auto';
  if (packageType === 'unmanaged' || packageType === 'managed')
    return [await packSolution(folder, zipPath, { packageType, ...version })];
  // A folder of one export cannot give the other kind: refused before X.zip is written (over the
  // zip of an earlier pack), not after. One whose manifest cannot be read is left to packSolution,
  // which checks the folder first and says what is wrong with it.
  const flag = await managedFlag(folder).catch(() => undefined);
  if (packageType === 'both' && (flag === '0' || flag === '1'))
    resolveManaged(flag, flag === '0' ? 'managed' : 'unmanaged', path.join(folder, FOLDER_SOLUTION));
  // A folder of both exports gives the managed zip too: its path is checked before either is written.
  if (flag === '2') await options.checkOutput?.(managedZipPath(zipPath));
  // packSolution checks the folder first, so a folder it cannot pack is refused as it says.
  const first = await packSolution(folder, zipPath, {
    packageType: packageType === 'both' ? 'unmanaged' : 'auto',
    ...version,
  });
  if (packageType === 'auto' && (await managedFlag(folder)) !== '2') return [first];
  const managed = await packSolution(folder, managedZipPath(zipPath), { packageType: 'managed', ...version });
  return [first, managed];
}

/** X.zip → X_managed.zip, the name export gives a managed zip and unpack looks for. */
function managedZipPath(zipPath: string): string {
  // Never the same path as the unmanaged zip, which the managed one would overwrite.
  return /\.zip$/i.test(zipPath) ? zipPath.replace(/(\.zip)$/i, '_managed$1') : `${zipPath}_managed.zip`;
}

/**
 * `<Managed>` of Other/Solution.xml: 0 or 1 for a folder unpacked from that export, 2 for one unpacked
 * from both.
 */
async function managedFlag(folder: string): Promise<'0' | '1' | '2'> {
  const file = path.join(folder, FOLDER_SOLUTION);
  const text = decodeUtf8Strict(await fs.readFile(file), file);
  return readManifest(parseXml(text, file, UNPACKED_XML_HINT), file, text).managed;
}
