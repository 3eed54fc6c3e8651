// `template cluster --provider capa --control-plane-load-balancer-ingress-allow-cidr-block`: run() with an
// injected kube client, as Go's runner_test.go does with a fake AWSCluster: the management cluster's NAT
// gateway IPs come first, once each, as /32; Go's errors when the AWSCluster is missing, has no IPs or a bad
// one; and, with no cluster to ask, a warning (or an error when "" alone would leave the list empty).
// Also the flags Go registers but never reads (--kubernetes-version, the print flags): a warning each.
import { load, loadAll } from 'js-yaml';
import { runCli } from '../../../src/cli/run';
import { templateGroup } from '../../../src/commands/template';
import { ignoredFlagWarnings } from '../../../src/commands/template/cluster';
import type { Deps } from '../../../src/cli/deps';
import { KubeApiError, KubeUnreachableError, type KubeClient } from '../../../src/kube';
import { fakeDeps, type FakeDeps } from '../../support/fakeDeps';

const capa = ['template', 'cluster', '--provider', 'capa', '--name', 'test1', '--organization', 'acme', '--release', '31.1.0', '--region', 'eu-west-1'];
const allow = (...cidrs: string[]) => cidrs.flatMap((c) => ['--control-plane-load-balancer-ingress-allow-cidr-block', c]);
const mcPath = '/apis/infrastructure.cluster.x-k8s.io/v1beta2/namespaces/org-giantswarm/awsclusters/my-mc';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** The paths the command asked the (fake) API server for, and the global flags it connected with. */
  gets: string[];
  connections: unknown[];
}

/** A cluster whose only object is the AWSCluster given (or none), or a kube() that fails with `fail`. */
async function templateWith(args: string[], world: { awsCluster?: object; fail?: Error }): Promise<Run> {
  const gets: string[] = [];
  const connections: unknown[] = [];
  const kube: Deps['kube'] = async (global) => {
    connections.push({ kubeconfig: global.kubeconfig, context: global.context });
    if (world.fail) throw world.fail;
    return {
      namespace: 'default',
      server: 'https://127.0.0.1:6443',
      get: async <T>(path: string): Promise<T> => {
        gets.push(path);
        if (path === mcPath && world.awsCluster) return world.awsCluster as T;
        throw new KubeApiError('awsclusters.infrastructure.cluster.x-k8s.io "x" not found', 404, { reason: 'NotFound', details: { name: 'x' } });
      },
    } as unknown as KubeClient;
  };
  const deps: FakeDeps = fakeDeps({ kube });
  const code = await runCli(args, deps, { commands: [], groups: [templateGroup] });
  return { code, stdout: deps.stdout.text(), stderr: deps.stderr.text(), gets, connections };
}

const awsCluster = (natGatewaysIPs: unknown) => ({
  apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2', kind: 'AWSCluster', metadata: { name: 'my-mc', namespace: 'org-giantswarm' },
  status: { networkStatus: { natGatewaysIPs } },
});

/** global.controlPlane.loadBalancerIngressAllowCidrBlocks of the values ConfigMap. */
function allowList(stdout: string): unknown {
  const docs = loadAll(stdout) as Array<{ kind: string; data?: { values: string } }>;
  const values = load(docs.find((d) => d.kind === 'ConfigMap')!.data!.values) as { global: { controlPlane: { loadBalancerIngressAllowCidrBlocks?: string[] } } };
  return values.global.controlPlane.loadBalancerIngressAllowCidrBlocks;
}

describe('template cluster: the management cluster NAT gateway IPs in the capa API allow-list', () => {
  it('puts the NAT gateway IPs first (as Go\'s golden run_template_cluster_capa_3), then the given CIDRs', async () => {
    const r = await templateWith([...capa, '--management-cluster', 'my-mc', ...allow('7.7.7.7/32'), '--context', 'mc-ctx'], {
      awsCluster: awsCluster(['1.2.3.4', '5.6.7.8', '9.10.11.12']),
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.gets).toEqual([mcPath]);
    expect(r.connections).toEqual([{ kubeconfig: undefined, context: 'mc-ctx' }]);
    expect(allowList(r.stdout)).toEqual(['1.2.3.4/32', '5.6.7.8/32', '9.10.11.12/32', '7.7.7.7/32']);
  });

  it('"" alone allows only the management cluster; repeated NAT IPs appear once', async () => {
    const r = await templateWith([...capa, '--management-cluster', 'my-mc', ...allow('')], { awsCluster: awsCluster(['1.2.3.4', '1.2.3.4', '5.6.7.8']) });
    expect(r.code).toBe(0);
    expect(allowList(r.stdout)).toEqual(['1.2.3.4/32', '5.6.7.8/32']);
  });

  it('asks no cluster without the allow-list flag', async () => {
    const r = await templateWith(capa, { fail: new Error('must not connect') });
    expect(r.code).toBe(0);
    expect(r.connections).toEqual([]);
    expect(allowList(r.stdout)).toBeUndefined();
  });

  it.each([
    ['no AWSCluster of that name', undefined, `error: the management cluster's AWSCluster "my-mc" does not exist in namespace org-giantswarm; check --management-cluster`],
    ['no NAT gateway IPs yet', awsCluster([]), "error: the management cluster's AWSCluster has no .status.networkStatus.natGatewaysIPs yet"],
    ['IPs that are not a list of strings', awsCluster('1.2.3.4'), "error: the management cluster's AWSCluster has no .status.networkStatus.natGatewaysIPs yet"],
    ['an IP that is not IPv4', awsCluster(['1.2.3.4', '2001:db8::1']), `error: the management cluster's AWSCluster has an invalid IPv4 in .status.networkStatus.natGatewaysIPs: "2001:db8::1"`],
    // Where the Go kubectl-gs v5+ looks (status.network): not CAPA's field, so no addresses there.
    ['IPs under status.network', { status: { network: { natGatewaysIPs: ['1.2.3.4'] } } }, "error: the management cluster's AWSCluster has no .status.networkStatus.natGatewaysIPs yet"],
  ])('%s: one error line, nothing printed', async (_title, obj, expected) => {
    const r = await templateWith([...capa, '--management-cluster', 'my-mc', ...allow('7.7.7.7/32')], { awsCluster: obj });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith(expected)).toBe(true);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('an answer that is an error (forbidden) stops the command, as in Go', async () => {
    const r = await templateWith([...capa, '--management-cluster', 'my-mc', ...allow('7.7.7.7/32')], {
      fail: new KubeApiError('forbidden: User "u" cannot get resource "awsclusters"; ask an administrator', 403),
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`error: cannot read the management cluster's AWSCluster: forbidden: User "u" cannot get resource "awsclusters"; ask an administrator\n`);
  });

  it('no cluster to ask: the given CIDRs only, and one warning line saying what was left out and why', async () => {
    const r = await templateWith([...capa, '--management-cluster', 'my-mc', ...allow('7.7.7.7/32')], { fail: new KubeUnreachableError('no configuration has been provided') });
    expect(r.code).toBe(0);
    expect(allowList(r.stdout)).toEqual(['7.7.7.7/32']);
    expect(r.stderr).toBe(
      'Warning: the NAT gateway IPs of management cluster "my-mc" were not added to the API allow-list, no cluster could be asked for them: no configuration has been provided; ' +
        'add them with --control-plane-load-balancer-ingress-allow-cidr-block IP/32, or the management cluster cannot reach the new cluster\'s API\n',
    );
  });

  it('no cluster to ask and only "": an error, since an empty list would allow everyone', async () => {
    const r = await templateWith([...capa, '--management-cluster', 'my-mc', ...allow('')], { fail: new KubeUnreachableError('cannot reach the API server at x (connection refused)') });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'error: --control-plane-load-balancer-ingress-allow-cidr-block "" allows only the NAT gateway IPs of management cluster "my-mc", and no cluster could be asked for them: ' +
        'cannot reach the API server at x (connection refused); give them as /32 CIDRs instead\n',
    );
  });
});

describe('template cluster: flags Go registers but never reads', () => {
  it('warns for --kubernetes-version and renders exactly what it renders without it', async () => {
    const plain = await templateWith(capa, {});
    const r = await templateWith([...capa, '--kubernetes-version', 'v1.31.0'], {});
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(plain.stdout);
    expect(r.stderr).toBe("Warning: --kubernetes-version has no effect: the Kubernetes version comes with the release (--release) or, without one, the cluster chart's version\n");
  });

  it('warns once for the print flags given, naming each', async () => {
    const plain = await templateWith(capa, {});
    const r = await templateWith([...capa, '--template', '{{.kind}}', '--show-managed-fields'], {});
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(plain.stdout);
    expect(r.stderr).toBe('Warning: --template, --show-managed-fields have no effect: template cluster always prints its manifests as YAML (--output names a file)\n');
    expect(ignoredFlagWarnings(new Set(['allow-missing-template-keys']))).toEqual([
      'Warning: --allow-missing-template-keys has no effect: template cluster always prints its manifests as YAML (--output names a file)\n',
    ]);
    expect(ignoredFlagWarnings(new Set(['name', 'release']))).toEqual([]);
  });
});
