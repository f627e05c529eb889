/**
 * The text without a leading byte-order mark. Windows editors (Notepad, Visual Studio, PowerShell's
 * Out-File) save UTF-8 with one; JSON.parse and most parsers refuse it, while connector files and
 * solution parts with one are accepted by the platform.
 */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
