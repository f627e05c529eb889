import type { ZipReader } from '../zip/zip-reader.js';
import type { PackageFinding } from './package-findings.js';

/** What a zip of the package is: one the maker builds (the package, its package zip) or an export. */
export type PackageZipKind = 'package' | 'solution';

const ELSEWHERE =
  'ConnectorPackageValidator.ps1 reads them on Windows, but tools on Linux and macOS may not: unzip warns, and others make one file named with the backslashes.';

const REMEDY: Record<PackageZipKind, string> = {
  package:
    "Build the package with 'connector-alm package build', or zip it with PowerShell 7's Compress-Archive, which writes '/'.",
  solution:
    "Use the solution zip that Power Apps exported, or zip the solution with 'connector-alm pack' or PowerShell 7's Compress-Archive, which write '/'.",
};

/**
 * A warning for a zip whose entry names separate folders with '\' (PowerShell 5.1's
 * Compress-Archive, the one of Windows 10 and 11, writes them so). The validator expands the package
 * on Windows, where '\' is a separator, so it passes such a package, and so does the check: this is
 * no finding, only a word about the tools that read the zip elsewhere.
 */
export function backslashWarning(
  reader: ZipReader,
  label: string,
  kind: PackageZipKind,
): PackageFinding | undefined {
  const [example] = reader.backslashSeparated;
  if (example === undefined) return undefined;
  return {
    ruleId: 'PKG-ZIP-BACKSLASH',
    message: `'${label}' separates folders with '\\' in its entry names, as PowerShell 5.1's Compress-Archive writes them (e.g. '${example}').`,
    hint: `${ELSEWHERE} ${REMEDY[kind]}`,
  };
}
