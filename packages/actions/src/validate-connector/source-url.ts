import path from 'node:path';
import { isWithin } from '@connector-alm/core';
import type { HeadLines } from './head-lines.js';

/** A file's address at a line, or a folder's (no line); undefined for a path it cannot address. */
type SourceUrl = (file: string, line?: number) => string | undefined;

/**
 * Links a finding in the job summary to its line on GitHub, at the commit under review (the pull
 * request's head, else GITHUB_SHA), or a finding on a folder to the folder. Files outside the
 * workspace get no link.
 */
export function sourceUrlFor(
  workspace: string,
  commit: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): SourceUrl | undefined {
  const address = addressAt(commit, env);
  if (!address) return undefined;
  return (file, line) => {
    const absolute = path.resolve(workspace, file);
    // isWithin, not a test of '..' at the start: a folder may be named '..Contoso' inside the workspace.
    if (!isWithin(workspace, absolute)) return undefined;
    return address(path.relative(workspace, absolute).split(path.sep), line);
  };
}

/**
 * Links a finding of a pull request's merge commit to its line at the head (HeadLines), where the
 * reviewer reads the file and the annotation is; a line the head does not have (the base branch
 * changed it) to itself at the merge commit that was checked.
 */
export function headSourceUrlFor(
  workspace: string,
  lines: HeadLines,
  env: NodeJS.ProcessEnv = process.env,
): SourceUrl | undefined {
  const atHead = sourceUrlFor(workspace, lines.head, env);
  const atChecked = sourceUrlFor(workspace, lines.checked, env);
  if (!atHead || !atChecked) return undefined;
  return (file, line) => {
    if (line === undefined) return atHead(file);
    const headLine = lines.lineAtHead(file, line);
    return headLine === undefined ? atChecked(file, line) : atHead(file, headLine);
  };
}

/**
 * Links the base version's place of a change (a part it deleted) to its line on GitHub, at the merge
 * base: the diff names such a file `<commit>:<repository path>`, the commit's first 12 digits. A file
 * named after another commit, or not so, gets no link.
 */
export function baseSourceUrlFor(
  mergeBase: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): SourceUrl | undefined {
  const address = addressAt(mergeBase, env);
  if (!address || !mergeBase) return undefined;
  return (file, line) => {
    const colon = file.indexOf(':');
    const commit = file.slice(0, colon);
    if (colon < 1 || !mergeBase.startsWith(commit)) return undefined;
    return address(file.slice(colon + 1).split('/'), line);
  };
}

/**
 * The address of a line of a file at `commit` (its path's segments) in the run's repository, or of a
 * folder, given no line: `tree/`, with no line anchor (a folder has no line 1; its `blob/…#L1` address
 * led to GitHub's redirect, with an anchor that named nothing). Parentheses are encoded too
 * (encodeURIComponent keeps them), since an unmatched `)` in a file name would end the markdown link
 * there and show the rest of the address as text, markup and all.
 */
function addressAt(
  commit: string | undefined,
  env: NodeJS.ProcessEnv,
): ((segments: readonly string[], line?: number) => string) | undefined {
  const server = env.GITHUB_SERVER_URL;
  const repository = env.GITHUB_REPOSITORY;
  if (!server || !repository || !commit) return undefined;
  return (segments, line) => {
    const encoded = segments
      .map((segment) => encodeURIComponent(segment).replace(/\(/g, '%28').replace(/\)/g, '%29'))
      .join('/');
    return line === undefined
      ? `${server}/${repository}/tree/${commit}/${encoded}`
      : `${server}/${repository}/blob/${commit}/${encoded}#L${line}`;
  };
}
