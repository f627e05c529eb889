import {
  independentPublisherTitleProblem,
  targetsPowerPlatformConnectors,
  type Profile,
} from '@connector-alm/validator';

/**
 * A warning about a title the author gave (`--title`, the `title` input) for an independent-publisher
 * connector that lacks the upstream's "Connector Name (Independent Publisher)" form, in
 * REPO-PR-TITLE-IP's words: the title is sent as given, but reviewers ask for that form, and the
 * upstream runs no connector-alm check that would tell the author later. The title connector-alm
 * makes has the form, and a repository other than PowerPlatformConnectors has its own conventions.
 */
export function givenTitleWarning(
  given: string | undefined,
  title: string,
  facts: { profile: Profile; upstream: string; connector: { name: string; title: string } },
): string | undefined {
  if (!given?.trim() || facts.profile !== 'independent-publisher') return undefined;
  if (!targetsPowerPlatformConnectors({ baseRepository: facts.upstream })) return undefined;
  const problem = independentPublisherTitleProblem(title, facts.connector);
  return (
    problem &&
    `${problem} The pull request keeps the title given; reviewers of ${facts.upstream} ask for that form.`
  );
}
