// Fails when the committed dist/ differs from a fresh build (run after `npm run build`), as
// actions/typescript-action's check-dist workflow does: users run dist/, not the sources.
import { execFileSync } from 'node:child_process';

const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=all', '--', 'dist'], {
  encoding: 'utf8',
});
if (status.trim() !== '') {
  console.error('dist/ differs from a fresh build. Run `npm run build` and commit dist/:');
  console.error(status);
  process.exit(1);
}
console.log('dist/ matches a fresh build.');
