import { closeSync, openSync, readSync } from 'node:fs';

/**
 * The first `bytes` bytes of the file at `file` (fewer when it is shorter), read without reading the
 * rest: what a file says of itself at its start (a zip's signature, a YAML swagger's version).
 * Undefined for a file that cannot be read, which its caller then judges by its name alone.
 */
export function fileHead(file: string, bytes: number): Buffer | undefined {
  const head = Buffer.alloc(bytes);
  try {
    const descriptor = openSync(file, 'r');
    try {
      return head.subarray(0, readSync(descriptor, head, 0, bytes, 0));
    } finally {
      closeSync(descriptor);
    }
  } catch {
    return undefined;
  }
}
