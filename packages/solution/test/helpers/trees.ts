import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles, parseXml, serializeXml, EXPORT_STYLE, ZipReader } from '../../src/index.js';

/**
 * Every file of a folder as relative path → SHA-256 of its bytes: comparing these is as strict as
 * comparing the bytes, and far faster for jest than deep-equal on megabytes of Buffer.
 */
export async function hashTree(root: string): Promise<Record<string, string>> {
  const tree = await readTree(root);
  return Object.fromEntries(
    [...tree].map(([file, bytes]) => [file, createHash('sha256').update(bytes).digest('hex')]),
  );
}

/** Every file of a folder as relative path → bytes. */
export async function readTree(root: string): Promise<Map<string, Buffer>> {
  const files = await listFiles(root);
  return new Map(files.map((file) => [file, readFileSync(path.join(root, file))]));
}

/** Every file entry of a zip as name → bytes (directory entries carry no content and are left out). */
export async function readZip(file: string): Promise<Map<string, Buffer>> {
  const reader = await ZipReader.open(file);
  try {
    const entries = new Map<string, Buffer>();
    for (const entry of reader.files) entries.set(entry.name, await reader.readBuffer(entry));
    return entries;
  } finally {
    reader.close();
  }
}

const decoder = new TextDecoder('utf-8', { ignoreBOM: false });

/**
 * The comparison form of a solution part: XML canonicalised (formatting is not content; the order of
 * elements, `<Connector>` ones included, is), JSON parsed, anything else as bytes.
 */
export function comparable(name: string, bytes: Buffer): unknown {
  if (/\.xml$/i.test(name) && !name.includes('/'))
    return serializeXml(parseXml(decoder.decode(bytes), name), EXPORT_STYLE);
  if (/\.json$/i.test(name)) return JSON.parse(decoder.decode(bytes)) as unknown;
  return bytes.toString('base64');
}
