import { describe, expect, it } from '@jest/globals';
import {
  carriedFiles,
  extractedConnectorLine,
  fileChanges,
  formerNameLine,
  notSelectedLine,
  removedFolderLine,
  type ExtractedConnector,
} from '../src/index.js';

const renamed = (kept: string[], leftBehind: string[]): ExtractedConnector => ({
  name: 'cat_review',
  displayName: 'Review',
  folder: 'Review',
  written: ['apiDefinition.swagger.json', 'apiProperties.json', ...kept],
  created: ['apiDefinition.swagger.json', 'apiProperties.json', ...kept],
  updated: [],
  unchanged: [],
  deleted: [],
  kept: [],
  warnings: [],
  notReplaced: [],
  renamedFrom: { folder: 'Approval', kept, leftBehind },
});
const shown = (folder: string): string => `custom-connectors/${folder}`;

describe('the report of extract-connectors', () => {
  it('names files at the top and counts those of a subfolder', () => {
    expect(carriedFiles(['readme.md', 'images/a.png', 'notes.md', 'images/b/c.png', 'docs/setup.md'])).toBe(
      'readme.md, images/ (2 files), notes.md, docs/setup.md',
    );
  });

  it('says a move once: on the connector line, not as a removed folder', () => {
    const connector = renamed(['readme.md'], ['.DS_Store']);
    expect(removedFolderLine('Approval', [connector], 'solution.zip', shown)).toBeUndefined();
    expect(removedFolderLine('Retired', [connector], 'solution.zip', shown)).toBe(
      'custom-connectors/Retired removed: its connector is no longer in solution.zip.',
    );
    expect(extractedConnectorLine(connector, ['Approval'], shown)).toBe(
      'Review (cat_review) → custom-connectors/Review: created apiDefinition.swagger.json, apiProperties.json, readme.md; moved from custom-connectors/Approval (the connector was renamed), carrying readme.md; 1 leftover of editors and file managers not carried (.DS_Store).',
    );
  });

  it('says nothing of a rename whose earlier folder was gone already', () => {
    expect(extractedConnectorLine(renamed([], []), [], shown)).toBe(
      'Review (cat_review) → custom-connectors/Review: created apiDefinition.swagger.json, apiProperties.json.',
    );
  });

  it("says 'deleted' of the files it deleted, as the JSON report and the action's output name them", () => {
    const connector: ExtractedConnector = {
      name: 'cat_review',
      displayName: 'Review',
      folder: 'Review',
      written: ['apiDefinition.swagger.json'],
      created: [],
      updated: ['apiDefinition.swagger.json'],
      unchanged: ['apiProperties.json'],
      deleted: ['script.csx'],
      kept: [],
      warnings: [],
      notReplaced: [],
    };
    expect(extractedConnectorLine(connector, [], shown)).toBe(
      'Review (cat_review) → custom-connectors/Review: updated apiDefinition.swagger.json; 1 unchanged; deleted script.csx.',
    );
  });

  it('says what was carried from an earlier folder that stays, as another connector took its name', () => {
    expect(extractedConnectorLine(renamed(['readme.md'], []), [], shown)).toBe(
      'Review (cat_review) → custom-connectors/Review: created apiDefinition.swagger.json, apiProperties.json, readme.md; readme.md carried from custom-connectors/Approval.',
    );
  });

  it("says why a folder named otherwise was taken as the connector's: by its title, or by its name", () => {
    const found = (foundUnder: ExtractedConnector['foundUnder']): ExtractedConnector => ({
      ...renamed([], []),
      renamedFrom: undefined,
      name: 'contoso_365-20training',
      displayName: '365 Training Hub',
      folder: '365Training',
      created: [],
      written: [],
      unchanged: ['apiProperties.json'],
      foundUnder,
    });
    const line = (foundUnder: ExtractedConnector['foundUnder']) =>
      extractedConnectorLine(found(foundUnder), [], shown).replace(/^.*1 unchanged; /, '');
    expect(line({ instead: '365 Training Hub', matched: 'title' })).toBe(
      'its own folder, found under another name (its API definition\'s title is "365 Training Hub"), so no new custom-connectors/365 Training Hub.',
    );
    expect(line({ instead: '365 Training Hub', matched: 'name' })).toBe(
      'its own folder, found under another name (its name reads as "365 Training Hub"), so no new custom-connectors/365 Training Hub.',
    );
    // Renamed: the folder held it under its earlier display name, and keeps it.
    const earlierDisplayName = '365 Training';
    expect(line({ instead: '365 Training Hub', matched: 'title', earlierDisplayName })).toBe(
      'its own folder, found under another name (its API definition\'s title was "365 Training", its display name before the rename) and kept, so no new custom-connectors/365 Training Hub.',
    );
    expect(line({ instead: '365 Training Hub', matched: 'name', earlierDisplayName })).toBe(
      'its own folder, found under another name (its name reads as "365 Training", its display name before the rename) and kept, so no new custom-connectors/365 Training Hub.',
    );
  });

  it('names each file it updated or created, and counts those unchanged', () => {
    const connector = (files: Partial<ExtractedConnector>): ExtractedConnector => ({
      ...renamed([], []),
      renamedFrom: undefined,
      created: [],
      updated: [],
      unchanged: [],
      ...files,
    });
    expect(
      fileChanges(
        connector({
          updated: ['apiDefinition.swagger.json'],
          unchanged: ['apiProperties.json', 'icon.png'],
          deleted: ['script.csx'],
        }),
      ),
    ).toBe('updated apiDefinition.swagger.json; 2 unchanged; deleted script.csx');
    expect(fileChanges(connector({ unchanged: ['apiDefinition.swagger.json', 'apiProperties.json'] }))).toBe(
      '2 unchanged',
    );
    expect(
      fileChanges(
        connector({ created: ['script.csx'], updated: ['apiProperties.json'], unchanged: ['icon.png'] }),
      ),
    ).toBe('created script.csx; updated apiProperties.json; 1 unchanged');
  });

  it('names every file it deleted or left for an uncommitted edit, then the template readme and the files kept', () => {
    const connector: ExtractedConnector = {
      ...renamed([], []),
      renamedFrom: undefined,
      created: [],
      updated: ['apiProperties.json'],
      unchanged: [],
      deleted: ['icon.png', 'script.csx'],
      notReplaced: [
        { file: 'apiDefinition.swagger.json', message: 'm1' },
        { file: 'script.csx', message: 'm2' },
      ],
      templateReadme: 'README.md',
      kept: ['notes.md', 'images/a.png', 'images/b.png'],
    };
    expect(fileChanges(connector)).toBe(
      'updated apiProperties.json; deleted icon.png, script.csx; apiDefinition.swagger.json, script.csx not replaced: edit not committed; README.md kept: still the template, TODOs to fill in; notes.md, images/ (2 files) kept: yours',
    );
  });

  it('names each top-level file, those that differ only in their last letter too', () => {
    expect(carriedFiles(['notes1', 'notes2'])).toBe('notes1, notes2');
  });

  it('says a folder a renamed connector moved from once, whichever connector of the run it is', () => {
    const other: ExtractedConnector = {
      ...renamed([], []),
      name: 'cat_other',
      folder: 'Other',
      renamedFrom: undefined,
    };
    expect(removedFolderLine('Approval', [other, renamed([], [])], 'solution.zip', shown)).toBeUndefined();
  });

  it('names each leftover not carried once, in the order found', () => {
    const connector = renamed([], ['.DS_Store', 'images/.DS_Store', 'readme.md~']);
    expect(extractedConnectorLine(connector, ['Approval'], shown)).toBe(
      'Review (cat_review) → custom-connectors/Review: created apiDefinition.swagger.json, apiProperties.json; moved from custom-connectors/Approval (the connector was renamed); 3 leftovers of editors and file managers not carried (.DS_Store, readme.md~).',
    );
  });
});

describe('the lines of a selection', () => {
  it('says a name selected a connector by its display name before its rename, or before it left', () => {
    expect(
      formerNameLine({
        given: 'Contoso Tasks',
        name: 'contoso_tasks',
        earlierDisplayName: 'Contoso Tasks',
        displayName: 'Contoso Tasks Hub',
      }),
    ).toBe(
      "'Contoso Tasks' selected Contoso Tasks Hub (contoso_tasks) by the display name it had before its rename; no connector of the solution is named so now. Name it by its logical name, which stays.",
    );
    expect(formerNameLine({ given: 'retired', name: 'contoso_retired', earlierDisplayName: 'Retired' })).toBe(
      "'retired' selected Retired (contoso_retired), which left the solution, by its display name in the previous solution.",
    );
  });

  it('names the connectors left out as prose, display names quoted, and counts those past ten', () => {
    expect(notSelectedLine(undefined)).toBeUndefined();
    expect(notSelectedLine([])).toBeUndefined();
    expect(notSelectedLine([{ name: 'contoso_notes', displayName: 'Fabrikam Notes' }])).toBe(
      '1 other connector of the solution not selected, neither written nor removed: "Fabrikam Notes" (contoso_notes).',
    );
    // A display name with a comma reads as one name; one without a display name is its logical name.
    expect(
      notSelectedLine([
        { name: 'contoso_notes', displayName: 'Fabrikam Notes' },
        { name: 'contoso_tasks', displayName: 'Contoso, Ltd. Tasks' },
        { name: 'contoso_bare', displayName: '' },
      ]),
    ).toBe(
      '3 other connectors of the solution not selected, neither written nor removed: "Fabrikam Notes" (contoso_notes), "Contoso, Ltd. Tasks" (contoso_tasks) and "contoso_bare" (contoso_bare).',
    );
    const many = Array.from({ length: 25 }, (_, index) => ({
      name: `contoso_c${index + 1}`,
      displayName: `Connector ${index + 1}`,
    }));
    expect(notSelectedLine(many)).toBe(
      `25 other connectors of the solution not selected, neither written nor removed: ${many
        .slice(0, 10)
        .map(({ name, displayName }) => `"${displayName}" (${name})`)
        .join(', ')} and 15 more.`,
    );
  });
});
