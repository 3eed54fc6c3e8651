// The one-off comparison with the Go kubectl-gs, kept as a test: the inputs of the Go tool's own
// structure, modifier and creator tests, rendered by this project, against the Go golden files (copied
// in go-golden/, see SOURCE.md). Paths, their order and the bytes must be equal; the differences
// docs/gitops.md lists are asserted here exactly, so any other difference fails.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commitChanges, computeChanges, layers, modifiers, printPlan, type AppValues, type Plan, type WorkloadClusterValues } from '../../../src/gitops';
import { dir, file, type PlannedObject } from '../../../src/gitops/plan';

const goRoot = join(__dirname, 'go-golden/internal/gitops');
const golden = (rel: string) => readFileSync(join(goRoot, rel), 'utf8');

type Expected = Array<[path: string, goldenFile?: string]>;

function expectObjects(plan: Plan, expected: Expected, goDir: string): void {
  expect(plan.objects.map((o) => o.path)).toEqual(expected.map(([p]) => p));
  plan.objects.forEach((o, i) => {
    const g = expected[i][1];
    if (g) expect([o.path, o.kind === 'file' ? o.data : '<dir>']).toEqual([o.path, golden(`${goDir}/${g}`)]);
  });
}

const wcBase = 'management-clusters/demomc/organizations/demoorg/workload-clusters';
const userConfig = 'testKey: testValue\ntopKey:\n  nestedKey: nestedValue';

describe('Go golden files: structure', () => {
  it('management cluster, without and with a key pair', () => {
    const mcObjects = (key: boolean): Expected => [
      ['management-clusters/demomc'],
      ['management-clusters/demomc/demomc.yaml', key ? 'testdata/expected/1-demomc.golden' : 'testdata/expected/0-demomc.golden'],
      ['management-clusters/demomc/secrets'],
      ['management-clusters/demomc/secrets/demomc.gpgkey.enc.yaml', key ? 'testdata/expected/1-demomc.gpgkey.enc.golden' : 'testdata/expected/0-demomc.gpgkey.enc.golden'],
      ['management-clusters/demomc/.sops.keys'],
      ...(key ? ([['management-clusters/demomc/.sops.keys/master.12345689ABCDEF.asc']] as Expected) : []),
      ['management-clusters/demomc/organizations'],
    ];
    expectObjects(layers.managementClusterPlan({ name: 'demomc', repository: 'gitops-demo' }), mcObjects(false), 'structure/management-cluster');
    const key = { fingerprint: '12345689ABCDEF', privateData: 'private key material', publicData: 'public key material' };
    const withKey = layers.managementClusterPlan({ name: 'demomc', repository: 'gitops-demo', key });
    expectObjects(withKey, mcObjects(true), 'structure/management-cluster');
    expect((withKey.objects[5] as { data: string }).data).toBe('public key material\n');
  });

  it('organization', () => {
    expectObjects(
      layers.organizationPlan('demomc', 'demoorg'),
      [
        ['management-clusters/demomc/organizations/demoorg'],
        ['management-clusters/demomc/organizations/demoorg/demoorg.yaml', 'testdata/expected/0-demoorg.golden'],
        ['management-clusters/demomc/organizations/demoorg/workload-clusters'],
        ['management-clusters/demomc/organizations/demoorg/workload-clusters/kustomization.yaml', 'testdata/expected/0-kustomization.golden'],
      ],
      'structure/organization',
    );
  });

  const wcCases: Array<[string, Partial<WorkloadClusterValues>, string, string | undefined, boolean]> = [
    ['flawless', { skipMapi: true }, '0-demowc.golden', undefined, false],
    ['flawless with definition', { skipMapi: true, base: 'bases/cluster/capa', release: '0.13.0' }, '1-demowc.golden', '0-kustomization.golden', false],
    ['flawless with definition and configuration', { skipMapi: true, base: 'bases/cluster/capa', release: '0.13.0', clusterUserConfig: userConfig }, '1-demowc.golden', '1-kustomization.golden', true],
    ['flawless MAPI with definition and full configuration', { skipMapi: false, base: 'bases/cluster/capa', release: '0.13.0', clusterUserConfig: userConfig }, '2-demowc.golden', '3-kustomization.golden', true],
  ];
  it.each(wcCases)('workload cluster: %s', (_, v, wcGolden, kustomizationGolden, withUserConfig) => {
    const values: WorkloadClusterValues = { mc: 'demomc', org: 'demoorg', wc: 'demowc', repository: 'gitops-demo', skipMapi: true, ...v };
    const mapi = `${wcBase}/demowc${values.skipMapi ? '' : '/mapi'}`;
    const expected: Expected = [
      ['management-clusters/demomc/secrets/demowc.gpgkey.enc.yaml', '0-secret.golden'],
      [wcBase],
      [`${wcBase}/demowc.yaml`, wcGolden],
      [`${wcBase}/demowc`],
      ...(values.skipMapi ? [] : ([[mapi]] as Expected)),
      [`${mapi}/apps`],
      [`${mapi}/cluster`],
      [`${mapi}/apps/kustomization.yaml`, '0-apps_kustomization.golden'],
      [`${mapi}/apps/patch_cluster_config.yaml`, '0-patch_cluster_config.golden'],
      ...(kustomizationGolden ? ([[`${mapi}/cluster/kustomization.yaml`, kustomizationGolden]] as Expected) : []),
      ...(withUserConfig
        ? ([
            [`${mapi}/cluster/cluster_userconfig.yaml`, '0-cluster_userconfig.golden'],
            [`${mapi}/cluster/patch_cluster_userconfig.yaml`, '0-patch_cluster_userconfig.golden'],
          ] as Expected)
        : []),
    ];
    expectObjects(layers.workloadClusterPlan(values), expected.map(([p, g]) => [p, g && `expected/${g}`]), 'structure/workload-cluster/testdata');
  });

  const appUserValues = 'testKey: testValue\ntopKey:\n  netedKey: nestedValue';
  const appDefaults: AppValues = {
    mc: 'demomc',
    org: 'demoorg',
    wc: 'demowc',
    skipMapi: true,
    app: 'hello-world',
    name: 'hello-world',
    catalog: 'giantswarm',
    namespace: 'default',
    version: '0.3.0',
    inCluster: '',
    timeouts: {},
  };
  const fromBase = { base: 'base/apps/hello-world', catalog: undefined, namespace: undefined, app: '' };
  const appCases: Array<[string, Partial<AppValues>, Array<[string, string]>]> = [
    ['flawless', {}, [['appcr.yaml', '0-appcr.golden']]],
    ['flawless from base', fromBase, [['kustomization.yaml', '0-hello_world_kustomization.golden']]],
    ['flawless with cm configuration', { userConfigMap: appUserValues }, [['appcr.yaml', '1-appcr.golden'], ['configmap.yaml', '0-configmap.golden']]],
    ['flawless with secret configuration', { userSecret: appUserValues }, [['appcr.yaml', '2-appcr.golden'], ['secret.enc.yaml', '0-secret.golden']]],
    [
      'flawless from base with cm configuration',
      { ...fromBase, userConfigMap: appUserValues },
      [['configmap.yaml', '0-configmap.golden'], ['kustomization.yaml', '1-hello_world_kustomization.golden'], ['patch_app_userconfig.yaml', '0-patch_app_userconfig.golden']],
    ],
    [
      'flawless from base with secret configuration',
      { ...fromBase, userSecret: appUserValues },
      [['secret.enc.yaml', '0-secret.golden'], ['kustomization.yaml', '2-hello_world_kustomization.golden'], ['patch_app_userconfig.yaml', '1-patch_app_userconfig.golden']],
    ],
    ['flawless MAPI', { skipMapi: false }, [['appcr.yaml', '0-appcr.golden']]],
    ['flawless MAPI from base', { ...fromBase, skipMapi: false }, [['kustomization.yaml', '3-hello_world_kustomization.golden']]],
    ['flawless with timeouts', { timeouts: { install: '6m0s', rollback: '7m0s', uninstall: '8m0s', upgrade: '9m0s' } }, [['appcr.yaml', '3-appcr.golden']]],
    ['flawless with in cluster', { inCluster: 'true' }, [['appcr.yaml', '4-appcr.golden']]],
    ['flawless with in cluster false', { inCluster: 'false' }, [['appcr.yaml', '5-appcr.golden']]],
  ];
  it.each(appCases)('app: %s', (_, v, files) => {
    const values = { ...appDefaults, ...v };
    const apps = `${wcBase}/demowc${values.skipMapi ? '' : '/mapi'}/apps`;
    const expected: Expected = [[apps], [`${apps}/hello-world`], ...files.map(([f, g]) => [`${apps}/hello-world/${f}`, `expected/${g}`] as [string, string])];
    expectObjects(layers.appPlan(values), expected, 'structure/app/testdata');
  });

  it.each([true, false])('automatic updates (skip mapi: %s)', (skipMapi) => {
    const mapi = `${wcBase}/demowc${skipMapi ? '' : '/mapi'}`;
    const plan = layers.automaticUpdatePlan({ mc: 'demomc', org: 'demoorg', wc: 'demowc', app: 'hello-world', repository: 'gitops-demo', versionRepository: 'quay.io/giantswarm/hello-world', skipMapi });
    expectObjects(
      plan,
      [
        [`${mapi}/automatic-updates`],
        [`${mapi}/automatic-updates/imageupdate.yaml`, 'expected/0-imageupdate.golden'],
        [`${mapi}/apps/hello-world/imagepolicy.yaml`, 'expected/0-imagepolicy.golden'],
        [`${mapi}/apps/hello-world/imagerepository.yaml`, 'expected/0-imagerepository.golden'],
      ],
      'structure/updates/testdata',
    );
  });

  it('cluster base (the Go test passes "foo:bar" as both templates)', () => {
    expectObjects(
      layers.clusterBasePlan('capa', 'foo:bar', 'foo:bar'),
      [
        ['bases'],
        ['bases/clusters'],
        ['bases/clusters/capa'],
        ['bases/clusters/capa/template'],
        ['bases/clusters/capa/template/kustomization.yaml', 'expected/0-capa-kustomization.golden'],
        ['bases/clusters/capa/template/cluster.yaml', 'expected/foo-bar.golden'],
        ['bases/clusters/capa/template/cluster_config.yaml', 'expected/foo-bar.golden'],
      ],
      'structure/base/testdata',
    );
  });
});

describe('Go golden files: modifiers (the Go tests inlined their texts)', () => {
  const fluxInput = `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: demomc-gitops
  namespace: default
spec:
  interval: 1m0s
  path: ./management-clusters/demomc
  prune: true
  serviceAccountName: automation
  sourceRef:
    kind: GitRepository
    name: gitops-demo
  timeout: 2m0s
`;
  const withDecryption = (name: string) => fluxInput.replace('spec:\n', `spec:\n  decryption:\n    provider: sops\n    secretRef:\n      name: ${name}\n`);

  it('Flux Kustomization: adds decryption, keeps it, puts the right one back; adds postBuild', () => {
    const decrypt = modifiers.setDecryption('sops-gpg-master');
    expect(decrypt(fluxInput, 'k.yaml')).toBe(withDecryption('sops-gpg-master'));
    expect(decrypt(withDecryption('sops-gpg-master'), 'k.yaml')).toBe(withDecryption('sops-gpg-master'));
    expect(decrypt(withDecryption('sops-gpg-other'), 'k.yaml')).toBe(withDecryption('sops-gpg-master'));
    expect(modifiers.addPostBuild({ release: '1.0.0' })(fluxInput, 'k.yaml')).toBe(
      fluxInput.replace('  prune: true\n', '  postBuild:\n    substitute:\n      release: 1.0.0\n  prune: true\n'),
    );
  });

  it('Secret: adds the key as base64', () => {
    const input = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: sops-gpg-master\n  namespace: default\n';
    expect(modifiers.addSecretKeys({ 'master.123456789ABCDEF.asc': 'FAKE PUBLIC KEY MATERIAL' })(input, 's.yaml')).toBe(
      'apiVersion: v1\ndata:\n  master.123456789ABCDEF.asc: RkFLRSBQVUJMSUMgS0VZIE1BVEVSSUFM\nkind: Secret\nmetadata:\n  name: sops-gpg-master\n  namespace: default\n',
    );
  });

  it('kustomization.yaml: adds a resource once', () => {
    const expected = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- demowc.yaml\n';
    const add = modifiers.addResources(['demowc.yaml']);
    expect(add('apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: []', 'k.yaml')).toBe(expected);
    expect(add(expected, 'k.yaml')).toBe(expected);
  });

  it('.sops.yaml: adds a rule once', () => {
    const expected = 'creation_rules:\n- encrypted_regex: ^(data|stringData)$\n  path_regex: management-clusters/demomc/secrets/.*\\.enc\\.yaml\n  pgp: 123456789ABCDEF\n';
    const add = modifiers.addSopsRules([modifiers.sopsRule('management-clusters/demomc/secrets/.*\\.enc\\.yaml', '123456789ABCDEF')]);
    expect(add('creation_rules: []', '.sops.yaml')).toBe(expected);
    expect(add(expected, '.sops.yaml')).toBe(expected);
  });

  it('App CR: marks the version for the image policy once', () => {
    const input = 'apiVersion: application.giantswarm.io/v1alpha1\nkind: App\nmetadata:\n  name: demowc-hello-world\nspec:\n  version: 0.3.0\n  catalog: giantswarm\n  name: hello-world\n  namespace: default\n';
    const expected = input.replace('  version: 0.3.0\n', '  version: 0.3.0 # {"$imagepolicy": "default:demowc-hello-world:tag"}\n');
    const mark = modifiers.markImagePolicy('default', 'demowc-hello-world');
    expect(mark(input, 'appcr.yaml')).toBe(expected);
    expect(mark(expected, 'appcr.yaml')).toBe(expected);
  });

  it('App CR, difference: the in-cluster label app-operator.giantswarm.io/version is left alone', () => {
    const input = 'metadata:\n  labels:\n    app-operator.giantswarm.io/version: 0.0.0\nspec:\n  version: 0.3.0\n';
    expect(modifiers.markImagePolicy('default', 'p')(input, 'appcr.yaml')).toBe(
      'metadata:\n  labels:\n    app-operator.giantswarm.io/version: 0.0.0\nspec:\n  version: 0.3.0 # {"$imagepolicy": "default:p:tag"}\n',
    );
  });
});

describe('Go golden files: the creator', () => {
  // The Go creator tests feed fixed objects to a creator printing to /tmp/testpath; the same objects,
  // planned here, print the same text. Paths that the Go test gave relative to nothing are kept as is.
  const input = (f: string) => golden(`filesystem/creator/testdata/input/${f}`);
  const cases: Array<[string, PlannedObject[]]> = [
    ['case-0-flawless', [dir('demomc'), file('demomc/demomc.yaml', input('demomc.yaml')), dir('demomc/.sops.keys'), dir('demomc/secrets'), dir('demomc/organizations')]],
    ['case-1-flawless', [dir('demoorg'), file('demoorg/demoorg.yaml', input('demoorg.yaml')), dir('demoorg/workload-clusters'), file('demoorg/workload-clusters/kustomization.yaml', input('0-kustomization.yaml'))]],
    [
      'case-2-flawless',
      [
        dir('workload-clusters'),
        file('workload-clusters/demowc.yaml', input('demowc.yaml')),
        dir('workload-clusters/demowc'),
        dir('workload-clusters/demowc/apps'),
        dir('workload-clusters/demowc/cluster'),
        file('workload-clusters/demowc/cluster/kustomization.yaml', input('1-kustomization.yaml')),
      ],
    ],
  ];
  it.each(cases)('--dry-run prints %s', (name, objects) => {
    const plan: Plan = { objects, modifiers: new Map(), requires: [], writeMetadata: false };
    const printed = printPlan('/tmp/testpath', plan);
    expect(printed.replace(/\n+$/, '')).toBe(golden(`filesystem/creator/testdata/expected/dry-run/${name}.golden`).replace(/\n+$/, ''));
  });

  it('writes the files byte for byte, 0600 files and 0755 directories (the create goldens)', () => {
    const repo = mkdtempSync(join(tmpdir(), 'kgs-gitops-creator-'));
    const objects = [...cases[0][1], ...cases[1][1], ...cases[2][1]];
    const plan: Plan = { objects, modifiers: new Map(), requires: [], writeMetadata: false };
    commitChanges(repo, computeChanges(repo, plan));
    const created: Array<[string, string]> = [
      ['demomc/demomc.yaml', '0-demomc.golden'],
      ['demoorg/demoorg.yaml', '1-demoorg.golden'],
      ['demoorg/workload-clusters/kustomization.yaml', '1-kustomization.golden'],
      ['workload-clusters/demowc.yaml', '2-demowc.golden'],
      ['workload-clusters/demowc/cluster/kustomization.yaml', '2-kustomization.golden'],
    ];
    for (const [path, g] of created) {
      expect([path, readFileSync(join(repo, path), 'utf8')]).toEqual([path, golden(`filesystem/creator/testdata/expected/create/${g}`)]);
      expect(statSync(join(repo, path)).mode & 0o777).toBe(0o600);
    }
    for (const d of ['demomc/.sops.keys', 'demomc/secrets', 'demomc/organizations', 'workload-clusters/demowc/apps']) expect(statSync(join(repo, d)).mode & 0o777).toBe(0o755);
  });
});
