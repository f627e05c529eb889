import { describe, expect, it } from '@jest/globals';
import {
  independentPublisherTitleName,
  sameConnectorName,
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

  it('gives nothing for other titles', () => {
    expect(independentPublisherTitleName('Add Contoso Tasks connector')).toBeUndefined();
    expect(
      independentPublisherTitleName('Contoso Tasks (Independent Publisher) - new actions'),
    ).toBeUndefined();
    expect(independentPublisherTitleName('(Independent Publisher)')).toBeUndefined();
  });
});

describe('sameConnectorName', () => {
  it('ignores case, spaces and punctuation', () => {
    expect(sameConnectorName('Contoso-Tasks', 'contoso tasks')).toBe(true);
    expect(sameConnectorName('Contoso Tasks', 'Contoso Notes')).toBe(false);
    expect(sameConnectorName('--', '  ')).toBe(false);
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
