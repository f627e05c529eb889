import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { compareCodeUnits, compareFolderPaths, compareText } from '../src/text-order.js';

describe('compareText', () => {
  it('collates in English whatever the machine’s locale: ä with a, ı beside i, case second', () => {
    const words = ['z', 'ä', 'B', 'a', 'ı', 'I', 'i', 'Z'];
    expect([...words].sort(compareText)).toEqual(['a', 'ä', 'B', 'i', 'I', 'ı', 'z', 'Z']);
  });
});

describe('compareCodeUnits', () => {
  it('orders as sort() does, capitals first', () => {
    const words = ['alpha', 'Zeta', '_under', 'Ünder'];
    expect([...words].sort(compareCodeUnits)).toEqual([...words].sort());
  });

  it('tells equal text equal, and each order of two texts apart', () => {
    expect(compareCodeUnits('Contoso', 'Contoso')).toBe(0);
    expect(Math.sign(compareCodeUnits('Contoso', 'contoso'))).toBe(-1);
    expect(Math.sign(compareCodeUnits('contoso', 'Contoso'))).toBe(1);
  });
});

describe('compareFolderPaths', () => {
  it('orders Windows paths by their / form', () => {
    expect(compareFolderPaths('Contoso\\v2', 'Contoso2', path.win32)).toBeLessThan(0);
    expect(compareFolderPaths('Contoso/v2', 'Contoso2', path.posix)).toBeLessThan(0);
    // On Linux and macOS a backslash is part of a name, and sorts as the character it is.
    expect(compareFolderPaths('Contoso\\v2', 'Contoso2', path.posix)).toBeGreaterThan(0);
  });
});
