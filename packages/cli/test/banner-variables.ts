/** The variables of dev-server's banner lines `export A=1 B=2`, as the shell they are pasted into sets them. */
export function bannerVariables(banner: string): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const line of banner.split('\n').filter((text) => text.startsWith('  export ')))
    for (const [, name, value] of line.matchAll(/ ([A-Z_]+)=(\S+)/g)) variables[name!] = value!;
  return variables;
}
