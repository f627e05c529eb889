import {
  optionWords,
  UsageError,
  withoutSecrets,
  withoutTrailingSlashes,
  type SaySetting,
  type Setting,
} from '@connector-alm/core';

/**
 * Where the API root comes from, as the one who reads the advice sets it: the CLI's option and the
 * variable it falls back on, or the variable the runner sets for a workflow. A pr user was told of the
 * runner and a step's env:, an action's user of --api-url.
 */
export const API_URL: Setting = {
  option: '--api-url (or GITHUB_API_URL)',
  input: 'GITHUB_API_URL (the runner sets it; a step can override it in env:)',
};

/** Where the API root comes from and what it looks like, for the hints of every error about it. */
export function apiUrlHint(say: SaySetting): string {
  return `It is ${say(API_URL)}: https://api.github.com, or https://HOSTNAME/api/v3 on GitHub Enterprise Server.`;
}

// The action reads its token from its input alone; the CLI also from the environment.
const TOKEN_SETTING = { option: '--token or GITHUB_TOKEN', input: 'the token input' };

/**
 * The GitHub REST API root, checked before any request: fetch refuses a URL with a user name or
 * password with an error that quotes it whole, and a query or a missing scheme makes every request
 * URL wrong. The result has no trailing '/'; errors show the URL without user part and query.
 * `say` names where the token goes: the CLI's options by default, or the action's input.
 */
export function parseApiUrl(text: string, say: SaySetting = optionWords): string {
  const refuse = (what: string) =>
    new UsageError(`The GitHub API URL '${withoutSecrets(text)}' ${what}.`, { hint: apiUrlHint(say) });
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw refuse('is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refuse('is not an http(s) URL');
  if (url.username || url.password)
    throw refuse(`holds a user name or password: the token goes in ${say(TOKEN_SETTING)}`);
  if (url.search || url.hash) throw refuse('holds a query or fragment');
  return withoutTrailingSlashes(url.href);
}
