// The files of each layer, text for text as the Go tool's templates (internal/gitops/structure/*/templates)
// render them, including their spacing (e.g. the 4-space metadata of the SOPS key Secrets).

/** sprig's `indent`: every line, the first included, prefixed by n spaces. */
function indent(text: string, n: number): string {
  const pad = ' '.repeat(n);
  return pad + text.split('\n').join(`\n${pad}`);
}

function b64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

function lines(...parts: Array<string | false | undefined>): string {
  return parts.filter((p): p is string => typeof p === 'string').join('\n') + '\n';
}

export interface KeyPair {
  fingerprint: string;
  privateData: string;
  publicData: string;
}

// --- repository root (`gitops init`) ---

export const sopsConfigInitial = 'creation_rules: []\n';

/** The git hook `gitops init` installs: refuses a commit holding *.enc.yaml files SOPS has not encrypted. */
export const preCommitHook = lines(
  '#!/usr/bin/env bash',
  '#',
  '# The script looks for the *.enc.yaml files that suppose to be encrypted,',
  '# and verifies the encryption has happened.',
  '',
  'files=""',
  '',
  'while read line',
  'do',
  '\tif [ ! -n "$line" ]',
  '\tthen',
  '\t\tcontinue',
  '\tfi',
  '',
  '\tgrep -q "^sops:$" $line',
  '\tif [ $? -ne 0 ]',
  '\tthen',
  '\t\tfiles="${files}\\n${line}"',
  '\tfi',
  `done <<< "$(find . -type f -name '*.enc.yaml')"`,
  '',
  'if [ -n "$files" ]',
  'then',
  '\tcat <<\\EOF',
  '!! WARNING !!',
  '',
  'Detected files missing the `sops` metadata key on them.',
  '',
  'Please run the `sops --encrypt --in-place <path>` command against them to secure the repository.',
  '',
  'Find the list of affected files below.',
  'EOF',
  '\techo $files',
  '\texit 1',
  'fi',
);

// --- management cluster ---

export function managementClusterKustomization(mc: string, repository: string, encrypted: boolean): string {
  return lines(
    'apiVersion: kustomize.toolkit.fluxcd.io/v1',
    'kind: Kustomization',
    'metadata:',
    `  name: ${mc}-gitops`,
    '  namespace: default',
    'spec:',
    encrypted && '  decryption:\n    provider: sops\n    secretRef:\n      name: sops-gpg-master',
    '  interval: 1m',
    `  path: ./management-clusters/${mc}`,
    '  prune: false',
    '  serviceAccountName: automation',
    '  sourceRef:',
    '    kind: GitRepository',
    `    name: ${repository}`,
    '  timeout: 2m',
  );
}

export function managementClusterKeySecret(key: KeyPair | undefined): string {
  return lines(
    'apiVersion: v1',
    key?.privateData && `data:\n  master.${key.fingerprint}.asc: ${b64(key.privateData)}`,
    'kind: Secret',
    'metadata:',
    '    name: sops-gpg-master',
    '    namespace: default',
  );
}

export function publicKeyFile(key: KeyPair | undefined): string {
  return key?.publicData ? `${key.publicData}\n` : '\n';
}

// --- organization ---

export function organization(name: string): string {
  return lines('apiVersion: security.giantswarm.io/v1alpha1', 'kind: Organization', 'metadata:', `  name: ${name}`, 'spec: {}');
}

export const emptyKustomization = lines('apiVersion: kustomize.config.k8s.io/v1beta1', 'kind: Kustomization', 'resources: []');

// --- workload cluster ---

export interface WorkloadClusterValues {
  mc: string;
  org: string;
  wc: string;
  repository: string;
  skipMapi: boolean;
  base?: string;
  release?: string;
  clusterUserConfig?: string;
}

export function workloadClusterKeySecret(wc: string): string {
  return lines('apiVersion: v1', 'kind: Secret', 'metadata:', `    name: sops-gpg-${wc}`, '    namespace: default');
}

export function workloadClusterKustomization(v: WorkloadClusterValues): string {
  const path = `./management-clusters/${v.mc}/organizations/${v.org}/workload-clusters/${v.wc}${v.skipMapi ? '' : '/mapi'}`;
  return lines(
    'apiVersion: kustomize.toolkit.fluxcd.io/v1',
    'kind: Kustomization',
    'metadata:',
    `  name: ${v.mc}-clusters-${v.wc}`,
    '  namespace: default',
    'spec:',
    '  interval: 1m',
    `  path: "${path}"`,
    '  postBuild:',
    '    substitute:',
    `      cluster_name: ${v.wc}`,
    v.release ? `      release: ${v.release}` : undefined,
    `      organization: ${v.org}`,
    '  prune: false',
    '  serviceAccountName: automation',
    '  sourceRef:',
    '    kind: GitRepository',
    `    name: ${v.repository}`,
    '  timeout: 2m',
  );
}

export const appsKustomization = lines(
  'apiVersion: kustomize.config.k8s.io/v1beta1',
  'commonLabels:',
  '  giantswarm.io/cluster: ${cluster_name}',
  '  giantswarm.io/managed-by: flux',
  'kind: Kustomization',
  'namespace: org-${organization}',
  'patches:',
  '  - path: patch_cluster_config.yaml',
  '    target:',
  '      kind: App',
  'resources: []',
);

export const patchClusterConfig = lines(
  'apiVersion: application.giantswarm.io/v1alpha1',
  'kind: App',
  'metadata:',
  '  name: ignored',
  'spec:',
  '  kubeConfig:',
  '    context:',
  '      name: ${cluster_name}-admin@${cluster_name}',
  '    inCluster: false',
  '    secret:',
  '      name: ${cluster_name}-kubeconfig',
  '      namespace: org-${organization}',
);

/** `../` back to the repository root from a directory `depth` levels deep. */
function up(depth: number): string {
  return '../'.repeat(depth);
}

export function clusterKustomization(v: WorkloadClusterValues): string {
  if (!v.base) return '\n';
  return lines(
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'commonLabels:',
    '  giantswarm.io/managed-by: flux',
    'kind: Kustomization',
    v.clusterUserConfig ? 'patchesStrategicMerge:\n  - patch_cluster_userconfig.yaml' : undefined,
    'resources:',
    `  - ${up(v.skipMapi ? 7 : 8)}${v.base}`,
    v.clusterUserConfig ? '  - cluster_userconfig.yaml' : undefined,
  );
}

export function clusterUserConfig(v: WorkloadClusterValues): string {
  if (!v.base || !v.clusterUserConfig) return '';
  return lines(
    'apiVersion: v1',
    'data:',
    '  values: |',
    indent(v.clusterUserConfig, 4),
    'kind: ConfigMap',
    'metadata:',
    `  name: ${v.wc}-cluster-userconfig`,
    `  namespace: org-${v.org}`,
  );
}

export function patchClusterUserConfig(v: WorkloadClusterValues): string {
  if (!v.base || !v.clusterUserConfig) return '';
  return lines(
    'apiVersion: application.giantswarm.io/v1alpha1',
    'kind: App',
    'metadata:',
    '  name: ${cluster_name}',
    '  namespace: org-${organization}',
    'spec:',
    '  userConfig:',
    '    configMap:',
    `      name: ${v.wc}-cluster-userconfig`,
    `      namespace: org-${v.org}`,
  );
}

// --- app ---

export interface AppValues {
  mc: string;
  org: string;
  wc: string;
  skipMapi: boolean;
  /** The chart's name in the catalog. */
  app: string;
  /** The directory and App CR name part. */
  name: string;
  base?: string;
  catalog?: string;
  namespace?: string;
  version?: string;
  /** '' (not given), 'true' or 'false', as the Go tool tells an unset --in-cluster from a false one. */
  inCluster: '' | 'true' | 'false';
  timeouts: { install?: string; rollback?: string; uninstall?: string; upgrade?: string };
  userConfigMap?: string;
  userSecret?: string;
}

function userConfigRefs(v: AppValues): string[] {
  const out: string[] = [];
  const ref = (kind: string) => `    ${kind}:\n      name: ${v.wc}-${v.name}-user-values\n      namespace: org-${v.org}`;
  if (v.userConfigMap) out.push(ref('configMap'));
  if (v.userSecret) out.push(ref('secret'));
  return out;
}

export function appCr(v: AppValues): string {
  if (v.base) return '';
  const timeout = (step: keyof AppValues['timeouts']) => (v.timeouts[step] ? `  ${step}:\n    timeout: ${v.timeouts[step]}` : undefined);
  const refs = userConfigRefs(v);
  return lines(
    'apiVersion: application.giantswarm.io/v1alpha1',
    'kind: App',
    'metadata:',
    v.inCluster === 'false' ? `  labels:\n    giantswarm.io/cluster: ${v.wc}` : undefined,
    v.inCluster === 'true' ? '  labels:\n    app-operator.giantswarm.io/version: 0.0.0' : undefined,
    `  name: ${v.wc}-${v.name}`,
    `  namespace: org-${v.org}`,
    'spec:',
    `  catalog: ${v.catalog ?? ''}`,
    timeout('install'),
    `  name: ${v.app}`,
    `  namespace: ${v.namespace ?? ''}`,
    `  version: ${v.version ?? ''}`,
    v.inCluster === 'true' ? '  kubeConfig:\n    inCluster: true' : undefined,
    v.inCluster === 'false'
      ? `  kubeConfig:\n    context:\n      name: ${v.wc}\n    inCluster: false\n    secret:\n      name: ${v.wc}-kubeconfig\n      namespace: org-${v.org}`
      : undefined,
    timeout('rollback'),
    timeout('uninstall'),
    timeout('upgrade'),
    refs.length > 0 ? `  userConfig:\n${refs.join('\n')}` : undefined,
  );
}

export function appConfigMap(v: AppValues): string {
  if (!v.userConfigMap) return '';
  return lines(
    'apiVersion: v1',
    'data:',
    '  values: |',
    indent(v.userConfigMap, 4),
    'kind: ConfigMap',
    'metadata:',
    `  name: ${v.wc}-${v.name}-user-values`,
    `  namespace: org-${v.org}`,
  );
}

export function appSecret(v: AppValues): string {
  if (!v.userSecret) return '';
  return lines(
    'apiVersion: v1',
    'data:',
    `  values: ${b64(v.userSecret)}`,
    'kind: Secret',
    'metadata:',
    `  name: ${v.wc}-${v.name}-user-values`,
    `  namespace: org-${v.org}`,
  );
}

export function appKustomization(v: AppValues): string {
  if (!v.base) return '';
  const patched = Boolean(v.userConfigMap || v.userSecret);
  return lines(
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'buildMetadata: [originAnnotations]',
    patched ? 'patchesStrategicMerge:\n  - patch_app_userconfig.yaml' : undefined,
    'kind: Kustomization',
    'resources:',
    `  - ${up(v.skipMapi ? 8 : 9)}${v.base}`,
    v.userConfigMap ? '  - configmap.yaml' : undefined,
    v.userSecret ? '  - secret.enc.yaml' : undefined,
  );
}

export function patchAppUserConfig(v: AppValues): string {
  const refs = userConfigRefs(v);
  if (!v.base || refs.length === 0) return '';
  return lines(
    'apiVersion: application.giantswarm.io/v1alpha1',
    'kind: App',
    'metadata:',
    `  name: \${cluster_name}-${v.name}`,
    '  namespace: org-${organization}',
    'spec:',
    '  userConfig:',
    ...refs,
  );
}

// --- automatic updates ---

export function imageUpdateAutomation(mc: string, repository: string): string {
  return lines(
    'apiVersion: image.toolkit.fluxcd.io/v1beta2',
    'kind: ImageUpdateAutomation',
    'metadata:',
    `  name: ${mc}-updates`,
    '  namespace: default',
    'spec:',
    '  git:',
    '    checkout:',
    '      ref:',
    '        branch: main',
    '    commit:',
    '      author:',
    '        email: fluxcdbot@users.noreply.github.com',
    '        name: fluxcdbot',
    '      messageTemplate: |',
    '        automated app upgrades:',
    '        {{ range $image, $_ := .Updated.Images -}}',
    '        - {{ $image.Repository }} to {{ $image.Identifier }}',
    '        {{ end -}}',
    '    push:',
    '      branch: main',
    '  interval: 1m0s',
    '  sourceRef:',
    '    kind: GitRepository',
    `    name: ${repository}`,
    '  update:',
    `    path: ./management-clusters/${mc}`,
    '    strategy: Setters',
  );
}

export function imagePolicy(wc: string, app: string): string {
  return lines(
    'apiVersion: image.toolkit.fluxcd.io/v1beta2',
    'kind: ImagePolicy',
    'metadata:',
    `  name: ${wc}-${app}`,
    'spec:',
    '  imageRepositoryRef:',
    `    name: ${wc}-${app}`,
    '  policy:',
    '    semver:',
    "      range: '>=0.0.0'",
  );
}

export function imageRepository(wc: string, app: string, image: string): string {
  return lines('apiVersion: image.toolkit.fluxcd.io/v1beta2', 'kind: ImageRepository', 'metadata:', `  name: ${wc}-${app}`, 'spec:', `  image: ${image}`, '  interval: 10m0s');
}

// --- cluster base ---

export const clusterBaseKustomization = lines(
  'apiVersion: kustomize.config.k8s.io/v1beta1',
  'buildMetadata: [originAnnotations]',
  'configMapGenerator:',
  '  - files:',
  '    - values=cluster_config.yaml',
  '    name:  ${cluster_name}-config',
  '    namespace: org-${organization}',
  'generatorOptions:',
  '  disableNameSuffixHash: true',
  'kind: Kustomization',
  'resources:',
  '  - cluster.yaml',
);
