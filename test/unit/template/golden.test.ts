// Golden files per provider and option set. Regenerate with UPDATE_GOLDEN=1 (never edit them by hand);
// a run without it fails on any difference. Cluster values are also checked against the chart schema.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import { chartSchema } from '../../../src/template/cluster/render';
import { validateSchema } from '../../../src/template/schema';
import { goldenCases } from './cases';
import { template } from './helpers';

const goldenDir = join(__dirname, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

describe('template golden files', () => {
  it.each(goldenCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const r = await template(c.args);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const file = join(goldenDir, `${c.name}.yaml`);
    if (update) {
      mkdirSync(goldenDir, { recursive: true });
      writeFileSync(file, r.stdout);
    }
    expect(existsSync(file)).toBe(true);
    expect(r.stdout).toBe(readFileSync(file, 'utf8'));
  });

  it.each(goldenCases.filter((c) => c.provider).map((c) => [c.name, c] as const))('%s: values are valid for the chart', async (_name, c) => {
    const r = await template(c.args);
    const docs = loadAll(r.stdout) as Array<Record<string, any>>;
    const app = docs.find((d) => d.kind === 'App' && d.metadata.name === 'test1' || d.kind === 'App' && !d.metadata.name.endsWith('-default-apps'))!;
    const userConfig = docs.find((d) => d.kind === 'ConfigMap' && d.metadata.name === app.spec.userConfig.configMap.name)!;
    const values = loadAll(userConfig.data.values)[0];
    const releaseChart = String(app.spec.name).startsWith('release-');
    expect(validateSchema(values, chartSchema({ provider: c.provider as any, releaseChart }))).toEqual([]);
    // Every document lands in the organization's namespace.
    for (const d of docs) expect(d.metadata.namespace).toBe('org-acme');
  });

  it('is deterministic: two runs are byte-identical', async () => {
    for (const c of goldenCases) {
      const [a, b] = [await template(c.args), await template(c.args)];
      expect(a.stdout).toBe(b.stdout);
      expect(a.stdout.length).toBeGreaterThan(0);
    }
  });
});
