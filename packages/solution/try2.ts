import { extractConnectors } from './src/index.js';
import { validateFolder } from '@connector-alm/validator';
const [a, b] = process.argv.slice(2);
(async () => {
  const r = await extractConnectors(a!, b!);
  console.log(JSON.stringify(r, null, 1));
  for (const c of r) { const v = await validateFolder(`${b}/${c.folder}`, {}); console.log(v.findings.map((f) => `${f.severity} ${f.ruleId} ${f.message.slice(0, 120)}`).join('\n')); }
})().catch((e) => { console.error('ERR', e.message, e.hint ?? '', e.stack); process.exit(1); });
