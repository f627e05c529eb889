import { describe, expect, it } from '@jest/globals';
import {
  firstNonLatinWord,
  foreignLatinWord,
  isAsciiString,
} from '../../src/rules/swagger/non-latin-text.js';

/** Every UTF-16 code unit, each alone in a string. */
const EVERY_CODE_UNIT = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code));

describe('isAsciiString', () => {
  it('is true exactly when no code unit is above U+007F, wherever it is, lone surrogates included', () => {
    const differing: string[] = [];
    for (const unit of EVERY_CODE_UNIT) {
      for (const text of [
        unit,
        `ab${unit}`,
        `${unit}cd`,
        `a${unit}b`,
        `${'x'.repeat(40)}${unit}${'y'.repeat(40)}`,
      ]) {
        if (isAsciiString(text) !== !/[\u0080-\uffff]/.test(text)) differing.push(text);
      }
    }
    expect(differing).toEqual([]);
  });

  it('reads astral characters (surrogate pairs), empty and long texts', () => {
    expect(isAsciiString('')).toBe(true);
    expect(isAsciiString('plain text, 100% ASCII: {"a": [1, 2]}\n\t~')).toBe(true);
    expect(isAsciiString(`${'a'.repeat(100_000)}😀`)).toBe(false);
    expect(isAsciiString('𠀀𠀀')).toBe(false);
  });
});

describe('firstNonLatinWord', () => {
  it('finds two non-Latin letters in a row, in any script, and nothing in Latin text', () => {
    const cases: [string, string][] = [
      ['Получить задачи', 'Получить'],
      ['タスク', 'タスク'],
      ['مهام', 'مهام'],
      ['Ελληνικά', 'Ελληνικά'],
      ['𠀀𠀁', '𠀀𠀁'],
      ['x µµ y', 'µµ'],
    ];
    for (const [text, word] of cases) expect({ text, word: firstNonLatinWord(text) }).toEqual({ text, word });
    for (const text of ['', 'Get tasks', 'Brønnøysund café', '10 µg/m3', '“quoted” – dash…', 'Ж x Ж', '😀😀'])
      expect({ text, word: firstNonLatinWord(text) }).toEqual({ text, word: undefined });
  });
});

describe('foreignLatinWord', () => {
  it('finds a lower-case word with a Latin diacritic: German, French, Spanish, Portuguese', () => {
    const cases: [string, string][] = [
      ['Aufgabe abrufen für Benutzer', 'für'],
      ['Récupérer les tâches', 'tâches'],
      ['Obtener órdenes', 'órdenes'],
      ['Obter informações do cliente', 'informações'],
    ];
    for (const [text, word] of cases) expect({ text, word: foreignLatinWord(text) }).toEqual({ text, word });
  });
  it('leaves names, capitalised or upper-case words, English loanwords and other scripts alone', () => {
    for (const text of [
      '',
      'Get tasks',
      'Brønnøysund register',
      'e.g. GIOŚ stations',
      'Zürich office',
      'A naïve café résumé',
      '10 µg/m3',
      '“quoted” – dash…',
      'Получить задачи',
      '😀😀',
    ])
      expect({ text, word: foreignLatinWord(text) }).toEqual({ text, word: undefined });
  });
});
