import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CONNECTOR_FILE_NAMES, withoutByteOrderMark } from '@connector-alm/core';
import type { RootFolder } from './own-folder.js';

const SWAGGER_LOWER = CONNECTOR_FILE_NAMES.swagger.toLowerCase();

/**
 * The folders of a destination root with their swagger's title, for ownFolderCandidates. A folder
 * whose swagger is missing or not JSON has no title: it can still be found by its name. Hidden
 * folders (.git, a writer's staging folder) are no connector's. Symbolic links are left out: a link
 * named like a connector may lead out of the root (`LnkBio -> ../outside/LnkBio`), and extraction
 * would overwrite what it leads to; only a link named exactly as the display-name folder is followed,
 * as extraction always did.
 */
export async function readRootFolders(root: string): Promise<RootFolder[]> {
  const entries = await fs.readdir(root, { withFileTypes: true }).catch(() => []);
  const folders: RootFolder[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || !entry.isDirectory()) continue;
    const folder = path.join(root, entry.name);
    const title = await swaggerTitle(folder);
    folders.push(title === undefined ? { name: entry.name } : { name: entry.name, title });
  }
  return folders;
}

/**
 * The folders of a destination root (readRootFolders), read the first time they are asked for and
 * then kept: a clone of upstream has over a thousand, each with a swagger to parse, and one
 * extraction looks in them up to three times (for its connectors' folders, and for those of the
 * connectors that left, before writing and again before removing them).
 */
export type RootFolderListing = () => Promise<RootFolder[]>;

/** The listing of `root` that one extraction shares: read once, and only when asked for. */
export function rootFoldersOnce(root: string): RootFolderListing {
  let read: Promise<RootFolder[]> | undefined;
  return () => (read ??= readRootFolders(root));
}

/**
 * Whether the destination root has an entry named `folder`. lstat: a link so named that leads
 * nowhere is there too, for extraction to refuse (refuseNonFolder), not a reason to look for the
 * connector in another folder and write there.
 */
export async function isInRoot(root: string, folder: string): Promise<boolean> {
  return (await fs.lstat(path.join(root, folder)).catch(() => undefined)) !== undefined;
}

async function swaggerTitle(folder: string): Promise<string | undefined> {
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  // In any case, as the validator finds it.
  const swagger = names.includes(CONNECTOR_FILE_NAMES.swagger)
    ? CONNECTOR_FILE_NAMES.swagger
    : names.find((name) => name.toLowerCase() === SWAGGER_LOWER);
  if (swagger === undefined) return undefined;
  try {
    const text = await fs.readFile(path.join(folder, swagger), 'utf8');
    const title = (JSON.parse(withoutByteOrderMark(text)) as { info?: { title?: unknown } } | null)?.info
      ?.title;
    return typeof title === 'string' ? title : undefined;
  } catch {
    // Unreadable or not JSON: the validator says so of that folder; here it only has no title.
    return undefined;
  }
}
