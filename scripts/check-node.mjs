// The tests and the build must run on the pinned Node (package.json "engines"), not on whatever node
// the machine has: npm puts node_modules/.bin first on PATH, where the `node` package provides it.
import { readFileSync } from 'node:fs';
const want = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines.node;
if (process.versions.node !== want) {
  console.error(`error: running on Node ${process.versions.node}, but this project is pinned to Node ${want}. Run it through npm (npm test, npm run build) after "npm ci", so the pinned Node from node_modules/.bin is used.`);
  process.exit(1);
}
