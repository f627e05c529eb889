import path from 'node:path';
import type { ZipReader } from '../zip/zip-reader.js';
import type { PackageFinding } from './package-findings.js';

/**
 * A warning for a solution zip that `package build` packs whose entry names are in a code page (no
 * UTF-8 flag, a byte past ASCII): made on Windows in a language such as Japanese, and read here in
 * the code page the user named (--zip-name-encoding). The build puts the zip into the package byte
 * for byte, and whether Package Deployer, which imports it, reads those names in the same code page
 * is not known; this is no finding, the package passes the validator's rules.
 */
export function codePageWarning(
  reader: ZipReader,
  role: string,
  file: string,
  encoding: string | undefined,
): PackageFinding | undefined {
  const [example] = reader.codePageNamed;
  if (example === undefined) return undefined;
  const readAs = encoding === undefined ? '' : `, read as ${encoding}`;
  const unpack = encoding === undefined ? '' : ` (--zip-name-encoding ${encoding})`;
  return {
    ruleId: 'PKG-ZIP-NAME-ENCODING',
    message: `The ${role} '${path.basename(file)}' has entry names in a code page, without the UTF-8 flag (e.g. '${example}'${readAs}); the zip does not say which code page it is.`,
    hint:
      'It goes into the package as it is, and whether Package Deployer reads such names in the same code page is not known. ' +
      `Zip the solution again with UTF-8 names: use the zip that Power Apps exported, or unpack it with connector-alm unpack${unpack} and pack it with connector-alm pack, which writes UTF-8 names.`,
  };
}
