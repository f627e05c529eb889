import path from 'node:path';

/**
 * Links a finding in the job summary to its line on GitHub, at the commit under review (the pull
 * request's head, else GITHUB_SHA). Files outside the workspace get no link. Parentheses are encoded
 * too (encodeURIComponent keeps them), since an unmatched `)` in a file name would end the markdown
 * link there and show the rest of the address as text, markup and all.
 */
export function sourceUrlFor(
  workspace: string,
  commit: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): ((file: string, line: number) => string | undefined) | undefined {
  const server = env.GITHUB_SERVER_URL;
  const repository = env.GITHUB_REPOSITORY;
  if (!server || !repository || !commit) return undefined;
  return (file, line) => {
    const relative = path.relative(workspace, path.resolve(workspace, file));
    if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
    const encoded = relative
      .split(path.sep)
      .map((segment) => encodeURIComponent(segment).replace(/\(/g, '%28').replace(/\)/g, '%29'))
      .join('/');
    return `${server}/${repository}/blob/${commit}/${encoded}#L${line}`;
  };
}
