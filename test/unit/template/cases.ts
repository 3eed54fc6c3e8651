// The option sets rendered to golden files: every provider with its defaults, and the options that
// change the output shape. Shared by the golden test and the end-to-end apply test.
import { join } from 'node:path';

export const fixtures = join(__dirname, 'fixtures');

export interface GoldenCase {
  name: string;
  args: string[];
  /** The chart whose values schema the ConfigMap must satisfy (cluster cases only). */
  provider?: string;
}

const base = (provider: string, name = 'test1') => ['cluster', '--provider', provider, '--name', name, '--organization', 'acme'];

export const goldenCases: GoldenCase[] = [
  { name: 'cluster-capa-defaults', provider: 'capa', args: [...base('capa'), '--release', '31.1.0'] },
  {
    name: 'cluster-capa-full',
    provider: 'capa',
    args: [
      ...base('capa'), '--release', 'v31.1.0', '--description', 'just a test cluster', '--region', 'eu-west-1',
      '--control-plane-instance-type', 'r6i.xlarge', '--vpc-cidr', '10.123.0.0/16', '--pods-cidr', '100.64.0.0/12',
      '--machine-pool-name', 'worker1', '--machine-pool-instance-type', 'm6i.2xlarge', '--machine-pool-min-size', '2',
      '--machine-pool-max-size', '5', '--machine-pool-root-volume-size-gb', '200', '--machine-pool-azs', 'eu-west-1a,eu-west-1b',
      '--machine-pool-custom-node-labels', 'role=worker', '--aws-cluster-role-identity-name', 'default', '--label', 'team=blue',
      '--label', 'env=dev', '--service-priority', 'medium', '--prevent-deletion',
      '--oidc-issuer-url', 'https://dex.example.com', '--oidc-client-id', 'kubernetes', '--oidc-ca-file', join(fixtures, 'oidc-ca.pem'),
    ],
  },
  {
    name: 'cluster-capa-proxy-private',
    provider: 'capa',
    args: [
      ...base('capa'), '--release', '31.1.0', '--region', 'eu-west-2', '--cluster-type', 'proxy-private', '--vpc-cidr', '10.123.0.0/16',
      '--az-usage-limit', '2', '--https-proxy', 'https://proxy.example.com:4000', '--http-proxy', 'http://proxy.example.com:4000',
      '--no-proxy', 'example.com', '--topology-mode', 'UserManaged', '--aws-prefix-list-id', 'pl-123456789abc',
      '--aws-transit-gateway-id', 'tgw-987987987987def', '--api-mode', 'public',
    ],
  },
  { name: 'cluster-capa-small-vpc', provider: 'capa', args: [...base('capa', 'test11'), '--release', '31.1.0', '--vpc-cidr', '10.85.0.0/24', '--public-subnet-size', '26', '--private-subnet-size', '25', '--az-usage-limit', '1'] },
  { name: 'cluster-capa-release-chart', provider: 'capa', args: [...base('capa', 'test10'), '--release', '35.0.0', '--region', 'eu-west-1'] },
  {
    name: 'cluster-aks', provider: 'aks',
    args: [...base('aks'), '--release', '31.1.0', '--region', 'westeurope', '--azure-subscription-id', '12345678-1234-1234-1234-123456789abc', '--management-cluster', 'golem', '--description', 'an AKS cluster'],
  },
  {
    name: 'cluster-aks-release-chart', provider: 'aks',
    args: [...base('aks'), '--release', '35.0.0', '--region', 'westeurope', '--azure-subscription-id', '12345678-1234-1234-1234-123456789abc', '--azure-cluster-identity-name', 'my-identity'],
  },
  {
    name: 'cluster-capz',
    provider: 'capz',
    args: [
      ...base('capz'), '--release', '31.1.0', '--region', 'northeurope', '--azure-subscription-id', '12345678-ebb8-4b1f-8f96-d950d9e7aaaa',
      '--control-plane-instance-type', 'Standard_D4s_v5', '--description', 'just a test cluster',
    ],
  },
  {
    name: 'cluster-capz-full',
    provider: 'capz',
    args: [
      ...base('capz'), '--release', '35.1.0', '--region', 'westeurope', '--azure-subscription-id', '12345678-ebb8-4b1f-8f96-d950d9e7aaaa',
      '--azure-cluster-identity-name', 'my-identity', '--azure-cluster-identity-namespace', 'org-acme', '--machine-pool-instance-type', 'Standard_D8s_v5',
      '--machine-pool-min-size', '1', '--machine-pool-max-size', '4', '--prevent-deletion', '--label', 'team=blue',
      '--oidc-issuer-url', 'https://dex.example.com', '--oidc-client-id', 'kubernetes', '--oidc-groups-claim', 'grp',
    ],
  },
  { name: 'cluster-eks', provider: 'eks', args: [...base('eks'), '--cluster-version', '1.4.0', '--region', 'eu-west-1'] },
  {
    name: 'cluster-eks-release-chart',
    provider: 'eks',
    args: [
      ...base('eks'), '--release', '35.0.0', '--region', 'eu-central-1', '--machine-pool-instance-type', 'm6i.xlarge', '--machine-pool-min-size', '2',
      '--machine-pool-max-size', '6', '--control-plane-az', 'eu-central-1a', '--oidc-issuer-url', 'https://dex.example.com', '--oidc-client-id', 'kubernetes',
    ],
  },
  {
    name: 'cluster-vsphere',
    provider: 'vsphere',
    args: [
      ...base('vsphere'), '--release', '27.0.0', '--cluster-version', '1.2.3', '--description', 'yet another test cluster',
      '--vsphere-network-name', 'foonet', '--vsphere-service-load-balancer-cidr', '1.2.3.4/32', '--vsphere-resource-pool', 'foopool',
      '--vsphere-service-lb-pool', 'svc-foo-pool', '--vsphere-credentials-secret-name', 'foosecret', '--vsphere-control-plane-ip-pool', 'foo-pool',
      '--vsphere-control-plane-disk-gib', '42', '--vsphere-control-plane-memory-mib', '42000', '--vsphere-control-plane-num-cpus', '6',
      '--vsphere-control-plane-replicas', '5', '--vsphere-worker-disk-gib', '43', '--vsphere-worker-memory-mib', '43000',
      '--vsphere-worker-num-cpus', '7', '--vsphere-worker-replicas', '4', '--base-domain', 'example.gigantic.io',
    ],
  },
  {
    name: 'cluster-vsphere-default-apps',
    provider: 'vsphere',
    args: [...base('vsphere'), '--release', '27.0.0', '--cluster-version', '0.59.0', '--default-apps-version', '3.2.1', '--default-apps-catalog', 'foo-default-catalog', '--vsphere-network-name', 'foonet'],
  },
  {
    name: 'cluster-cloud-director',
    provider: 'cloud-director',
    args: [
      ...base('cloud-director'), '--release', '29.0.0', '--cluster-version', '0.60.0', '--cloud-director-vip-subnet', '10.205.9.254/24',
      '--cloud-director-org', 'acme-org', '--cloud-director-ovdc', 'acme-vdc', '--cloud-director-ovdc-network', 'acme-net',
      '--cloud-director-site', 'https://vcd.example.com', '--oidc-issuer-url', 'https://dex.example.com', '--oidc-client-id', 'kubernetes',
      '--cloud-director-https-proxy', 'http://proxy.example.com:3128', '--cloud-director-http-proxy', 'http://proxy.example.com:3128',
      '--cloud-director-no-proxy', 'example.com',
    ],
  },
  {
    name: 'cluster-cloud-director-release-chart',
    provider: 'cloud-director',
    args: [
      ...base('cloud-director'), '--release', '35.0.0', '--cloud-director-vip-subnet', '10.205.9.254/24', '--cloud-director-org', 'acme-org',
      '--cloud-director-ovdc', 'acme-vdc', '--cloud-director-ovdc-network', 'acme-net', '--cloud-director-site', 'https://vcd.example.com',
      '--cloud-director-worker-replicas', '2', '--prevent-deletion', '--oidc-issuer-url', 'https://dex.example.com', '--oidc-client-id', 'kubernetes',
      '--oidc-username-claim', 'preferred_username',
    ],
  },
  { name: 'app-workload-cluster', args: ['app', '--catalog', 'giantswarm', '--name', 'ingress-nginx', '--version', '3.0.0', '--cluster-name', 'test1', '--target-namespace', 'kube-system'] },
  {
    name: 'app-organization-values',
    args: [
      'app', '--catalog', 'giantswarm', '--name', 'ingress-nginx', '--version', '3.0.0', '--cluster-name', 'test1', '--organization', 'acme',
      '--target-namespace', 'kube-system', '--user-configmap', join(fixtures, 'values.yaml'), '--user-secret', join(fixtures, 'secret-values.yaml'),
      '--prevent-deletion', '--namespace-labels', 'team=blue', '--namespace-annotations', 'owner=platform-team',
    ],
  },
  {
    name: 'app-defaulting-disabled-timeouts',
    args: [
      'app', '--catalog', 'giantswarm', '--name', 'ingress-nginx', '--app-name', 'internal-ingress', '--version', '3.0.0', '--cluster-name', 'test1',
      '--organization', 'acme', '--target-namespace', 'kube-system', '--no-defaulting-enabled', '--install-timeout', '6m', '--rollback-timeout', '420s',
      '--uninstall-timeout', '8m', '--upgrade-timeout', '1h30m',
    ],
  },
  { name: 'app-in-cluster', args: ['app', '--catalog', 'control-plane-catalog', '--name', 'my-operator', '--version', '1.2.3', '--in-cluster', '--target-namespace', 'giantswarm', '--user-configmap', join(fixtures, 'values.yaml')] },
  {
    name: 'catalog-helm',
    args: ['catalog', '--name', 'my-catalog', '--target-namespace', 'org-acme', '--url', 'https://acme.github.io/my-catalog/', '--description', 'Our apps', '--logo', 'https://acme.example/logo.png'],
  },
  {
    name: 'catalog-mirrors-values',
    args: [
      'catalog', '--name', 'my-catalog', '--target-namespace', 'org-acme', '--url', 'https://acme.github.io/my-catalog/', '--type', 'helm',
      '--url', 'oci://registry.example.com/acme/my-catalog/', '--url-type', 'oci', '--description', 'Our apps', '--logo', 'https://acme.example/logo.png',
      '--visibility', 'internal', '--configmap', join(fixtures, 'values.yaml'), '--secret', join(fixtures, 'secret-values.yaml'),
    ],
  },
  { name: 'organization', args: ['organization', '--name', 'acme'] },
];
