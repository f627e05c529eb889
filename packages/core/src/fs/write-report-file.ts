import { promises as fs } from 'node:fs';

/**
 * Writes a report (SARIF, JSON, text) into `file`, in place: the path may name a link or a device
 * (/dev/stdout), which a rename of a temporary file would replace. A file the write made is removed
 * again when the write fails (a full disk), so that no empty or cut-off report is left for a later
 * step to read: an upload of a SARIF file cut off halfway fails with a JSON error of its own. A file
 * that was there is left as the failure left it.
 */
export async function writeReportFile(file: string, text: string): Promise<void> {
  const made = await fs.lstat(file).then(
    () => false,
    () => true,
  );
  try {
    await fs.writeFile(file, text);
  } catch (error) {
    if (made) await fs.rm(file, { force: true }).catch(() => undefined);
    throw error;
  }
}
