import { describe, expect, it } from '@jest/globals';
import { earlierFolderIn, type SolutionConnector } from '../src/index.js';

const connector = (name: string, connectorId: string, displayName: string): SolutionConnector => ({
  name,
  connectorId,
  displayName,
  description: '',
  iconBrandColor: '',
  connectorType: '1',
  files: {},
});

describe('earlierFolderIn', () => {
  const previous = [
    connector('cat_human-2din-2dthe-2dloop', 'f1215b12-282a-43e5-a2bc-9381c9d4f23b', 'Human-in-the-Loop'),
  ];
  const earlierFolder = earlierFolderIn(previous);

  it('finds the folder a connector had under its earlier display name, by its logical name', () => {
    expect(earlierFolder(connector('cat_human-2din-2dthe-2dloop', '', 'Human Review'))).toEqual({
      folder: 'Human-in-the-Loop',
      connector: previous[0],
    });
  });

  it('finds it by the connector id when the logical name differs', () => {
    const renamed = connector('cat_human-2dreview', 'F1215B12-282A-43E5-A2BC-9381C9D4F23B', 'Human Review');
    expect(earlierFolder(renamed)?.folder).toBe('Human-in-the-Loop');
  });

  it('has none for a new connector, the same folder, or a change of case only', () => {
    expect(earlierFolder(connector('cat_other', 'another-id', 'Other'))).toBeUndefined();
    expect(earlierFolder(connector('cat_human-2din-2dthe-2dloop', '', 'Human-in-the-Loop'))).toBeUndefined();
    expect(earlierFolder(connector('cat_human-2din-2dthe-2dloop', '', 'human-in-the-loop'))).toBeUndefined();
  });

  it('does not match two connectors without an id', () => {
    const withoutId = earlierFolderIn([connector('cat_a', '', 'A')]);
    expect(withoutId(connector('cat_b', '', 'B'))).toBeUndefined();
  });
});
