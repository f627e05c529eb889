import { withoutByteOrderMark } from './byte-order-mark.js';

/**
 * A readme or script as compared: LF line ends and no byte-order mark. Line endings are a checkout
 * setting (core.autocrlf), not an edit; a BOM is what the editor saved with (Notepad, Visual Studio),
 * and the platform reads the file the same with or without one, as the swagger's is not compared
 * either. `diff` compares scripts and readmes so (a "normalize to LF, no BOM" commit was a major
 * change to the script), and extraction keeps a folder's script that differs only so (Dataverse
 * exports CRLF, most upstream scripts are LF: every line changed in the pull request).
 */
export function asCommittedText(text: string): string {
  return withoutByteOrderMark(text).replace(/\r\n/g, '\n');
}
