/** The project's home page: SARIF's informationUri, and the base of every link to its docs. */
export const PROJECT_URL = 'https://github.com/connector-alm/connector-alm';

/** A page of the project's documentation on GitHub, by its path in the repository (`docs/rules.md`). */
export function projectDocUrl(pathInRepository: string): string {
  return `${PROJECT_URL}/blob/main/${pathInRepository}`;
}
