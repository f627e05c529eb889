import { unpackSolution, packSolution } from './src/index.js';
const [cmd, a, b, pt] = process.argv.slice(2);
(async () => {
  if (cmd === 'unpack') console.log(JSON.stringify(await unpackSolution(a!, b!, { overwrite: true, packageType: (pt as any) ?? 'auto' })));
  else console.log(JSON.stringify(await packSolution(a!, b!, {packageType: (pt as any) ?? 'auto'})));
})().catch((e) => { console.error('ERR', e.message, e.hint ?? ''); process.exit(1); });
