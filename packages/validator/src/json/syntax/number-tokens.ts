import { oneOfTwoReplacements, replacement } from '../../text/text-edits.js';
import type { Token } from './token.js';
import { quoteAdvice } from './word-tokens.js';
import { excerpt } from '../../text/message-values.js';

/** Numbers as people write them by hand: leading zeros, hexadecimal, arithmetic such as 2/3. */

export const BAD_NUMBER =
  'A number is not written as JSON allows (such as 12, -0.5 or 1e3): a digit is missing.';

/** The rest of a number after a leading `0`: more digits, a fraction, an exponent. */
const AFTER_LEADING_ZERO = /[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/** The rest of a hexadecimal number after its `0`, as JavaScript and C# write it (0x1F). */
const HEXADECIMAL = /[xX][0-9a-fA-F]+(?![\p{L}\p{N}_])/uy;

/**
 * A number. The scanner ends a number at a `0` that starts it, so `01` would be read as two numbers
 * ("Unexpected 1") and `007` as three: a leading zero is read here as one number with the problem named.
 */
export function numberToken(text: string, offset: number, end: number): Token {
  const zero =
    end - offset === 1
      ? text.charCodeAt(offset) === 0x30
      : text.startsWith('-0', offset) && end - offset === 2;
  if (!zero) return { kind: 'literal', offset, end };
  HEXADECIMAL.lastIndex = end;
  if (HEXADECIMAL.test(text)) {
    const written = text.slice(offset, HEXADECIMAL.lastIndex);
    const value = Number(written.replace('-', '')) * (written.startsWith('-') ? -1 : 1);
    // Past about 256 hexadecimal digits the value is Infinity, which JSON cannot hold either: no edit.
    if (!Number.isFinite(value))
      return {
        kind: 'literal',
        offset,
        end: HEXADECIMAL.lastIndex,
        problem: {
          message: `${excerpt(written)} is not a number as JSON writes it, and too large for a JSON number: write it as a string.`,
          offset,
          length: written.length,
        },
      };
    const meant = String(value);
    return {
      kind: 'literal',
      offset,
      end: HEXADECIMAL.lastIndex,
      fix: replacement(offset, written.length, meant),
      problem: {
        message: `${excerpt(written)} is not a number as JSON writes it: write ${excerpt(meant)}, its decimal value.`,
        offset,
        length: written.length,
      },
    };
  }
  AFTER_LEADING_ZERO.lastIndex = end;
  if (!AFTER_LEADING_ZERO.test(text)) return { kind: 'literal', offset, end };
  const written = text.slice(offset, AFTER_LEADING_ZERO.lastIndex);
  const meant = written.replace(/^(-?)0+(?=[0-9])/, '$1');
  return {
    kind: 'literal',
    offset,
    end: AFTER_LEADING_ZERO.lastIndex,
    fix: oneOfTwoReplacements(offset, written.length, meant),
    problem: {
      message: `JSON numbers cannot have leading zeros: write ${excerpt(meant)} instead of ${excerpt(written)}, or "${excerpt(written)}" as a string if the zeros matter (a postal code, an id).`,
      offset,
      length: written.length,
    },
  };
}

/** A number as written by hand: leading zeros allowed here, so that `02/03` is read whole. */
const OPERAND = String.raw`-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?`;
/**
 * Numbers joined by `+ - * /`, spaces on both sides of each operator or on neither: `[1 -2]` is a
 * list that lost its comma, not a subtraction.
 */
const ARITHMETIC = new RegExp(String.raw`${OPERAND}(?:(?:[-+*/]|[ \t]+[-+*/][ \t]+)${OPERAND})+`, 'y');
const OPERAND_AT = new RegExp(OPERAND, 'y');
const OPERATOR_AT = /[ \t]*([-+*/])[ \t]*/y;
/** What may follow a value: the arithmetic must not be the start of a longer word (`2/3abc`, `1.0-2.x`). */
const AFTER_VALUE = /[\s,\]}]/;

/**
 * A value written as arithmetic or a fraction (`2/3`, `1 + 1`), which the scanner ends after its first
 * number, reporting the rest piecewise ("Unexpected /3"): read here as one value with the problem
 * named. Numbers joined by one repeated `/` or `-` (`12/31/2024`, `555-123-4567`) or written with
 * a leading zero (`2024-01-01`, `02/03`) are text that lost its quotes, not a sum to work out.
 * Undefined when no operator follows the number.
 */
export function arithmeticToken(text: string, offset: number): Token | undefined {
  ARITHMETIC.lastIndex = offset;
  if (!ARITHMETIC.test(text)) return undefined;
  const end = ARITHMETIC.lastIndex;
  if (end < text.length && !AFTER_VALUE.test(text.charAt(end))) return undefined;
  const written = text.slice(offset, end);
  const { operands, operators } = termsOf(written);
  const leadingZero = operands.some((operand) => /^-?0\d/.test(operand));
  const sameSeparator =
    operators.length > 1 && (operators.every((o) => o === '/') || operators.every((o) => o === '-'));
  const at = { offset, length: end - offset };
  if (leadingZero || sameSeparator) {
    const fix = replacement(offset, end - offset, JSON.stringify(written));
    return { kind: 'literal', offset, end, fix, problem: { message: quoteAdvice(written), ...at } };
  }
  const result = evaluate(operands.map(Number), operators);
  const finite = Number.isFinite(result);
  const meant = finite ? String(Number(result.toPrecision(15))) : 'a number';
  return {
    kind: 'literal',
    offset,
    end,
    fix: finite ? oneOfTwoReplacements(offset, end - offset, meant) : undefined,
    problem: {
      message: `JSON does not calculate: write ${excerpt(meant)} instead of ${excerpt(written)}, or "${excerpt(written)}" as a string if it is meant as written (a ratio, a range, a score).`,
      ...at,
    },
  };
}

/** The numbers and operators of text that ARITHMETIC matched whole. */
function termsOf(written: string): { operands: string[]; operators: string[] } {
  const operands: string[] = [];
  const operators: string[] = [];
  OPERAND_AT.lastIndex = 0;
  for (;;) {
    operands.push(OPERAND_AT.exec(written)![0]);
    OPERATOR_AT.lastIndex = OPERAND_AT.lastIndex;
    const operator = OPERATOR_AT.exec(written);
    if (operator === null) return { operands, operators };
    operators.push(operator[1]!);
    OPERAND_AT.lastIndex = OPERATOR_AT.lastIndex;
  }
}

/** The value of numbers joined by operators, `*` and `/` before `+` and `-`. */
function evaluate(operands: number[], operators: string[]): number {
  let sum = 0;
  let sign = 1;
  let term = operands[0]!;
  operators.forEach((operator, index) => {
    const next = operands[index + 1]!;
    if (operator === '*') term *= next;
    else if (operator === '/') term /= next;
    else {
      sum += sign * term;
      sign = operator === '-' ? -1 : 1;
      term = next;
    }
  });
  return sum + sign * term;
}
