import { describe, expect, it } from '@jest/globals';
import {
  operationKeys,
  pathKeys,
  wordsOf,
  type OperationKeys,
  type Words,
} from '../../src/rules/readme/loose-names.js';
import { keyLetters, namesLetters } from '../../src/rules/readme/loose-listing.js';
import { seededPick } from '../helpers/seeded-random.js';

/**
 * What wordsOf stands for, written the obvious way: the marks and the numbering replaced, the rest
 * split on other characters, and each identifier cut into words by two replaces.
 */
function reference(text: string): Words {
  const words: string[] = [];
  let version = '';
  const unmarked = text
    .replace(/[([]\s*(?:deprecated|preview|trigger|action|beta|legacy|obsolete)\s*[)\]]/gi, ' ')
    .replace(/[([]\s*(v\d+(?:\.\d+)?)\s*[)\]]/gi, (_mark, written: string) => {
      version = written.toLowerCase().replace(/[^a-z0-9]/g, '');
      return ' ';
    });
  for (const written of unmarked
    .replace(/^\s*(?:operation\s*)?\d+\s*[.):\-–—]?\s+/i, '')
    .split(/[^A-Za-z0-9]+/)) {
    if (written === '' || ['a', 'an', 'the'].includes(written.toLowerCase())) continue;
    const parts = written.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z])([A-Z][a-z])/g, '$1 $2');
    for (const part of parts.toLowerCase().split(' ')) words.push(part);
  }
  if (words.length > 1 && ['action', 'trigger'].includes(words[0]!)) words.shift();
  if (words.length > 1 && /^v\d+$/.test(words[words.length - 1]!)) version ||= words.pop()!;
  return { words, version };
}

/** Pieces names are made of: identifiers, articles, marks, versions, numberings, other scripts. */
const PIECES = [
  'a',
  'A',
  'z',
  'Z',
  'q',
  'Q',
  '0',
  '7',
  ' ',
  '  ',
  '-',
  '_',
  '.',
  ':',
  '/',
  '(',
  ')',
  '[',
  ']',
  '{id}',
  '\t',
  '\n',
  '\u00a0',
  '\u2003',
  'é',
  'Ä',
  'ſ',
  '\u212a',
  '\u0130',
  '–',
  '—',
  'the',
  'An',
  'A ',
  'The ',
  '(deprecated)',
  '[ Preview ]',
  '(TRIGGER)',
  'v2',
  'V1.1',
  '(v2)',
  '[ V3 ]',
  'Operation 3 ',
  '2. ',
  'Action ',
  'Trigger: ',
  'job',
  'Event',
  'api',
  'PDF',
  'Pdf',
  'Id',
  'ID',
  'Get',
  'By',
  'x',
  'Xy',
];

/** Names of one to ten pieces, the same ones every run. */
function generatedNames(count: number): string[] {
  const pick = seededPick(7);
  return Array.from({ length: count }, () => {
    let name = '';
    for (let piece = pick(10); piece >= 0; piece--) name += PIECES[pick(PIECES.length)];
    return name;
  });
}

describe('the words of an operation name (README-OPS-MATCH)', () => {
  it('cuts identifiers where a word starts, and keeps runs of capitals together', () => {
    expect(wordsOf('GetTimeAndBillingAccountDetailsByID').words).toEqual([
      'get',
      'time',
      'and',
      'billing',
      'account',
      'details',
      'by',
      'id',
    ]);
    expect(wordsOf('PDFConvertToHTML5Page').words).toEqual(['pdf', 'convert', 'to', 'html5', 'page']);
    expect(wordsOf('Excel2SetCell').words).toEqual(['excel2', 'set', 'cell']);
    expect(wordsOf('/api/v5/{workspace_id}/time-entries').words).toEqual([
      'api',
      'v5',
      'workspace',
      'id',
      'time',
      'entries',
    ]);
  });

  it('skips articles written apart, marks, a numbering and a role, and takes the version', () => {
    expect(wordsOf('Action - Get the TimeCardByID (deprecated) V2')).toEqual({
      words: ['get', 'time', 'card', 'by', 'id'],
      version: 'v2',
    });
    expect(wordsOf('Operation 3 Create an invitee [v1.1]')).toEqual({
      words: ['create', 'invitee'],
      version: 'v11',
    });
    // "PdfA" is no "Pdf" and an article; letters of other scripts part words.
    expect(wordsOf('Convert to PdfA').words).toEqual(['convert', 'to', 'pdf', 'a']);
    expect(wordsOf('Créer une tâche').words).toEqual(['cr', 'er', 'une', 't', 'che']);
  });

  it('reads every name as the replaces and splits it stands for', () => {
    const differing = generatedNames(50_000).filter(
      (name) => JSON.stringify(wordsOf(name)) !== JSON.stringify(reference(name)),
    );
    expect(differing).toEqual([]);
  });
});

/**
 * What operationKeys and pathKeys stand for, written the obvious way (as they were before the keys
 * were made without slicing and joining, and a path's once): each name's words, also without a
 * kind word at the end (own) and without the first word (shared), then the path's words.
 */
function referenceKeys(
  summary: string | undefined,
  operationId: string | undefined,
  path: string,
): OperationKeys {
  const lookupKeys = (words: string[], version: string): string[] => {
    const key = words.join('');
    if (key === '') return [];
    return version === '' ? [key, `${key} v*`] : [`${key} ${version}`, key];
  };
  const own: string[] = [];
  const shared: string[] = [];
  const names = [summary, operationId].filter((name) => !!name).map((name) => wordsOf(name!));
  const version = names.find((name) => name.version !== '')?.version ?? '';
  for (const { words } of names) {
    own.push(...lookupKeys(words, version));
    if (words.length > 1 && ['operation', 'event', 'job'].includes(words[words.length - 1]!)) {
      own.push(...lookupKeys(words.slice(0, -1), version));
    }
    if (words.length > 1) shared.push(...lookupKeys(words.slice(1), version));
  }
  const pathWords: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment.includes('{')) continue;
    for (const word of wordsOf(segment).words)
      if (!/^v\d+$/.test(word) && word !== 'api') pathWords.push(word);
  }
  if (pathWords.length > 1) shared.push(...lookupKeys(pathWords, ''));
  return { own, shared };
}

describe('the keys an operation is listed under (README-OPS-MATCH)', () => {
  it("are its names' and its path's, with the operation's version", () => {
    const keys = (summary: string | undefined, operationId: string | undefined, path: string) =>
      operationKeys(summary, operationId, pathKeys(path));
    expect(keys('Get a task V2', 'GetTask', '/api/v5/{workspace_id}/tasks')).toEqual({
      own: ['gettask v2', 'gettask', 'gettask v2', 'gettask'],
      shared: ['task v2', 'task', 'task v2', 'task'],
    });
    expect(keys('Find Operation', undefined, '/regional/england')).toEqual({
      own: ['findoperation', 'findoperation v*', 'find', 'find v*'],
      shared: ['operation', 'operation v*', 'regionalengland', 'regionalengland v*'],
    });
    expect(keys(undefined, undefined, '/')).toEqual({ own: [], shared: [] });
  });

  it('are those the obvious reading of every name and path gives', () => {
    const pick = seededPick(11);
    const names = generatedNames(30_000);
    const pathOf = () =>
      Array.from(
        { length: pick(5) },
        () => ['', 'api', 'v2', '{id}', names[pick(names.length)]!][pick(5)],
      ).join('/');
    const differing: string[] = [];
    for (let index = 0; index + 1 < names.length; index += 2) {
      const summary = pick(4) === 0 ? undefined : names[index];
      const operationId = pick(4) === 0 ? undefined : names[index + 1];
      const path = pathOf();
      const found = JSON.stringify(operationKeys(summary, operationId, pathKeys(path)));
      if (found !== JSON.stringify(referenceKeys(summary, operationId, path))) {
        differing.push(JSON.stringify([summary, operationId, path]));
      }
    }
    expect(differing).toEqual([]);
  });

  it("have their letters among their operation's names' (LooseListing reads no other operation's keys)", () => {
    const pick = seededPick(12);
    const names = generatedNames(30_000);
    const pathOf = () =>
      Array.from(
        { length: pick(5) },
        () => ['', 'api', 'V2', '{Id}', names[pick(names.length)]!][pick(5)],
      ).join('/');
    const missed: string[] = [];
    for (let index = 0; index + 1 < names.length; index += 2) {
      const summary = pick(4) === 0 ? undefined : names[index];
      const operationId = pick(4) === 0 ? undefined : names[index + 1];
      const path = pathOf();
      const { own, shared } = operationKeys(summary, operationId, pathKeys(path));
      const letters = namesLetters(summary, operationId, path);
      for (const key of [...own, ...shared]) {
        if ((letters & keyLetters(key)) !== keyLetters(key))
          missed.push(JSON.stringify([key, summary, operationId, path]));
      }
    }
    expect(missed).toEqual([]);
    // A key of other letters is no key of the operation's.
    expect(keyLetters('getcompany') & ~namesLetters('Get a task', 'GetTask', '/tasks')).not.toBe(0);
    expect(keyLetters('task v2')).toBe(keyLetters('TASK'));
  });
});
