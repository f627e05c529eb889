import { describe, expect, it } from '@jest/globals';
import { isSuccessCode } from '../../src/rules/operations/rule-kit.js';

describe('isSuccessCode', () => {
  it('answers as /^2\\d\\d$/ does', () => {
    const codes = ['200', '201', '299', '2xx', '20', '2000', '300', '199', 'default', '', ' 200', '200\n'];
    codes.push('2\u0660\u0660', '2\uff10\uff10', '２00', '2/0', '2:0', '2' + String.fromCharCode(0x2f, 0x3a));
    for (const code of codes) expect([code, isSuccessCode(code)]).toEqual([code, /^2\d\d$/.test(code)]);
  });
});
