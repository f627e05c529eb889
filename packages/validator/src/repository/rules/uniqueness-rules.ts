import { certificationLevels, type RepositoryRuleDefinition } from '../../model/rule.js';
import { titleKey } from '../connector-identity.js';
import { nameExcerpt } from '../../text/message-values.js';
import { listFolders } from './folder-list.js';

/** Rules comparing a changed connector with every other connector folder of the repository. */
export const uniquenessRules: RepositoryRuleDefinition[] = [
  {
    id: 'SWG-INFO-TITLE-UNIQUE',
    scope: 'repository',
    uses: ['connector-titles'],
    file: 'swagger',
    title: 'Give the connector a title no other connector has.',
    description:
      "Certification requires a title that is unique and distinguishable from existing connectors. Exceeding Microsoft's checks, the title is compared (trimmed, case-insensitive) with the title of every other connector folder in the repository, in pull requests and with `validate --base` only. Corpus: one clash in 373 merged connectors (JIRA and the independent-publisher Atlassian Jira), so a warning; a new version in a new folder can be legitimate but should say so in its title.",
    levels: certificationLevels('warning', 'info'),
    example: {
      bad: '{ "info": { "title": "Jira" } } while certified-connectors/JIRA has the title "JIRA"',
      good: '{ "info": { "title": "Jira Service Desk" } }',
    },
    check(context) {
      const title = context.connector.title;
      if (!title) return;
      const others = context.repository.withTitle(title, context.connector.repositoryPath);
      if (others.length === 0) return;
      context.report({
        pointer: '/info/title',
        message: `The title "${nameExcerpt(title.trim())}" is already the title of ${listFolders(others.map((other) => other.repositoryPath))}. Give this connector a title that tells it apart (the product's name, or "V2" for a new version).`,
      });
    },
  },
  {
    id: 'REPO-NOT-EXISTING',
    scope: 'repository',
    uses: ['connector-titles', 'connector-hosts'],
    file: 'swagger',
    title: 'Submit a connector for a service that has none yet.',
    description:
      "The pull request template asks the submitter to attest that \"the connector doesn't exist on the Power Platform today\". Exceeding Microsoft's checks, the swagger's host is compared with the host of every other connector folder in the repository (placeholders such as api.contoso.com aside), in pull requests and with `validate --base` only. Informational: publishers legitimately have several connectors on one API (corpus: 20 hosts shared by 2 to 5 connectors, e.g. the Blackbaud and Cloudmersive families), but an independent-publisher connector for a service with a certified connector is refused. A same title is SWG-INFO-TITLE-UNIQUE's finding; this one says when title and host both match.",
    levels: { certified: 'info', 'independent-publisher': 'info', custom: 'off' },
    example: {
      bad: '{ "host": "api.sky.blackbaud.com" } while another folder calls the same host',
      good: 'a host no other connector calls',
    },
    check(context) {
      const { host, title, repositoryPath } = context.connector;
      if (!host) return;
      const others = context.repository.withHost(host, repositoryPath);
      if (others.length === 0) return;
      const copies = others.filter(
        (other) =>
          title !== undefined && other.title !== undefined && titleKey(other.title) === titleKey(title),
      );
      const folders = listFolders(others.map((other) => other.repositoryPath));
      context.report({
        pointer: '/host',
        message:
          copies.length > 0
            ? `${listFolders(copies.map((other) => other.repositoryPath))} has the same title and host "${nameExcerpt(host)}": this connector seems to exist already. Update that connector instead, or explain in the pull request why this is another one.`
            : `The host "${nameExcerpt(host)}" is also the host of ${folders}. Make sure this connector does not duplicate one that exists; if it is another product or a new version, say so in the pull request.`,
      });
    },
  },
  {
    id: 'ICON-UNIQUE',
    scope: 'repository',
    uses: ['connector-icons'],
    file: 'icon',
    title: 'Use an icon of your own, not one of another connector.',
    description: `Certification requires an icon unique among connectors. Exceeding Microsoft's checks, icon.png is compared with the icon of every other connector folder in the repository by a 64-bit difference hash of the picture reduced to 9×8 grey cells, so a rescaled, recompressed, brightened or recoloured copy is found too (at most 6 bits apart; the closest distinct icons of the repository are 8 apart). A copy shifted or re-cropped by a few pixels is not found, and nearly flat icons (a plain square) are compared with nothing. In pull requests and with \`validate --base\` only. A new version of a connector in a new folder may keep its icon: then ignore this. Independent-publisher connectors have no icon (ICON-IP-NONE).`,
    levels: { certified: 'warning', 'independent-publisher': 'off', custom: 'info' },
    example: {
      bad: 'icon.png copied from certified-connectors/Contoso',
      good: 'an icon drawn for this connector, on its brand colour',
    },
    check(context) {
      const { iconHash, repositoryPath } = context.connector;
      if (!iconHash) return;
      const similar = context.repository.withSimilarIcon(iconHash, repositoryPath);
      if (similar.length === 0) return;
      const nearest = similar[0]!;
      const likeness =
        nearest.distance === 0
          ? 'looks the same as'
          : `looks almost the same as (${nearest.distance} of 64 hash bits differ)`;
      const more = similar.length > 1 ? ` (and ${similar.length - 1} more)` : '';
      context.report({
        message: `icon.png ${likeness} the icon of "${nearest.connector.repositoryPath}"${more}. Each connector needs an icon of its own; if this is a new version of that connector, ignore this.`,
      });
    },
  },
];
