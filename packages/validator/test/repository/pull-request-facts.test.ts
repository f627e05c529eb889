import { describe, expect, it } from '@jest/globals';
import {
  independentPublisherTitleName,
  independentPublisherTitleProblem,
  namesConnector,
  checksAsSubmission,
  syncsBranchesOfOneRepository,
  targetsPowerPlatformConnectors,
} from '../../src/repository/pull-request-facts.js';

describe('independentPublisherTitleName', () => {
  it('reads the connector name of the template title and of a proposal', () => {
    expect(independentPublisherTitleName('Contoso Tasks (Independent Publisher)')).toBe('Contoso Tasks');
    expect(independentPublisherTitleName('Proposal - Contoso Tasks (Independent Publisher)')).toBe(
      'Contoso Tasks',
    );
    expect(independentPublisherTitleName('  contoso tasks (independent publisher) ')).toBe('contoso tasks');
  });

  it('allows a note after the marker, as merged pull requests often have', () => {
    expect(independentPublisherTitleName('Contoso Tasks (Independent Publisher) - Bugfix')).toBe(
      'Contoso Tasks',
    );
    expect(independentPublisherTitleName('Contoso Tasks (Independent Publisher) v1.1 Plugin')).toBe(
      'Contoso Tasks',
    );
  });

  it('gives nothing for other titles', () => {
    expect(independentPublisherTitleName('Add Contoso Tasks connector')).toBeUndefined();
    expect(independentPublisherTitleName('Contoso Tasks - independent publisher')).toBeUndefined();
    expect(independentPublisherTitleName('(Independent Publisher)')).toBeUndefined();
  });
});

describe('namesConnector', () => {
  it('ignores case, spaces and punctuation', () => {
    expect(namesConnector('Contoso-Tasks', 'contoso tasks')).toBe(true);
    expect(namesConnector('Contoso Tasks', 'Contoso Notes')).toBe(false);
    expect(namesConnector('--', '  ')).toBe(false);
  });

  it('accepts a name that holds the other, of 4 letters or more', () => {
    expect(namesConnector('Snowflake Connector', 'snowflake')).toBe(true);
    expect(namesConnector('Bitly', 'BitlyIP')).toBe(true);
    expect(namesConnector('Yelp v1.1', 'Yelp')).toBe(true);
    expect(namesConnector('ABC', 'ABC Tasks')).toBe(false);
    expect(namesConnector('Veteran Affairs Forms', 'Veterans Affairs Forms')).toBe(false);
  });
});

describe('targetsPowerPlatformConnectors', () => {
  it("holds for Microsoft's repository, a fork, and an event that does not say", () => {
    expect(targetsPowerPlatformConnectors({ baseRepository: 'microsoft/PowerPlatformConnectors' })).toBe(
      true,
    );
    expect(targetsPowerPlatformConnectors({ baseRepository: 'contoso/powerplatformconnectors' })).toBe(true);
    expect(targetsPowerPlatformConnectors({})).toBe(true);
  });

  it("does not hold for a maker's own connector repository", () => {
    expect(targetsPowerPlatformConnectors({ baseRepository: 'contoso/connectors' })).toBe(false);
  });
});

describe('syncsBranchesOfOneRepository', () => {
  it("holds for the repository's dev merged into another of its branches, whatever the case", () => {
    expect(
      syncsBranchesOfOneRepository({
        baseRepository: 'contoso/PowerPlatformConnectors',
        headRepository: 'Contoso/powerplatformconnectors',
        headRef: 'dev',
      }),
    ).toBe(true);
  });

  it('does not hold for a feature branch, from a fork to upstream, nor when the event does not say', () => {
    const fork = 'contoso/PowerPlatformConnectors';
    expect(syncsBranchesOfOneRepository({ baseRepository: fork, headRepository: fork, headRef: 'fix' })).toBe(
      false,
    );
    expect(
      syncsBranchesOfOneRepository({
        baseRepository: 'microsoft/PowerPlatformConnectors',
        headRepository: fork,
        headRef: 'dev',
      }),
    ).toBe(false);
    expect(syncsBranchesOfOneRepository({ baseRepository: fork, headRef: 'dev' })).toBe(false);
    expect(syncsBranchesOfOneRepository({ baseRepository: fork, headRepository: fork })).toBe(false);
  });
});

describe('checksAsSubmission', () => {
  it('holds for a pull request in a PowerPlatformConnectors repository, or one whose event does not say', () => {
    expect(checksAsSubmission({})).toBe(true);
    expect(checksAsSubmission({ baseRepository: 'microsoft/PowerPlatformConnectors' })).toBe(true);
  });

  it("does not hold in a maker's own repository, nor for a fork syncing its branches", () => {
    expect(checksAsSubmission({ baseRepository: 'contoso/connectors' })).toBe(false);
    const fork = 'contoso/PowerPlatformConnectors';
    expect(checksAsSubmission({ baseRepository: fork, headRepository: fork, headRef: 'dev' })).toBe(false);
  });
});

describe('independentPublisherTitleProblem', () => {
  const connector = { name: 'Contoso Tasks', title: 'Contoso Task Manager' };

  it('is undefined for the template form naming the folder or the title, with or without a note', () => {
    expect(
      independentPublisherTitleProblem('Contoso Tasks (Independent Publisher)', connector),
    ).toBeUndefined();
    expect(
      independentPublisherTitleProblem(
        'Proposal - Contoso Task Manager (Independent Publisher) v2',
        connector,
      ),
    ).toBeUndefined();
  });

  it('asks for the form, named by the swagger title, when the title lacks it', () => {
    expect(independentPublisherTitleProblem(' Add Contoso Tasks ', connector)).toBe(
      'Title the pull request "Contoso Task Manager (Independent Publisher)" (or "Proposal - Contoso Task Manager (Independent Publisher)" for a proposal); it is "Add Contoso Tasks".',
    );
  });

  it('names the connector when the title names another, by the folder name without a swagger title', () => {
    expect(
      independentPublisherTitleProblem('Fabrikam (Independent Publisher)', { name: 'Contoso Tasks' }),
    ).toBe(
      'The pull request title names "Fabrikam", but the connector is "Contoso Tasks"; title it "Contoso Tasks (Independent Publisher)".',
    );
  });

  // "Weather Now API Connector (Independent Publisher)" was suggested, a title SWG-INFO-TITLE-WORDS rejects.
  it('suggests the title without its restricted words, and without a label of its own', () => {
    const weather = { name: 'Weather Now', title: 'Weather Now API Connector' };
    expect(independentPublisherTitleProblem('Add weather', weather)).toBe(
      'Title the pull request "Weather Now (Independent Publisher)" (or "Proposal - Weather Now (Independent Publisher)" for a proposal); it is "Add weather".',
    );
    expect(
      independentPublisherTitleProblem('Add Tavily', {
        name: 'Tavily',
        title: 'Tavily (Independent Publisher)',
      }),
    ).toMatch(/^Title the pull request "Tavily \(Independent Publisher\)" \(or/);
    // Nothing but restricted words: the folder name.
    expect(
      independentPublisherTitleProblem('Fabrikam (Independent Publisher)', {
        name: 'Contoso',
        title: 'API Connector',
      }),
    ).toBe(
      'The pull request title names "Fabrikam", but the connector is "Contoso"; title it "Contoso (Independent Publisher)".',
    );
  });

  it('quotes long titles cut: the message stays short and shows where each was cut', () => {
    const long = 'T'.repeat(50_000);
    const lacking = independentPublisherTitleProblem(`Add ${long}`, { name: 'Contoso Tasks', title: long });
    expect(lacking!.length).toBeLessThan(4 * 1_000 + 200);
    expect(lacking).toMatch(/^Title the pull request "T+… \(Independent Publisher\)" .*; it is "Add T+…"\.$/);
    const other = independentPublisherTitleProblem(`${'N'.repeat(50_000)} (Independent Publisher)`, {
      name: 'Contoso Tasks',
      title: `Contoso ${long}`,
    });
    expect(other!.length).toBeLessThan(3 * 1_000 + 200);
    expect(other).toMatch(
      /^The pull request title names "N+…", but the connector is "Contoso T+…"; title it/,
    );
  });
});
