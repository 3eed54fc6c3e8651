// One repository grown command by command, as the gitops-template docs do it: the steps shared by the
// golden, validity and e2e tests.
import { gitops, newRepo, type Outcome } from './repo';

export const mc = 'demomc';
export const org = 'demoorg';
export const wc = 'demowc';
export const repository = 'gitops-demo';

export interface Step {
  name: string;
  call: (repo: string, dryRun: boolean) => Promise<Outcome>;
}

export const steps: Step[] = [
  { name: 'init', call: (r, d) => gitops.init({ localPath: r, dryRun: d }) },
  { name: 'add-mc', call: (r, d) => gitops.mc({ localPath: r, dryRun: d, name: mc, repositoryName: repository, genMasterKey: true }) },
  { name: 'add-org', call: (r, d) => gitops.org({ localPath: r, dryRun: d, managementCluster: mc, name: org }) },
  { name: 'add-base', call: (r, d) => gitops.base({ localPath: r, dryRun: d, provider: 'capa' }) },
  {
    name: 'add-wc',
    call: (r, d) => gitops.wc({ localPath: r, dryRun: d, managementCluster: mc, organization: org, name: wc, repositoryName: repository, base: 'bases/clusters/capa/template', release: '29.0.0' }),
  },
  {
    name: 'add-wc-skip-mapi',
    call: (r, d) => gitops.wc({ localPath: r, dryRun: d, managementCluster: mc, organization: org, name: 'flatwc', repositoryName: repository, skipMapi: true }),
  },
  {
    name: 'add-app',
    call: (r, d) =>
      gitops.app({ localPath: r, dryRun: d, managementCluster: mc, organization: org, workloadCluster: wc, app: 'hello-world', catalog: 'giantswarm', targetNamespace: 'default', version: '0.3.0', inCluster: false, installTimeout: '6m' }),
  },
  {
    name: 'add-automatic-update',
    call: (r, d) =>
      gitops.update({ localPath: r, dryRun: d, managementCluster: mc, organization: org, workloadCluster: wc, app: 'hello-world', repository, versionRepository: 'gsoci.azurecr.io/charts/giantswarm/hello-world' }),
  },
  { name: 'add-encryption-wc', call: (r, d) => gitops.enc({ localPath: r, dryRun: d, managementCluster: mc, organization: org, workloadCluster: wc, target: '/' }) },
  { name: 'add-encryption-org', call: (r, d) => gitops.enc({ localPath: r, dryRun: d, managementCluster: mc, organization: org }) },
];

/** A repository with every step run for real. */
export async function fullRepo(): Promise<string> {
  const repo = newRepo();
  for (const s of steps) {
    const r = await s.call(repo, false);
    if (r.code !== 0) throw new Error(`${s.name}: ${r.error}`);
  }
  return repo;
}
