import {
  checkSolutionVersion,
  checkVersionAfter,
  isResetBuild,
  nextVersion,
  noHigherVersion,
  versionAsRead,
  type BuildSolutionOptions,
  type ManifestSettings,
} from '@connector-alm/solution';
import { UserError } from '@connector-alm/core';
import type { MissingOption } from '../missing-options.js';

/** The solution settings of build-solution as given on the command line; undefined where left out. */
export interface GivenSettings {
  uniqueName?: string;
  displayName?: string;
  solutionVersion?: string;
  publisher?: string;
  publisherName?: string;
  prefix?: string;
  optionValuePrefix?: number | undefined;
}

/** The version of a solution built without --existing and without --solution-version. */
export const FIRST_VERSION = '1.0.0.0';

export interface ResolvedSettings {
  settings: Omit<BuildSolutionOptions, 'existing'>;
  /**
   * A warning for the person: when the version given is the existing solution's own, or when the
   * version after it is taken from a reset snapshot's (0.0.0.0), which no environment is below.
   */
  warning?: string;
}

/** The settings that neither the command line nor the existing solution gives, each as its option. */
export interface MissingSettings {
  missing: MissingOption[];
}

/** The settings that --existing gives, while its publisher is the one built for. */
export const FROM_EXISTING = ['--unique-name', '--publisher', '--prefix'];

/**
 * build-solution's settings: those given win; the others are those of the existing solution
 * (`existing`, the manifest of --existing, shown as `existingSource`), so that a rebuild of the
 * connectors extracted from it updates that solution, under its publisher, at the version after its
 * own. The publisher's prefix, name and option value prefix are the existing one's only while the
 * publisher is: another publisher's are not known. A version lower than the existing one is refused
 * (Dataverse refuses to import it over that one); the same one is warned of, and so is the version
 * after a reset version (0.0.0.0 → 0.0.0.1): any environment that has the solution has a higher one.
 * The existing version is taken as Dataverse reads it (2026.01.15.3 is 2026.1.15.3); one Dataverse
 * cannot hold never gets here, as reading the manifest of --existing refuses it. The required settings
 * that neither gives are all returned as missing, so that one run names them all.
 */
export function resolveSettings(
  given: GivenSettings,
  existing: { settings: ManifestSettings; source: string } | undefined,
): ResolvedSettings | MissingSettings {
  const from = existing?.settings;
  const uniqueName = given.uniqueName ?? (from?.uniqueName || undefined);
  const publisherName = given.publisher ?? (from?.publisher.uniqueName || undefined);
  // The existing publisher's details, while the publisher is that one (unique names ignore case).
  const samePublisher =
    from !== undefined &&
    publisherName !== undefined &&
    from.publisher.uniqueName.toLowerCase() === publisherName.toLowerCase();
  const ownPublisher = samePublisher ? from.publisher : undefined;
  const prefix = given.prefix ?? (ownPublisher?.prefix || undefined);
  if (uniqueName === undefined || publisherName === undefined || prefix === undefined) {
    const missing: MissingOption[] = [];
    if (uniqueName === undefined) missing.push({ long: '--unique-name', what: "the solution's unique name" });
    if (publisherName === undefined)
      missing.push({ long: '--publisher', what: "the publisher's unique name" });
    if (prefix === undefined) missing.push({ long: '--prefix', what: prefixWanted(publisherName, existing) });
    return { missing };
  }
  const displayName =
    given.displayName ??
    (from && from.uniqueName === uniqueName && from.displayName ? from.displayName : undefined);
  const publisherDisplayName = given.publisherName ?? (ownPublisher?.displayName || undefined);
  const optionValuePrefix = given.optionValuePrefix ?? ownPublisher?.optionValuePrefix;

  // The existing version as Dataverse has it: a zip packed with 2026.01.15.3 is 2026.1.15.3 there,
  // and the build after it 2026.1.15.4. Only a version given is held to the written form.
  // readManifest refused a version Dataverse cannot hold, at its line, so an existing one reads here.
  const existingVersion = from && versionAsRead(from.version);
  const version =
    given.solutionVersion ??
    (existing && existingVersion ? versionAfter(existingVersion, existing.source) : FIRST_VERSION);
  let warning: string | undefined;
  if (given.solutionVersion !== undefined && existing) {
    checkSolutionVersion(version);
    if (
      existingVersion !== undefined &&
      checkVersionAfter(version, existingVersion, existing.source) === 'same'
    ) {
      const next = nextVersion(existingVersion);
      warning =
        `--solution-version ${version} is the version of ${existing.source} already: import --skip-lower-version ` +
        'skips it (an import without it updates the solution). ' +
        (next === undefined
          ? `No build can follow it: ${noHigherVersion(existingVersion)}.`
          : `Give a higher version (${next}), or leave --solution-version out to have that one.`);
    }
  }
  // The folder's version says nothing of the environment's: unpack --reset-version wrote it so that
  // version bumps make no diff. The build after it is lower than anything Dataverse installed, so
  // the import is refused, or skipped with --skip-lower-version, and the edit never arrives.
  if (given.solutionVersion === undefined && existing && existingVersion && isResetBuild(existingVersion))
    warning =
      `${existing.source} has version ${existingVersion}, a reset version (unpack --reset-version), so this ` +
      `build is ${version}: an environment that has the solution very likely has a higher version, and ` +
      'refuses the import (import --skip-lower-version skips it, with exit code 0). Give --solution-version ' +
      'a version higher than the one the environment has (Power Apps > Solutions, Version column).';
  return {
    settings: {
      uniqueName,
      ...(displayName ? { displayName } : {}),
      version,
      publisher: {
        uniqueName: publisherName,
        prefix,
        ...(publisherDisplayName ? { displayName: publisherDisplayName } : {}),
        ...(optionValuePrefix !== undefined ? { optionValuePrefix } : {}),
      },
    },
    ...(warning ? { warning } : {}),
  };
}

/**
 * What --prefix must give: said of the publisher given when --existing has another one, whose prefix
 * is no default for it ("another publisher needs --prefix").
 */
function prefixWanted(
  publisher: string | undefined,
  existing: { settings: ManifestSettings; source: string } | undefined,
): string {
  const own = existing?.settings.publisher.uniqueName;
  if (publisher === undefined || !own) return "the publisher's customization prefix";
  return `the customization prefix of ${publisher} (${existing!.source} gives only that of its own publisher, ${own})`;
}

/**
 * The version of the build after the existing solution's (`existingVersion`, of `source`); refused
 * when there is none, as every version would be lower than that one, which Dataverse refuses.
 */
function versionAfter(existingVersion: string, source: string): string {
  const next = nextVersion(existingVersion);
  if (next === undefined)
    throw new UserError(`has version ${existingVersion}, and ${noHigherVersion(existingVersion)}.`, {
      location: { file: source },
      hint: 'An environment that has this solution takes no later build of it: build a solution of another unique name, without --existing.',
    });
  return next;
}
