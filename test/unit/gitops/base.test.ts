// `gitops add base` for each provider: the App CR and values this project's template code makes, with
// Flux's substitution variables (golden), and capz's required inputs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectGolden } from './golden';
import { gitops, newRepo } from './repo';

describe('gitops add base', () => {
  it.each([
    ['capa', {}],
    ['capz', { region: 'westeurope', azureSubscriptionId: '00000000-0000-0000-0000-000000000000' }],
    ['vsphere', {}],
  ])('%s', async (provider, extra) => {
    const repo = newRepo();
    await gitops.init({ localPath: repo });
    const r = await gitops.base({ localPath: repo, provider, ...extra });
    expect(r.error).toBeUndefined();
    const dir = join(repo, 'bases/clusters', provider, 'template');
    for (const f of ['cluster.yaml', 'cluster_config.yaml', 'kustomization.yaml']) expectGolden(`base/${provider}/${f}`, readFileSync(join(dir, f), 'utf8'));
  });

  it('capz needs --region and --azure-subscription-id; an unknown provider is refused', async () => {
    const repo = newRepo();
    await gitops.init({ localPath: repo });
    expect((await gitops.base({ localPath: repo, provider: 'capz' })).error).toMatch(/^--region is required for the capz base/);
    expect((await gitops.base({ localPath: repo, provider: 'capz', region: 'westeurope' })).error).toMatch(/^--azure-subscription-id is required/);
    expect((await gitops.base({ localPath: repo, provider: 'aws' })).error).toBe('--provider must be one of: capa, capz, vsphere');
  });
});
