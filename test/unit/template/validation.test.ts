// Every input rule: bad input exits 1, prints one `error: ...` line per problem (saying what is wrong
// and what to do), and writes nothing to stdout.
import { join } from 'node:path';
import { fixtures } from './cases';
import { errorLines, template } from './helpers';

const capa = ['cluster', '--provider', 'capa', '--name', 'test1', '--organization', 'acme', '--release', '31.1.0'];
const vcd = ['cluster', '--provider', 'cloud-director', '--name', 'test1', '--organization', 'acme', '--release', '35.0.0',
  '--cloud-director-vip-subnet', '10.0.0.1/24', '--cloud-director-org', 'o', '--cloud-director-ovdc', 'v', '--cloud-director-ovdc-network', 'n',
  '--cloud-director-site', 'https://vcd.example.com', '--oidc-issuer-url', 'https://dex.example.com', '--oidc-client-id', 'k'];
const app = ['app', '--catalog', 'giantswarm', '--name', 'nginx', '--version', '1.0.0', '--cluster-name', 'test1', '--target-namespace', 'kube-system'];
const catalog = ['catalog', '--name', 'c', '--target-namespace', 'org-acme', '--url', 'https://example.com/c/', '--description', 'd', '--logo', 'https://example.com/l.png'];

const cases: Array<[string, string[], string]> = [
  ['missing provider', ['cluster', '--name', 'a', '--organization', 'b'], '--provider is required'],
  ['unknown provider', ['cluster', '--provider', 'gcp', '--name', 'test1', '--organization', 'acme', '--release', '1.0.0'], '--provider "gcp" is not supported; use one of: capa, capz, eks, vsphere, cloud-director'],
  ['missing name', ['cluster', '--provider', 'capa', '--organization', 'acme', '--release', '1.0.0'], '--name is required'],
  ['missing organization', ['cluster', '--provider', 'capa', '--name', 'test1', '--release', '1.0.0'], '--organization is required'],
  ['missing release', ['cluster', '--provider', 'capa', '--name', 'test1', '--organization', 'acme'], '--release is required'],
  ['name with upper case', [...capa, '--name', 'Test1'], '--name "Test1" is not a valid cluster name'],
  ['name starting with a digit', [...capa, '--name', '1test'], '--name "1test" is not a valid cluster name'],
  ['name ending with a dash', [...capa, '--name', 'test-'], 'is not a valid cluster name'],
  ['name too long', [...capa, '--name', 'a'.repeat(21)], 'cluster names have at most 20'],
  ['organization with upper case', [...capa, '--organization', 'Acme'], 'use "acme"'],
  ['organization with underscore', [...capa, '--organization', 'ac_me'], '--organization "ac_me" is not a valid name'],
  ['organization too long', [...capa, '--organization', 'a'.repeat(60)], 'use at most 59'],
  ['release not semver', [...capa, '--release', '31.1'], '--release "31.1" is not a semantic version'],
  ['cluster version not semver', ['cluster', '--provider', 'eks', '--name', 'test1', '--organization', 'acme', '--cluster-version', 'latest'], '--cluster-version "latest" is not a semantic version'],
  ['eks without chart version', ['cluster', '--provider', 'eks', '--name', 'test1', '--organization', 'acme', '--release', '31.0.0'], '--cluster-version is required for --provider eks'],
  ['vpc cidr syntax', [...capa, '--vpc-cidr', '10.0.0.0/33'], '--vpc-cidr "10.0.0.0/33" is not a valid IPv4 CIDR'],
  ['vpc cidr host bits', [...capa, '--vpc-cidr', '10.0.1.0/16'], 'use the network address: 10.0.0.0/16'],
  ['vpc too small', [...capa, '--vpc-cidr', '10.85.0.0/24'], '--vpc-cidr "10.85.0.0/24" is too small to host 3 availability zones'],
  ['allow-list without a management cluster', [...capa, '--control-plane-load-balancer-ingress-allow-cidr-block', '1.2.3.4/32'], '--management-cluster must not be empty when specifying --control-plane-load-balancer-ingress-allow-cidr-block'],
  ['allow-list cidr', [...capa, '--management-cluster', 'mc', '--control-plane-load-balancer-ingress-allow-cidr-block', '1.2.3.4'], 'is not a valid IPv4 CIDR'],
  ['management cluster without allow-list (capa)', [...capa, '--management-cluster', 'mc'], '--management-cluster is used by --provider capa only with --control-plane-load-balancer-ingress-allow-cidr-block'],
  ['management cluster (capz)', ['cluster', '--provider', 'capz', '--name', 'test1', '--organization', 'acme', '--release', '31.1.0', '--region', 'westeurope', '--azure-subscription-id', '12345678-1234-1234-1234-123456789abc', '--management-cluster', 'mc'], '--management-cluster does not apply to --provider capz; it is for capa, aks'],
  ['pods cidr', [...capa, '--pods-cidr', 'nope'], '--pods-cidr "nope" is not a valid IPv4 CIDR'],
  ['vsphere lb cidr', ['cluster', '--provider', 'vsphere', '--name', 'test1', '--organization', 'acme', '--release', '35.0.0', '--vsphere-network-name', 'n', '--vsphere-service-load-balancer-cidr', '1.2.3'], '--vsphere-service-load-balancer-cidr "1.2.3" is not a valid IPv4 CIDR'],
  ['vip subnet', [...vcd, '--cloud-director-vip-subnet', 'x'], '--cloud-director-vip-subnet "x" is not a valid CIDR'],
  ['min above max', [...capa, '--machine-pool-min-size', '5', '--machine-pool-max-size', '2'], '--machine-pool-min-size (5) is greater than --machine-pool-max-size (2)'],
  ['negative size', [...capa, '--machine-pool-min-size', '-1'], '--machine-pool-min-size must be at least 0'],
  ['size not a number', [...capa, '--machine-pool-max-size', 'ten'], 'invalid argument "ten" for "--machine-pool-max-size" flag: must be a whole number'],
  ['too few cloud director workers', [...vcd, '--cloud-director-worker-replicas', '1'], '--cloud-director-worker-replicas must be at least 2'],
  ['vsphere memory', ['cluster', '--provider', 'vsphere', '--name', 'test1', '--organization', 'acme', '--release', '35.0.0', '--vsphere-network-name', 'n', '--vsphere-worker-memory-mib', '4096'], '--vsphere-worker-memory-mib must be at least 8192'],
  ['node pool name', [...capa, '--machine-pool-name', 'np'], '--machine-pool-name "np" is not a valid node pool name'],
  ['instance type', [...capa, '--machine-pool-instance-type', 'big'], '--machine-pool-instance-type "big" is not an EC2 instance type'],
  ['aws region', [...capa, '--region', 'europe'], '--region "europe" is not an AWS region'],
  ['azure location', ['cluster', '--provider', 'capz', '--name', 'test1', '--organization', 'acme', '--release', '31.0.0', '--region', 'mars', '--azure-subscription-id', '12345678-ebb8-4b1f-8f96-d950d9e7aaaa'], '--region "mars" is not supported; use one of: eastus'],
  ['azure subscription', ['cluster', '--provider', 'capz', '--name', 'test1', '--organization', 'acme', '--release', '31.0.0', '--region', 'westeurope', '--azure-subscription-id', 'abc'], '--azure-subscription-id "abc" is not a subscription ID'],
  ['azure needs subscription', ['cluster', '--provider', 'capz', '--name', 'test1', '--organization', 'acme', '--release', '31.0.0', '--region', 'westeurope'], '--azure-subscription-id is required'],
  ['flag for another provider', [...capa, '--azure-subscription-id', '12345678-ebb8-4b1f-8f96-d950d9e7aaaa'], '--azure-subscription-id does not apply to --provider capa; it is for capz'],
  ['proxy-private needs proxy', [...capa, '--cluster-type', 'proxy-private', '--vpc-cidr', '10.0.0.0/16'], '--https-proxy is required for --cluster-type proxy-private'],
  ['proxy flags need proxy-private', [...capa, '--https-proxy', 'http://p.example.com:3128'], '--https-proxy applies only to proxy-private clusters'],
  ['cluster type', [...capa, '--cluster-type', 'private'], '--cluster-type "private" is not supported; use one of: public, proxy-private'],
  ['proxy url', [...capa, '--cluster-type', 'proxy-private', '--vpc-cidr', '10.0.0.0/16', '--https-proxy', 'proxy:3128'], '--https-proxy "proxy:3128" uses the scheme "proxy"'],
  ['prefix list id', [...capa, '--cluster-type', 'proxy-private', '--vpc-cidr', '10.0.0.0/16', '--https-proxy', 'http://p.example.com', '--aws-prefix-list-id', 'x-1'], 'they start with "pl-"'],
  ['service priority', [...capa, '--service-priority', 'urgent'], '--service-priority "urgent" is not supported; use one of: highest, medium, lowest'],
  ['label syntax', [...capa, '--label', 'team'], '--label "team" is not a label; use key=value'],
  ['reserved label', [...capa, '--label', 'giantswarm.io/owner=me'], 'reserved for the platform'],
  ['label value', [...capa, '--label', 'team=a b'], '--label "team=a b": invalid value'],
  ['oidc url', [...capa, '--oidc-issuer-url', 'http://dex.example.com', '--oidc-client-id', 'k'], '--oidc-issuer-url "http://dex.example.com" uses the scheme "http"; use one of: https'],
  ['oidc client id', [...capa, '--oidc-issuer-url', 'https://dex.example.com'], '--oidc-client-id is required'],
  ['oidc without issuer', [...capa, '--oidc-client-id', 'k'], '--oidc-client-id needs --oidc-issuer-url'],
  ['unreadable oidc ca', [...capa, '--oidc-issuer-url', 'https://dex.example.com', '--oidc-client-id', 'k', '--oidc-ca-file', '/nonexistent/ca.pem'], '--oidc-ca-file /nonexistent/ca.pem cannot be read'],
  ['vsphere network', ['cluster', '--provider', 'vsphere', '--name', 'test1', '--organization', 'acme', '--release', '35.0.0'], '--vsphere-network-name is required'],
  ['vsphere default apps', ['cluster', '--provider', 'vsphere', '--name', 'test1', '--organization', 'acme', '--release', '27.0.0', '--cluster-version', '0.50.0', '--vsphere-network-name', 'n'], '--default-apps-version is required with cluster-vsphere 0.50.0'],
  ['cloud director org', ['cluster', '--provider', 'cloud-director', '--name', 'test1', '--organization', 'acme', '--release', '35.0.0', '--cloud-director-vip-subnet', '10.0.0.1/24'], '--cloud-director-org is required'],
  ['cloud director needs oidc', vcd.slice(0, -4), '--oidc-issuer-url is required for --provider cloud-director'],
  ['cloud director proxies', [...vcd, '--cloud-director-https-proxy', 'http://p.example.com'], 'go together: give all three or none'],
  ['app missing catalog', ['app', '--name', 'nginx', '--version', '1.0.0', '--cluster-name', 'c', '--target-namespace', 'n'], '--catalog is required'],
  ['app missing version', ['app', '--catalog', 'g', '--name', 'nginx', '--cluster-name', 'c', '--target-namespace', 'n'], '--version is required'],
  ['app version', [...app, '--version', 'one'], '--version "one" is not a semantic version'],
  ['app missing cluster', ['app', '--catalog', 'g', '--name', 'nginx', '--version', '1.0.0', '--target-namespace', 'n'], '--cluster-name is required'],
  ['app missing target namespace', ['app', '--catalog', 'g', '--name', 'nginx', '--version', '1.0.0', '--cluster-name', 'c'], '--target-namespace is required'],
  ['app target namespace', [...app, '--target-namespace', 'Kube_System'], '--target-namespace "Kube_System" is not a valid name'],
  ['app organization', [...app, '--organization', 'a.b'], '--organization "a.b" is not a valid name'],
  ['app unreadable values', [...app, '--user-configmap', '/nonexistent/values.yaml'], '--user-configmap /nonexistent/values.yaml cannot be read (no such file)'],
  ['app values not yaml', [...app, '--user-configmap', join(fixtures, 'broken.yaml')], 'is not valid YAML'],
  ['app values not a map', [...app, '--user-secret', join(fixtures, 'list.yaml')], 'is not a YAML mapping of values'],
  ['app values is a directory', [...app, '--user-secret', fixtures], 'cannot be read (it is a directory)'],
  ['app timeout', [...app, '--install-timeout', 'soon'], '--install-timeout "soon" is not a duration'],
  ['app namespace label', [...app, '--namespace-labels', 'a'], '--namespace-labels "a" is not a label'],
  ['catalog url', [...catalog, '--url', 'not a url'], '--url "not a url" is not a valid URL'],
  ['catalog oci url scheme', [...catalog, '--type', 'oci'], '--url "https://example.com/c/" uses the scheme "https"; use one of: oci'],
  ['catalog type', [...catalog, '--type', 'git'], '--type "git" is not supported; use one of: helm, oci'],
  ['catalog url/type count', [...catalog, '--url', 'https://example.com/d/', '--type', 'helm', '--type', 'helm', '--type', 'helm'], 'give one --type per --url'],
  ['catalog logo', [...catalog, '--logo', 'logo.png'], '--logo "logo.png" is not a valid URL'],
  ['catalog missing url', ['catalog', '--name', 'c', '--target-namespace', 'n', '--description', 'd', '--logo', 'https://example.com/l.png'], '--url is required'],
  ['catalog unreadable values', [...catalog, '--configmap', '/nonexistent.yaml'], '--configmap /nonexistent.yaml cannot be read'],
  ['organization missing name', ['organization'], '--name is required'],
  ['organization name', ['organization', '--name', 'Acme Inc'], '--name "Acme Inc" is not a valid name'],
];

describe('template input validation', () => {
  it.each(cases)('%s', async (_title, args, expected) => {
    const r = await template(args);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = errorLines(r);
    expect(lines.some((l) => l.includes(expected))).toBe(true);
    for (const line of r.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^error: \S/);
  });

  it('reports every problem, one per line', async () => {
    const r = await template(['cluster', '--provider', 'capa', '--name', 'Bad_Name', '--organization', 'Acme', '--release', 'x',
      '--machine-pool-min-size', '9', '--machine-pool-max-size', '1', '--label', 'nolabel', '--pods-cidr', '300.0.0.0/8']);
    expect(r.code).toBe(1);
    const lines = errorLines(r);
    expect(lines).toHaveLength(6);
    expect(lines.join('\n')).toMatch(/--name.*\n.*--organization.*\n.*--release/);
  });

  it('says which flag is unknown, as kubectl does', async () => {
    const r = await template([...capa, '--regoin', 'eu-west-1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("error: unknown flag: --regoin; see 'kubectl gs template cluster --help'\n");
  });

  it.each(['namespace', 'cluster', 'server', 'token', 'user', 'context'])('keeps the global --%s flag for kubectl, not for the command', async (flag) => {
    // A global connection flag is accepted and ignored: it neither shadows nor breaks the command.
    const r = await template([...app, `--${flag}`, 'x']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('kind: App');
    expect(r.stdout).toContain('namespace: kube-system');
  });
});

describe('template help', () => {
  it('says the command works without a cluster, except for the NAT gateway IPs of a capa allow-list', async () => {
    const r = await template(['cluster', '--help']);
    expect(r.code).toBe(0);
    const text = r.stdout.replace(/\s+/g, ' '); // help is wrapped to the terminal width
    expect(text).toContain('Works offline');
    expect(text).toContain('this command does not look it up');
    expect(text).toContain('reads its NAT gateway IPs from the cluster');
    expect(text).toContain('Without a reachable cluster they are left out, with a warning');
  });
});
