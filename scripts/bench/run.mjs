// `npm run bench`: runs every benchmark script in this folder (each prints its own figures and ratios).
// Needs `npm run build` first. One failing benchmark does not stop the others; the exit code says.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
if (!existsSync(join(here, '../../dist/kubectl-gs'))) {
  console.error('error: dist/kubectl-gs is missing; run "npm run build" first');
  process.exit(1);
}
const only = process.argv.slice(2);
let failed = 0;
for (const file of readdirSync(here).filter((f) => f.endsWith('.mjs') && f !== 'run.mjs' && f !== 'lib.mjs').sort()) {
  if (only.length && !only.some((o) => file.startsWith(o))) continue;
  console.log(`\n=== ${file}`);
  const r = spawnSync(process.execPath, [join(here, file)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
