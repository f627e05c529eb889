import path from 'node:path';
import type { ZipReader } from '../zip/zip-reader.js';
import type { PackageZipKind } from './backslash-warning.js';
import type { PackageFinding } from './package-findings.js';

/** How to zip it again with UTF-8 names, for each kind of zip. */
const REMEDY: Record<PackageZipKind, (unpack: string) => string> = {
  package: () => "Build the package with 'connector-alm package build', which writes UTF-8 names.",
  solution: (unpack) =>
    `Zip the solution again with UTF-8 names: use the zip that Power Apps exported, or unpack it with connector-alm unpack${unpack} and pack it with connector-alm pack, which writes UTF-8 names.`,
};

/**
 * A warning for a zip in the package that Package Deployer reads (the package zip, a solution zip)
 * whose entry names are in a code page (no UTF-8 flag, a byte past ASCII): made on Windows in a
 * language such as Japanese, and read here in the code page the user named (--zip-name-encoding).
 * Whether Package Deployer reads those names in the same code page is not known; this is no
 * finding, the package passes the validator's rules. `role` says what the zip is: 'flow solution'.
 */
export function codePageWarning(
  reader: ZipReader,
  zip: { kind: PackageZipKind; role: string; name: string },
  encoding: string | undefined,
): PackageFinding | undefined {
  const [example] = reader.codePageNamed;
  if (example === undefined) return undefined;
  const readAs = encoding === undefined ? '' : `, read as ${encoding}`;
  const unpack = encoding === undefined ? '' : ` (--zip-name-encoding ${encoding})`;
  return {
    ruleId: 'PKG-ZIP-NAME-ENCODING',
    message: `The ${zip.role} '${path.basename(zip.name)}' has entry names in a code page, without the UTF-8 flag (e.g. '${example}'${readAs}); the zip does not say which code page it is.`,
    hint:
      'Package Deployer reads it as it is, and whether it reads such names in the same code page is not known. ' +
      REMEDY[zip.kind](unpack),
  };
}
