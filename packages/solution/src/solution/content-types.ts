/**
 * `[Content_Types].xml` as the platform writes it: BOM, declaration, one line, one `<Default>` per
 * distinct extension in first-use order (case kept: `Png`, `Jpeg`), and an `<Override>` for each file
 * without an extension.
 */
export function contentTypesXml(entryNames: readonly string[]): string {
  const defaults: string[] = [];
  const overrides: string[] = [];
  for (const name of entryNames) {
    const base = name.slice(name.lastIndexOf('/') + 1);
    const dot = base.lastIndexOf('.');
    if (dot > 0 && dot < base.length - 1) {
      const extension = base.slice(dot + 1);
      if (!defaults.includes(extension)) defaults.push(extension);
    } else overrides.push(name);
  }
  const parts = [
    ...defaults.map(
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
