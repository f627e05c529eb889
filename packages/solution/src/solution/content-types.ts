/**
 * `[Content_Types].xml` as the platform writes it: BOM, declaration, one line, one `<Default>` per
 * distinct extension in first-use order (case kept: `Png`, `Jpeg`), and an `<Override>` for each file
 * without an extension.
 *
 * OPC compares extensions case-insensitively, so `icon.png` and `x_iconblob.Png` share one
 * `<Default>`, written in the case first used: a second one for `png` is a duplicate that makes the
 * package invalid. Callers pass the entries in a fixed order, so the case chosen is stable.
 */
export function contentTypesXml(entryNames: readonly string[]): string {
  const defaults = new Map<string, string>();
  const overrides: string[] = [];
  for (const name of entryNames) {
    const base = name.slice(name.lastIndexOf('/') + 1);
    const dot = base.lastIndexOf('.');
    if (dot > 0 && dot < base.length - 1) {
      const extension = base.slice(dot + 1);
      const key = extensionKey(extension);
      if (!defaults.has(key)) defaults.set(key, extension);
    } else overrides.push(name);
  }
  const parts = [
    ...[...defaults.values()].map(
      (extension) => `<Default Extension="${escape(extension)}" ContentType="application/octet-stream" />`,
    ),
    ...overrides.map(
      (name) => `<Override PartName="/${escape(name)}" ContentType="application/octet-stream" />`,
    ),
  ];
  return `\uFEFF<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${parts.join('')}</Types>`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/**
 * The spec folds only A-Z, but the .NET packaging that reads the zip on import folds every letter
 * (ToUpperInvariant): folding as it does means it never sees two Defaults for one extension.
 */
function extensionKey(extension: string): string {
  return extension.toUpperCase();
}
