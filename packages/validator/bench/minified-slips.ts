/**
 * Reading a large minified JSON file with one slip, next to a baseline measured in the same run:
 * JSON.parse of the same text without the slip. Minified, every offset of the file is on one line of
 * a megabyte, which the repairs that read the layout must not read back to its start for each
 * bracket: a file of 1 MB missing its last '}' took a minute to diagnose. No target of its own;
 * what to watch is that each slip costs a small multiple of the baseline, not a hundred.
 */
import { JsonDocument } from '../src/json/json-document.js';
import { medianRunMs } from './support/timed-runs.js';

/** A swagger-like value of `count` parameters, minified: about 57 bytes each. */
function minified(count: number): string {
  const parameters = Array.from({ length: count }, (_, index) => ({
    name: `p${index}`,
    in: 'query',
    schema: { type: 'string' },
  }));
  return JSON.stringify({ parameters, info: { title: 'Minified' } });
}

const text = minified(20_000);
const middle = text.indexOf('{"name":"p10000"');
const slips: [string, string][] = [
  ["its last '}' lost", text.slice(0, -1)],
  ["a '}' lost mid-file", `${text.slice(0, middle - 2)}${text.slice(middle - 1)}`],
  ["a '}' too many at the end", `${text}}`],
  ["a ',' lost mid-file", `${text.slice(0, middle - 1)}${text.slice(middle)}`],
  ['a word for a string', text.replace('"query"', 'query')],
];

const baseline = medianRunMs(5, () => JSON.parse(text));
console.log(`text: ${(text.length / 1024 / 1024).toFixed(1)} MB on one line`);
console.log(`baseline: JSON.parse of the text without a slip   ${baseline.toFixed(0)} ms`);
for (const [name, slipped] of slips) {
  let issues = 0;
  const ms = medianRunMs(3, () => (issues = JsonDocument.parse(slipped).syntaxIssues.length));
  console.log(
    `${name.padEnd(28)} ${ms.toFixed(0).padStart(6)} ms = ${(ms / baseline).toFixed(0)}x the baseline (${issues} issue${issues === 1 ? '' : 's'})`,
  );
}
