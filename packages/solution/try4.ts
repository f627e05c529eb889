import { prettyJson, minifyJson, checkJson } from './src/index.js';
import { readFileSync } from 'node:fs';
const t = readFileSync(process.argv[2]!, 'utf8');
let s = Date.now(); checkJson(t, 'x'); console.log('check', Date.now() - s, t.length);
s = Date.now(); const m = minifyJson(t, 'x'); console.log('minify', Date.now() - s);
s = Date.now(); prettyJson(m, 'x'); console.log('pretty', Date.now() - s);
