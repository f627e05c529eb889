import type { Profile } from '../../model/finding.js';

const UPSTREAM_FILES = 'https://github.com/microsoft/PowerPlatformConnectors/blob/dev/';

/**
 * The readme template of PowerPlatformConnectors that a connector of each profile starts from, as a
 * link to copy it from: the certified and the independent publisher's (whose sections
 * README-SECTIONS-CERT and README-SECTIONS-IP check), and the general one for a custom connector.
 * "Start from the readme template of the repository" named none, and makers outside the repository
 * had no way to find it.
 */
export const README_TEMPLATES: Readonly<Record<Profile, string>> = {
  certified: `${UPSTREAM_FILES}templates/certified-connectors/readme.md`,
  'independent-publisher': `${UPSTREAM_FILES}templates/Independent%20Publisher/readme.md`,
  custom: `${UPSTREAM_FILES}templates/readme.md`,
};
