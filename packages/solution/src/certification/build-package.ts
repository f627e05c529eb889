import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  forgetTemporary,
  makeFolderWithParents,
  missingPathError,
  removeTemporary,
  temporarySibling,
  UsageError,
  writeTarget,
  writingTo,
} from '@connector-alm/core';
import { refuseFolder, refusePathThroughFile } from '../fs/folder-path.js';
import { nameEncoding } from '../zip/name-encoding.js';
import { writeZipAtomically } from '../zip/zip-writer.js';
import { checkCertificationPackage } from './check-package.js';
import type { PackageCheckResult } from './package-findings.js';
import { swappedRolesWarning, type SolutionRole } from './solution-roles.js';

export interface BuildPackageOptions {
  /** intro.md: what the certification team reads first. */
  intro: string;
  connectorSolution: string;
  flowSolution: string;
  pluginSolution?: string;
  /** The Package Deployer package's name inside the outer zip (default: `<out name>.pdpkg.zip`). */
  packageName?: string;
  /**
   * The code page of entry names without the UTF-8 flag in the solution zips, e.g. shift_jis for a
   * solution zipped on Japanese Windows (see zip/name-encoding). Only the check, which warns of
   * such names (code-page-warning), reads them: the solutions go into the package byte for byte.
   */
  zipNameEncoding?: string;
}

export type { SolutionRole } from './solution-roles.js';

/**
 * Builds the zip Microsoft's certification asks for: intro.md and a Package Deployer package whose
 * PkgAssets folder holds the connector and flow solution zips (and the AI plugin solution), with an
 * ImportConfig.xml listing them. The result is checked with every rule before it is kept: a package
 * with findings is not written, and the findings are returned.
 */
export async function buildCertificationPackage(
  out: string,
  options: BuildPackageOptions,
): Promise<PackageCheckResult> {
  const roles: SolutionRole[] = [
    ['connector solution', options.connectorSolution],
    ['flow solution', options.flowSolution],
  ];
  if (options.pluginSolution) roles.push(['plugin solution', options.pluginSolution]);
  const solutions = roles.map(([, file]) => file);
  const names = solutions.map((file) => path.basename(file));
  const clash = fileNameClash(roles);
  if (clash) throw clash;
  // The validator would say only that PkgAssets holds too few solution zips, not which input is wrong.
  for (const [role, file] of roles) {
    if (!/\.zip$/i.test(file))
      throw new UsageError(
        `is given as the ${role}, but is not a .zip; the package keeps only solution zips in PkgAssets/.`,
        {
          location: { file },
          hint: `Give the ${role} zip exported from Dataverse (or written by connector-alm pack or build-solution).`,
        },
      );
  }
  // ConnectorPackageValidator.ps1 refuses a package whose name does not end in .zip.
  if (!/\.zip$/i.test(out))
    throw new UsageError('must end in .zip.', {
      location: { file: out },
      hint: 'Give the package a name that ends in .zip; the certification validator refuses any other.',
    });
  // An unknown code page is a usage error now, not after the package has been zipped.
  nameEncoding(options.zipNameEncoding);
  const existing = await refuseFolder(out, 'the package', 'Give the path of the package zip to write.');
  // Before the package is staged beside it: a folder path through a file fails there with ENOTDIR.
  refusePathThroughFile(out);
  for (const file of [options.intro, ...solutions]) {
    const stat = await fs.stat(file).catch(() => undefined);
    const hint = 'Give the intro.md and the solution zips exported from Dataverse.';
    if (!stat) throw missingPathError(file, hint);
    if (!stat.isFile()) throw new UsageError('is not a file.', { location: { file }, hint });
    // Same file, whatever the case of the name or the link that leads to it.
    if (existing && stat.dev === existing.dev && stat.ino === existing.ino)
      throw new UsageError('is one of the files the package packs; writing the package would replace it.', {
        location: { file },
        hint: 'Give the package another name.',
      });
  }
  const packageName = options.packageName ?? `${path.basename(out).replace(/\.zip$/i, '')}.pdpkg.zip`;
  // Through a link, to where it leads (writeTarget), as pack and export write: the rename of the
  // candidate onto the link replaced the link itself. Staged beside the link's target, not beside
  // the link: a rename from another disk would fail (EXDEV).
  const target = writeTarget(out);
  // Made here, not by the first zip staged beside it: a package refused for its findings, or one whose
  // building fails, leaves none of them.
  const made = await writingTo(out, async () => makeFolderWithParents(path.dirname(path.resolve(target))));
  const inner = temporarySibling(target);
  const candidate = temporarySibling(target, '.zip');
  let written = false;
  try {
    await writeZipAtomically(inner, [
      { name: 'PkgAssets/ImportConfig.xml', data: Buffer.from(importConfig(names)) },
      ...solutions.map((file, i) => ({ name: `PkgAssets/${names[i]}`, file })),
    ]);
    await writeZipAtomically(candidate, [
      { name: 'intro.md', file: options.intro },
      { name: packageName, file: inner },
    ]);
    const result = await checkCertificationPackage(candidate, {
      plugin: options.pluginSolution !== undefined,
      ...(options.zipNameEncoding ? { zipNameEncoding: options.zipNameEncoding } : {}),
    });
    // The check knows the solutions by what they hold; only the build knows what each was given as.
    const swapped = swappedRolesWarning(roles, result.solutions);
    if (swapped) result.warnings.push(swapped);
    if (result.ok) {
      await writingTo(out, () => fs.rename(candidate, target));
      written = true;
    }
    // The check reads the solutions in the code page given, and so warns of names in one itself.
    return result;
  } finally {
    await removeTemporary(inner);
    await removeTemporary(candidate);
    forgetTemporary(inner);
    forgetTemporary(candidate);
    if (written) made.keep();
    else await made.remove();
  }
}

/** Package Deployer's list of the solutions to import, in order: the connector before its flow. */
function importConfig(solutionNames: readonly string[]): string {
  const files = solutionNames
    .map(
      (name) =>
        `<configsolutionfile solutionpackagefilename="${name.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" />`,
    )
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<configdatastorage xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" installsampledata="false" waitforsampledatatoinstall="true" agentdesktopzipfile="" agentdesktopexename="" crmmigdataimportfile=""><solutions>${files}</solutions></configdatastorage>\n`;
}

/**
 * The package keeps each solution in PkgAssets/ under its file name, and Package Deployer runs on
 * Windows, where names differ in case only name one file: two such zips would be one entry. Located
 * at the later of the two, the one given second on the command line. On Windows and macOS, whose
 * file systems ignore case, two paths that differ in case only are one zip given twice, not two zips
 * whose names differ in case. `platform` lets tests ask as on those.
 */
export function fileNameClash(
  roles: readonly SolutionRole[],
  platform: NodeJS.Platform = process.platform,
): UsageError | undefined {
  const nocase = platform === 'win32' || platform === 'darwin';
  const samePath = (a: string, b: string): boolean =>
    nocase
      ? path.resolve(a).toLowerCase() === path.resolve(b).toLowerCase()
      : path.resolve(a) === path.resolve(b);
  for (const [index, [role, file]] of roles.entries()) {
    const name = path.basename(file).toLowerCase();
    const earlier = roles.slice(0, index).find(([, other]) => path.basename(other).toLowerCase() === name);
    if (earlier === undefined) continue;
    const [earlierRole, earlierFile] = earlier;
    if (samePath(earlierFile, file))
      return new UsageError(
        `is given as the ${earlierRole} and as the ${role}; each is a solution of its own.`,
        {
          location: { file },
          hint: `Give the ${role}'s own zip.`,
        },
      );
    const extension = path.extname(file);
    const renamed = `${path.basename(file, extension)}_${role.split(' ')[0]}${extension}`;
    const earlierName = path.basename(earlierFile);
    const same =
      earlierName === path.basename(file)
        ? `has the same file name as the ${earlierRole}`
        : `has the file name of the ${earlierRole} (${earlierName}) but for its case, which Windows, where Package Deployer runs, does not tell apart`;
    return new UsageError(`${same}; the package keeps each solution in PkgAssets/ under its file name.`, {
      location: { file },
      hint: `Rename one of the two zips (e.g. to ${renamed}), then build the package again.`,
    });
  }
  return undefined;
}
