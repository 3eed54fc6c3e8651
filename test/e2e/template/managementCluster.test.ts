// `kubectl gs template cluster --provider capa --management-cluster MC --control-plane-load-balancer-ingress-allow-cidr-block ...`
// through the real kubectl against the real kube-apiserver with the upstream AWSCluster CRD
// (crds/cluster-api-provider-aws/README.md): the NAT gateway IPs of the management cluster's AWSCluster in
// org-giantswarm go first into the API allow-list, as the Go kubectl-gs does; with no cluster to ask, a
// warning says what was left out; a missing AWSCluster or one without IPs is one error line.
import { join } from 'node:path';
import { load, loadAll } from 'js-yaml';
import { freePort } from '../support/apiserver';
import { kubectlGs, kubectlOk } from '../support/env';
import { createIfMissing, installCrdFiles, list, sharedCrdDir } from '../support/objects';

const ns = 'org-giantswarm';
const crd = 'awsclusters.infrastructure.cluster.x-k8s.io';
const capa = ['template', 'cluster', '--provider', 'capa', '--name', 'test1', '--organization', 'acme', '--release', '31.1.0', '--region', 'eu-west-1'];
const allow = (...cidrs: string[]) => cidrs.flatMap((c) => ['--control-plane-load-balancer-ingress-allow-cidr-block', c]);
const env = { NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost', KUBECTL_GS_TELEMETRY_OPTOUT: '1' };

const awsCluster = (name: string) => ({
  apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2', kind: 'AWSCluster', metadata: { name, namespace: ns }, spec: { region: 'eu-west-1' },
});

/** global.controlPlane.loadBalancerIngressAllowCidrBlocks of the values ConfigMap kubectl gs printed. */
function allowList(stdout: string): unknown {
  const docs = loadAll(stdout) as Array<{ kind: string; data?: { values: string } }>;
  const values = load(docs.find((d) => d.kind === 'ConfigMap')!.data!.values) as { global: { controlPlane: { loadBalancerIngressAllowCidrBlocks?: string[] } } };
  return values.global.controlPlane.loadBalancerIngressAllowCidrBlocks;
}

beforeAll(async () => {
  await installCrdFiles([join(sharedCrdDir, 'cluster-api-provider-aws', 'infrastructure.cluster.x-k8s.io_awsclusters.yaml')], [crd]);
  await createIfMissing(list([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }]));
  await createIfMissing(list([awsCluster('e2e-mc'), awsCluster('e2e-mc-new')]));
  // The addresses are status, which only the status subresource writes (CAPA's controller does it for real).
  await kubectlOk(['patch', crd, 'e2e-mc', '-n', ns, '--subresource=status', '--type=merge', '-p',
    JSON.stringify({ status: { ready: true, networkStatus: { natGatewaysIPs: ['203.0.113.10', '203.0.113.11', '203.0.113.10'] } } })]);
});

describe('template cluster --management-cluster (capa API allow-list)', () => {
  it("puts the management cluster's NAT gateway IPs first, then the given CIDRs", async () => {
    const r = await kubectlGs([...capa, '--management-cluster', 'e2e-mc', ...allow('198.51.100.0/24')], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(allowList(r.stdout)).toEqual(['203.0.113.10/32', '203.0.113.11/32', '198.51.100.0/24']);
  });

  it('"" alone: only the management cluster\'s addresses', async () => {
    const r = await kubectlGs([...capa, '--management-cluster', 'e2e-mc', ...allow('')], { env });
    expect(r.code).toBe(0);
    expect(allowList(r.stdout)).toEqual(['203.0.113.10/32', '203.0.113.11/32']);
  });

  it('an AWSCluster without NAT gateway IPs yet: one error line, nothing printed', async () => {
    const r = await kubectlGs([...capa, '--management-cluster', 'e2e-mc-new', ...allow('198.51.100.0/24')], { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: the management cluster's AWSCluster has no \.status\.networkStatus\.natGatewaysIPs yet, [^\n]*\n$/);
  });

  it('a management cluster that is not there: one error line naming it', async () => {
    const r = await kubectlGs([...capa, '--management-cluster', 'e2e-nope', ...allow('198.51.100.0/24')], { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: the management cluster's AWSCluster "e2e-nope" does not exist in namespace org-giantswarm; [^\n]*\n$/);
  });

  it('no kubeconfig: the given CIDRs only, and one warning saying what was left out and why', async () => {
    const r = await kubectlGs([...capa, '--management-cluster', 'e2e-mc', ...allow('198.51.100.0/24')], { env: { ...env, KUBECONFIG: '/nonexistent/kubeconfig' } });
    expect(r.code).toBe(0);
    expect(allowList(r.stdout)).toEqual(['198.51.100.0/24']);
    expect(r.stderr).toMatch(/^Warning: the NAT gateway IPs of management cluster "e2e-mc" were not added to the API allow-list, no cluster could be asked for them: no configuration has been provided; [^\n]*\n$/);
  });

  it('a server that is down: the same warning, with the reason', async () => {
    const port = await freePort();
    const r = await kubectlGs([...capa, '--management-cluster', 'e2e-mc', ...allow('198.51.100.0/24'), '--server', `https://127.0.0.1:${port}`], { env });
    expect(r.code).toBe(0);
    expect(allowList(r.stdout)).toEqual(['198.51.100.0/24']);
    expect(r.stderr).toMatch(/^Warning: [^\n]*: cannot reach the API server at 127\.0\.0\.1:\d+ \(connection refused\)[^\n]*\n$/);
  });

  it('a server that is down and only "": an error instead of an allow-list that would allow everyone', async () => {
    const port = await freePort();
    const r = await kubectlGs([...capa, '--management-cluster', 'e2e-mc', ...allow(''), '--server', `https://127.0.0.1:${port}`], { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: --control-plane-load-balancer-ingress-allow-cidr-block "" allows only [^\n]*give them as \/32 CIDRs instead\n$/);
  });
});
