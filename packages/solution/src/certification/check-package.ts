import path from 'node:path';
import { locationPrefix, makeScratchFolder, removeScratchFolder, UsageError } from '@connector-alm/core';
import type { ZipLimits } from '../zip/limits.js';
import { EntryNameEncodingError, ZipError } from '../zip/zip-errors.js';
import { ZipReader } from '../zip/zip-reader.js';
import type { ZipEntryInfo } from '../zip/zip-entry-info.js';
import { ZIP_SOLUTION } from '../solution/layout.js';
import { backslashWarning } from './backslash-warning.js';
import { classifySolution } from './classify-solution.js';
import { codePageWarning } from './code-page-warning.js';
import { sameUniqueNameWarning, uniqueNameOf, type NamedSolution } from './solution-unique-names.js';
import type { PackageCheckResult, PackageFinding, SolutionKind } from './package-findings.js';

export interface CheckPackageOptions {
  /** The connector is an AI plugin: a third solution (connector + aiplugins) is required. */
  plugin?: boolean;
  limits?: Partial<ZipLimits>;
  /**
   * The code page of entry names without the UTF-8 flag in the package and the zips in it, e.g.
   * shift_jis for a package zipped on Japanese Windows (see zip/name-encoding).
   */
  zipNameEncoding?: string;
}

function names(entries: readonly ZipEntryInfo[], prefix = ''): string {
  return entries.map((entry) => entry.name.slice(prefix.length)).join(', ');
}

/**
 * The folders at the top of these entry names, each once in the case it first has: the validator
 * expands the zip on Windows, where 'PkgAssets/a.zip' and 'pkgassets/b.zip' are in one folder.
 */
function topFolders(names: readonly string[]): string[] {
  const folders = new Map<string, string>();
  for (const name of names) {
    if (!name.includes('/')) continue;
    const folder = name.slice(0, name.indexOf('/'));
    if (!folders.has(folder.toLowerCase())) folders.set(folder.toLowerCase(), folder);
  }
  return [...folders.values()];
}

/**
 * Checks a certification package zip with every structure rule of Microsoft's
 * ConnectorPackageValidator.ps1 (rules.md §4): intro.md and one package zip at the root, one assets
 * folder in the package, two (or three) solution zips in it, each classified from its
 * customizations.xml. Runs on any OS; nested zips are read from a folder in the OS's temporary folder.
 * What the validator passes but other tools may trip on (names with '\' between folders, names in
 * a code page that Package Deployer may read otherwise) is a warning, which does not fail the check.
 */
export async function checkCertificationPackage(
  zipPath: string,
  options: CheckPackageOptions = {},
): Promise<PackageCheckResult> {
  const report: Report = { findings: [], warnings: [], solutions: [] };
  const { findings } = report;
  const outerName = path.basename(zipPath);
  if (!/\.zip$/i.test(outerName)) {
    // The validator's own argument check: it stops there, while the rules below still apply.
    findings.push({
      ruleId: 'PKG-ZIP-NAME',
      message: `The file '${outerName}' provided is not a zip file.`,
      hint: 'ConnectorPackageValidator.ps1 takes only a file whose name ends in .zip; rename it.',
    });
  }
  // Errors of the package itself are located at its path: its bare name is no file the user can open.
  const outer = await ZipReader.open(zipPath, {
    limits: options.limits,
    nameEncoding: options.zipNameEncoding,
    damagedHint: 'Build the package again (connector-alm package build), or download it again.',
  });
  warnIf(report, backslashWarning(outer, outerName, 'package'));
  // The nested zips are copied to the temporary folder, never beside the package: its folder may be
  // read-only (a download, a CI artifact), and checking must not leave anything there.
  let scratch: string | undefined;
  try {
    refuseSolutionZip(outer, zipPath);
    scratch = makeScratchFolder('connector-alm-package-');
    const rootFolders = topFolders(outer.entries.map((entry) => entry.name));
    if (rootFolders.length > 0) {
      findings.push({
        ruleId: 'PKG-L1-NOFOLDER',
        message: `The provided zip file should not contain any folder inside '${outerName}'.`,
        hint: `Please remove the folder(s) ${rootFolders.join(', ')}.`,
      });
    }
    const rootFiles = outer.files.filter((entry) => !entry.name.includes('/'));
    const markdown = rootFiles.filter((entry) => entry.name.toLowerCase().endsWith('.md'));
    const packages = rootFiles.filter((entry) => entry.name.toLowerCase().endsWith('.zip'));
    if (markdown.length !== 1 || packages.length !== 1) {
      // The validator's hints for what is missing; it says nothing about files that are too many.
      const missing =
        markdown.length === 0 && packages.length === 0
          ? 'The intro.md file and package zip file are missing.'
          : markdown.length === 0
            ? 'The intro.md file is missing.'
            : packages.length === 0
              ? 'The package zip file is missing.'
              : undefined;
      const problems = missing ? [missing, 'Please add the required file(s).'] : [];
      if (markdown.length > 1)
        problems.push(`There are ${markdown.length} .md files (${names(markdown)}); keep only intro.md.`);
      if (packages.length > 1)
        problems.push(
          `There are ${packages.length} .zip files (${names(packages)}); keep only the package zip file.`,
        );
      findings.push({
        ruleId: 'PKG-L1-FILES',
        message: `The provided zip file should contain both intro.md and package zip file in '${outerName}'.`,
        hint: problems.join(' '),
      });
    }
    if (packages.length === 1) await checkPackageZip(outer, packages[0]!.name, scratch, options, report);
  } finally {
    outer.close();
    if (scratch !== undefined) await removeScratchFolder(scratch);
  }
  return { ok: findings.length === 0, ...report };
}

/** What the check has found so far. */
type Report = Omit<PackageCheckResult, 'ok'>;

function warnIf(report: Report, warning: PackageFinding | undefined): void {
  if (warning) report.warnings.push(warning);
}

async function checkPackageZip(
  outer: ZipReader,
  name: string,
  scratch: string,
  options: CheckPackageOptions,
  report: Report,
): Promise<void> {
  const { findings, solutions } = report;
  const inner = await openNested(outer, outer.find(name)!, path.join(scratch, 'package.zip'), {
    label: name,
    hint: 'The package zip file must be a zip archive: build the package again.',
    options,
    findings,
  });
  if (!inner) return;
  warnIf(report, backslashWarning(inner, name, 'package'));
  warnIf(
    report,
    codePageWarning(inner, { kind: 'package', role: 'package zip', name }, options.zipNameEncoding),
  );
  try {
    const folders = topFolders(inner.entries.map((entry) => entry.name));
    if (folders.length !== 1) {
      findings.push({
        ruleId: 'PKG-L2-ASSETS',
        message: `The package zip file should contain a folder ideally named 'PkgAssets' inside '${name}'.`,
        hint:
          folders.length === 0
            ? 'Please add the folder containing the solution zip files.'
            : `It has ${folders.length} folders (${folders.join(', ')}); keep only the folder containing the solution zip files.`,
      });
      return;
    }
    const assets = folders[0]!;
    // Where the validator says the solution zips are: the package zip and its assets folder.
    const where = `${name}/${assets}`;
    const prefix = `${assets.toLowerCase()}/`;
    const inAssets = inner.entries.filter(
      (entry) => entry.name.toLowerCase().startsWith(prefix) && entry.name.length > prefix.length,
    );
    const subfolders = topFolders(inAssets.map((entry) => entry.name.slice(assets.length + 1)));
    if (subfolders.length > 0) {
      findings.push({
        ruleId: 'PKG-L3-NOFOLDER',
        message: `The package folder '${assets}' should not contain any folder inside '${where}'.`,
        hint: `Please remove the folder(s) ${subfolders.join(', ')}.`,
      });
    }
    const zips = inAssets.filter(
      (entry) =>
        !entry.isDirectory &&
        !entry.name.slice(assets.length + 1).includes('/') &&
        entry.name.toLowerCase().endsWith('.zip'),
    );
    const wanted = options.plugin ? 3 : 2;
    if (zips.length === 0) {
      findings.push({
        ruleId: 'PKG-L3-ZIPCOUNT',
        message: `The package folder '${assets}' does not contain solution zip files in '${where}'.`,
        hint: `Please add the required ${options.plugin ? 'connector, flow and AIplugin' : 'connector and flow'} solution zip files.`,
      });
      return;
    }
    if (zips.length !== wanted) {
      // The validator has messages for too many zips without --plugin and too few with it only.
      const found = `(${names(zips, `${assets}/`)})`;
      const kinds = options.plugin ? 'connector, flow and AIplugin' : 'connector and flow';
      findings.push({
        ruleId: 'PKG-L3-ZIPCOUNT',
        message: options.plugin
          ? `The package folder '${assets}' should contain connector, flow and AIplugin solution zip files in '${where}'.`
          : `The package folder '${assets}' should contain only connector and flow solution zip files in '${where}'.`,
        hint:
          zips.length > wanted
            ? `It has ${zips.length} solution zips ${found}; keep only the ${kinds} solution zips.`
            : options.plugin
              ? `It has ${zips.length} solution zip${zips.length === 1 ? '' : 's'} ${found}. Please have all the three solution zip files as this is a plugin connector.`
              : `It has 1 solution zip ${found}; please add the required ${kinds} solution zip files.`,
      });
    }
    const named: NamedSolution[] = [];
    for (const [index, entry] of zips.entries()) {
      const label = `${name}/${entry.name}`;
      const reader = await openNested(inner, entry, path.join(scratch, `solution-${index}.zip`), {
        label,
        options,
        findings,
      });
      let kind: SolutionKind = 'other';
      let uniqueName: string | undefined;
      try {
        if (reader) {
          warnIf(report, backslashWarning(reader, label, 'solution'));
          const result = await classifySolution(
            reader,
            { zip: entry.name.slice(assets.length + 1), folder: where },
            options.plugin ?? false,
          );
          findings.push(...result.findings);
          kind = result.kind;
          uniqueName = await uniqueNameOf(reader, label);
        }
      } catch (error) {
        // A damaged customizations.xml entry.
        if (!(error instanceof ZipError)) throw error;
        findings.push(unreadable(error));
      } finally {
        reader?.close();
      }
      // After the classification, which says what the solution is for.
      if (reader) {
        const zip = { kind: 'solution', role: SOLUTION_ROLES[kind], name: entry.name } as const;
        warnIf(report, codePageWarning(reader, zip, options.zipNameEncoding));
      }
      solutions.push({ name: entry.name, kind });
      named.push({ zip: entry.name.slice(assets.length + 1), role: SOLUTION_ROLES[kind], uniqueName });
    }
    warnIf(report, sameUniqueNameWarning(named));
    requireKind(solutions, 'connector', where, findings);
    requireKind(solutions, 'flow', where, findings);
    if (options.plugin) requireKind(solutions, 'plugin', where, findings);
  } finally {
    inner.close();
  }
}

/** What a solution zip is for, as a warning about it names it: 'The flow solution 'x.zip' …'. */
const SOLUTION_ROLES: Record<SolutionKind, string> = {
  connector: 'connector solution',
  flow: 'flow solution',
  plugin: 'plugin solution',
  other: 'solution zip',
};

/**
 * A solution zip (solution.xml at its root) given for the package: the step before it, not a
 * package with its files missing. Checked, it read as "should contain both intro.md and package zip
 * file", which says what a package holds but not that this is the wrong file, nor how to make one.
 */
function refuseSolutionZip(outer: ZipReader, zipPath: string): void {
  if (!outer.files.some((entry) => entry.name.toLowerCase() === ZIP_SOLUTION)) return;
  throw new UsageError('is a solution zip (it has solution.xml at its root), not a certification package.', {
    location: { file: zipPath },
    hint: 'The package holds intro.md and a Package Deployer zip with the connector and flow solutions: make it with connector-alm package build <out.zip> --intro intro.md --connector-solution <zip> --flow-solution <zip>, which checks it too.',
  });
}

/** A finding has no location of its own, so its message starts with the error's ("x.zip: …"). */
function unreadable(error: ZipError, hint?: string): PackageFinding {
  return {
    ruleId: 'PKG-ZIP-UNREADABLE',
    message: `${locationPrefix(error)}${error.message}`,
    // Rebuilding the package would not help with a name in an unknown code page; naming it does.
    hint: error instanceof EntryNameEncodingError ? error.hint : (hint ?? error.hint),
  };
}

/**
 * Copies a zip inside the package to the scratch folder and opens it. One that cannot be read (not
 * a zip, truncated, unsafe, a zip bomb) is a finding, so that the rest of the package is still
 * checked; the validator stops there with an internal error.
 */
async function openNested(
  parent: ZipReader,
  entry: ZipEntryInfo,
  file: string,
  what: { label: string; hint?: string; options: CheckPackageOptions; findings: PackageFinding[] },
): Promise<ZipReader | undefined> {
  try {
    await parent.copyToFile(entry, file);
    return await ZipReader.open(file, {
      displayName: what.label,
      limits: what.options.limits,
      nameEncoding: what.options.zipNameEncoding,
    });
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    what.findings.push(unreadable(error, what.hint));
    return undefined;
  }
}

/** The validator's messages for a kind of solution the package lacks; {p} is the assets folder. */
const MISSING: Record<Exclude<SolutionKind, 'other'>, PackageFinding> = {
  connector: {
    ruleId: 'PKG-HAS-CONNECTOR-SOL',
    message:
      "Connector solution in '{p}' is invalid. Connector solution should only contain 'Connector' folder.",
    hint: "Validate the connector solution has no extra component except 'Connector'. If not so, please remove them from the solution and export again.",
  },
  flow: {
    ruleId: 'PKG-HAS-FLOW-SOL',
    message:
      "Flow solution in '{p}' is invalid. Flow solution should contain both 'Connector' and 'Workflows' folders.",
    hint: "Validate the flow solution has both 'Connector' and 'Workflows' components. If not so, please recreate the solution and export again.",
  },
  plugin: {
    ruleId: 'PKG-HAS-PLUGIN-SOL',
    message:
      "Plugin solution in '{p}' is invalid. Plugin solution should contain 'Connector', 'aiplugins' and 'aipluginoperations' folders.",
    hint: "Validate the plugin solution has 'Connector', 'aiplugins' and 'aipluginoperations' components. If not so, please recreate the solution and export again.",
  },
};

const KIND_NAMES: Record<SolutionKind, string> = {
  connector: 'connector solution',
  flow: 'flow solution',
  plugin: 'plugin solution',
  other: 'not a connector, flow or plugin solution',
};

/** The validator's finding for a kind of solution the package lacks, with the kinds it found. */
function requireKind(
  solutions: PackageCheckResult['solutions'],
  kind: Exclude<SolutionKind, 'other'>,
  where: string,
  findings: PackageFinding[],
): void {
  if (solutions.some((solution) => solution.kind === kind)) return;
  const finding = MISSING[kind];
  const found = solutions
    .map(
      (solution) => `${solution.name.slice(solution.name.indexOf('/') + 1)} (${KIND_NAMES[solution.kind]})`,
    )
    .join(', ');
  findings.push({
    ...finding,
    message: finding.message.replace('{p}', where),
    hint: `${finding.hint} Solutions found: ${found}.`,
  });
}
