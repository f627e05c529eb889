/**
 * A path or name as one word of a command line a message suggests, so that it can be pasted as it is
 * into the shell of the platform the command runs on: left bare when it holds only characters that
 * shell reads as they are, else quoted. On Windows that shell is PowerShell (the terminal's default,
 * and Windows PowerShell alike), which reads a POSIX shell's `'a'\''b'` as something else; elsewhere a
 * POSIX shell. cmd.exe reads neither form: it is not what Windows terminals open. `platform` lets
 * tests ask as on each.
 */
export function shellWord(text: string, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return /^[\w.\\/:+=-]+$/.test(text) ? text : powerShellQuoted(text);
  return /^[\w./:@%+=-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * Text in PowerShell's single quotes, which take everything as it is but the quote itself, written
 * twice inside them. PowerShell takes the typographic single quotes (‘ ’ ‚ ‛) for quotes too, so
 * those are doubled as well: one in a file name would end the word.
 */
export function powerShellQuoted(text: string): string {
  return `'${text.replace(/['\u2018\u2019\u201a\u201b]/g, '$&$&')}'`;
}
