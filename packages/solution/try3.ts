import { buildSolution, extractConnectors, unpackSolution } from './src/index.js';
import { readdirSync, readFileSync, existsSync, cpSync, mkdtempSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import path from 'node:path';
const root = '/work/shared/corpus';
(async () => {
  const folders: string[] = [];
  for (const top of ['certified-connectors', 'custom-connectors', 'independent-publisher-connectors']) for (const f of readdirSync(path.join(root, top))) folders.push(path.join(root, top, f));
  let ok = 0; const bad: string[] = [];
  for (const folder of folders) {
    const dir = mkdtempSync('/tmp/inv-');
    try {
      await buildSolution([folder], path.join(dir, 's.zip'), { uniqueName: 'T', version: '1.0.0.0', publisher: { uniqueName: 'p', prefix: 'cr1' } });
      const dest = path.join(dir, 'out'); cpSync(folder, path.join(dir, 'copy'), { recursive: true });
      const [r] = await extractConnectors(path.join(dir, 's.zip'), dest);
      const out = path.join(dest, r!.folder);
      const diffs: string[] = [];
      const j = (p: string) => JSON.parse(readFileSync(p, 'utf8').replace(/^\uFEFF/, ''));
      if (!isDeepStrictEqual(j(path.join(out, 'apiDefinition.swagger.json')), j(path.join(folder, 'apiDefinition.swagger.json')))) diffs.push('swagger');
      const a = j(path.join(out, 'apiProperties.json')).properties, b = j(path.join(folder, 'apiProperties.json')).properties;
      for (const k of ['connectionParameters', 'connectionParameterSets', 'iconBrandColor', 'policyTemplateInstances', 'scriptOperations']) if (!isDeepStrictEqual(a[k], b[k])) diffs.push(`${k}: ${JSON.stringify(a[k])?.slice(0,80)} vs ${JSON.stringify(b[k])?.slice(0,80)}`);
      for (const f of ['icon.png', 'script.csx']) { const e = existsSync(path.join(folder, f)); if (e !== existsSync(path.join(out, f)) || (e && !readFileSync(path.join(folder, f)).equals(readFileSync(path.join(out, f))))) diffs.push(f); }
      if (diffs.length) bad.push(`${folder}: ${diffs.join('; ')}`); else ok++;
    } catch (e: any) { bad.push(`${folder}: ERROR ${e.message}`); }
  }
  console.log(ok, bad.length); console.log(bad.join('\n'));
})();
