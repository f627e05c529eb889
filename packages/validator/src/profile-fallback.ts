import path from 'node:path';
import { layoutProfile } from './loader/discover.js';
import type { ValidatorConfig } from './config/config-types.js';
import { folderSettings } from './config/folder-settings.js';
import type { Profile } from './model/finding.js';

/**
 * The connector folders that got the relaxed `custom` rules only because nothing chose a profile:
 * outside the PowerPlatformConnectors layout, with `auto` and no `profile` in the configuration, nor
 * an override matching the folder that gives one. A maker who keeps a connector at the top of their
 * own repository, meaning to submit it as certified, would otherwise read a nearly clean report as
 * ready (AikiDocs: 4 warnings as custom, 1 error and 32 more findings as certified). Paths as the
 * connectors give them.
 */
export function profileFallbackFolders(
  connectors: readonly { path: string; profile: Profile }[],
  options: { cwd: string; profile?: Profile; config?: ValidatorConfig },
): string[] {
  const config = options.config;
  if (options.profile || config?.profile) return [];
  return connectors
    .filter((connector) => connector.profile === 'custom')
    .filter((connector) => {
      const folder = path.resolve(options.cwd, connector.path);
      return layoutProfile(folder) === undefined && !(config && folderSettings(folder, config).profile);
    })
    .map((connector) => connector.path);
}

/**
 * What to say about those folders; `chooseProfile` is how the caller's user picks a profile (an
 * option, an input). Undefined when there are none.
 */
export function profileFallbackNote(folders: readonly string[], chooseProfile: string): string | undefined {
  if (folders.length === 0) return undefined;
  const named =
    folders.length <= 3
      ? folders.join(', ')
      : `${folders.slice(0, 3).join(', ')} and ${folders.length - 3} more`;
  const them = folders.length === 1 ? 'it' : 'them';
  return (
    `${named} ${folders.length === 1 ? 'was' : 'were'} checked with the relaxed custom rules, being outside ` +
    `certified-connectors/ and independent-publisher-connectors/. To check ${them} as a submission, ${chooseProfile}; ` +
    'to keep the custom rules without this note, set "profile: custom" in .connector-alm.yml.'
  );
}
