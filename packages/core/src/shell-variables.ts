import { powerShellQuoted, shellWord } from './shell-word.js';

/**
 * The line that sets environment variables in the shell of the platform, to paste into another
 * terminal: `export A=1 B=2` in a POSIX shell, `$env:A = '1'; $env:B = '2'` in PowerShell (Windows),
 * where `export` is no command at all.
 */
export function settingVariables(
  variables: readonly (readonly [name: string, value: string])[],
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'win32')
    return variables.map(([name, value]) => `$env:${name} = ${powerShellQuoted(value)}`).join('; ');
  return `export ${variables.map(([name, value]) => `${name}=${shellWord(value, platform)}`).join(' ')}`;
}

/** The line that removes an environment variable: `unset A`, or in PowerShell `Remove-Item Env:A`. */
export function unsettingVariable(name: string, platform: NodeJS.Platform = process.platform): string {
  return platform === 'win32' ? `Remove-Item Env:${name}` : `unset ${name}`;
}
