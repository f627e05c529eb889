import { createHash } from 'node:crypto';

/**
 * The Dataverse `name` for a connector built from a folder: publisher prefix, `_`, and the display
 * name lower-cased with every other character as `-xx` (its UTF-8 bytes in hex), the escaping seen in
 * exports (`ba_api-2dfootball`, `admin_office-20365`). Exports are not consistent about it, so a name
 * read from a solution is never re-derived; this is only for connectors that have none yet.
 */
export function connectorNameFor(prefix: string, displayName: string): string {
  let encoded = '';
  for (const byte of Buffer.from(displayName.toLowerCase(), 'utf8')) {
    const char = String.fromCharCode(byte);
    encoded += /[a-z0-9]/.test(char) ? char : `-${byte.toString(16).padStart(2, '0')}`;
  }
  return `${prefix}_${encoded}`;
}

/**
 * A stable connector id (a name-based, version-5 style GUID): building the same connector again gives
 * the same id, so importing a rebuilt solution updates the connector instead of adding another.
 */
export function connectorIdFor(name: string): string {
  const hash = createHash('sha1').update(`connector-alm/connector/${name}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
