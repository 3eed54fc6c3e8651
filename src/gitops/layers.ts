// The plan of each `gitops` command: the same directories, files (in the same order), edits and metadata
// layer as the Go tool's internal/gitops/structure packages, plus what must exist first.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { layerKinds } from './metadata';
import * as m from './modifiers';
import * as paths from './paths';
import { addFile, dir, type Plan, type PlannedObject } from './plan';
import * as t from './templates';

function plan(objects: PlannedObject[], extra: Partial<Plan> = {}): Plan {
  return { objects, modifiers: new Map(), requires: [], writeMetadata: false, ...extra };
}

const cmd = 'kubectl gs gitops';

function needsInit(): Plan['requires'][number] {
  return {
    path: paths.managementClustersDir,
    kind: 'dir',
    missing: `the folder is not a GitOps repository made by \`${cmd} init\` (no ${paths.managementClustersDir}/ directory); run \`${cmd} init\` there first`,
  };
}

function needsSops(): Plan['requires'][number] {
  return { path: paths.sopsConfigFile, kind: 'file', missing: `the repository has no ${paths.sopsConfigFile}; run \`${cmd} init\` there first` };
}

function needsManagementCluster(mc: string): Plan['requires'][number] {
  return {
    path: paths.join(paths.layerDir(mc), paths.fluxKustomizationFile(mc)),
    kind: 'file',
    missing: `management cluster "${mc}" is not in the repository; run \`${cmd} add management-cluster --name ${mc} --repository-name <repository>\` first`,
  };
}

function needsOrganization(mc: string, org: string): Plan['requires'][number] {
  return {
    path: paths.join(paths.layerDir(mc, org), paths.workloadClustersDir, paths.sigsKustomizationFile),
    kind: 'file',
    missing: `organization "${org}" is not in management cluster "${mc}"; run \`${cmd} add organization --management-cluster ${mc} --name ${org}\` first`,
  };
}

function needsWorkloadClusterApps(mc: string, org: string, wc: string, skipMapi: boolean): Plan['requires'][number] {
  const appsDir = paths.join(paths.workloadClusterMapiDir(mc, org, wc, skipMapi), paths.appsDir);
  const flags = `--management-cluster ${mc} --organization ${org} --name ${wc}${skipMapi ? ' --skip-mapi' : ''}`;
  return {
    path: paths.join(appsDir, paths.sigsKustomizationFile),
    kind: 'file',
    missing: `workload cluster "${wc}" is not in organization "${org}"${skipMapi ? ' (without mapi/)' : ''}; run \`${cmd} add workload-cluster ${flags} --repository-name <repository>\` first`,
  };
}

// --- init ---

export function initPlan(): Plan {
  const objects: PlannedObject[] = [dir(paths.managementClustersDir)];
  addFile(objects, paths.sopsConfigFile, t.sopsConfigInitial);
  addFile(objects, paths.join(paths.gitHooksDir, 'pre-commit'), t.preCommitHook, 0o700);
  return plan(objects, {
    writeMetadata: true,
    requires: [{ path: '.git', kind: 'dir', missing: `the folder is not a Git repository (no .git directory); clone your GitOps repository there, or run \`git init\`, first` }],
  });
}

// --- management cluster ---

export interface ManagementClusterInput {
  name: string;
  repository: string;
  key?: t.KeyPair;
}

export function managementClusterExists(repo: string, mc: string): boolean {
  return existsSync(join(repo, paths.layerDir(mc), paths.fluxKustomizationFile(mc)));
}

export function managementClusterPlan(c: ManagementClusterInput): Plan {
  const mcDir = paths.layerDir(c.name);
  const secrets = paths.join(mcDir, paths.secretsDir);
  const sops = paths.join(mcDir, paths.sopsKeysDir);
  const objects: PlannedObject[] = [dir(mcDir)];
  addFile(objects, paths.join(mcDir, paths.fluxKustomizationFile(c.name)), t.managementClusterKustomization(c.name, c.repository, Boolean(c.key?.privateData)));
  objects.push(dir(secrets));
  addFile(objects, paths.join(secrets, paths.sopsSecretFile(c.name)), t.managementClusterKeySecret(c.key));
  if (c.key) redact(objects[objects.length - 1]);
  objects.push(dir(sops));
  addFile(objects, paths.join(sops, `master.${c.key?.fingerprint ?? ''}.asc`), t.publicKeyFile(c.key));
  objects.push(dir(paths.join(mcDir, paths.organizationsDir)));
  const p = plan(objects, { metadataLayer: { kind: layerKinds.managementCluster, path: mcDir }, requires: [needsInit()] });
  if (c.key) {
    p.requires.push(needsSops());
    p.modifiers.set(paths.sopsConfigFile, m.addSopsRules([m.sopsRule(paths.encryptionRegex(mcDir, 'secrets'), c.key.fingerprint)]));
  }
  return p;
}

/** --dry-run prints private key material as a placeholder, never the key. */
function redact(o: PlannedObject): void {
  if (o.kind === 'file') o.printed = o.data.replace(/^(\s+\S+\.asc: ).*$/gm, '$1<private key, written only on a real run>');
}

// --- organization ---

export function organizationPlan(mc: string, org: string): Plan {
  const orgDir = paths.layerDir(mc, org);
  const wcs = paths.join(orgDir, paths.workloadClustersDir);
  const objects: PlannedObject[] = [dir(orgDir)];
  addFile(objects, paths.join(orgDir, paths.fluxKustomizationFile(org)), t.organization(org));
  objects.push(dir(wcs));
  addFile(objects, paths.join(wcs, paths.sigsKustomizationFile), t.emptyKustomization);
  return plan(objects, { metadataLayer: { kind: layerKinds.organization, path: orgDir }, requires: [needsInit(), needsManagementCluster(mc)] });
}

// --- workload cluster ---

export function workloadClusterPlan(v: t.WorkloadClusterValues): Plan {
  const mcDir = paths.layerDir(v.mc);
  const orgDir = paths.layerDir(v.mc, v.org);
  const wcDir = paths.layerDir(v.mc, v.org, v.wc);
  const mapi = paths.workloadClusterMapiDir(v.mc, v.org, v.wc, v.skipMapi);
  const wcs = paths.join(orgDir, paths.workloadClustersDir);
  const apps = paths.join(mapi, paths.appsDir);
  const cluster = paths.join(mapi, paths.clusterDir);
  const wcFile = paths.join(wcs, paths.fluxKustomizationFile(v.wc));

  const objects: PlannedObject[] = [];
  // The empty Secret that `add encryption` later fills with the cluster's private SOPS key.
  addFile(objects, paths.join(mcDir, paths.secretsDir, paths.sopsSecretFile(v.wc)), t.workloadClusterKeySecret(v.wc));
  objects.push(dir(wcs));
  addFile(objects, wcFile, t.workloadClusterKustomization(v));
  objects.push(dir(wcDir));
  if (!v.skipMapi) objects.push(dir(mapi));
  objects.push(dir(apps), dir(cluster));
  addFile(objects, paths.join(apps, paths.sigsKustomizationFile), t.appsKustomization);
  addFile(objects, paths.join(apps, 'patch_cluster_config.yaml'), t.patchClusterConfig);
  addFile(objects, paths.join(cluster, paths.sigsKustomizationFile), t.clusterKustomization(v));
  addFile(objects, paths.join(cluster, 'cluster_userconfig.yaml'), t.clusterUserConfig(v));
  addFile(objects, paths.join(cluster, 'patch_cluster_userconfig.yaml'), t.patchClusterUserConfig(v));

  const p = plan(objects, {
    metadataLayer: { kind: layerKinds.workloadCluster, path: wcDir },
    requires: [needsInit(), needsManagementCluster(v.mc), needsOrganization(v.mc, v.org)],
  });
  p.modifiers.set(paths.join(wcs, paths.sigsKustomizationFile), m.addResources([paths.fluxKustomizationFile(v.wc)]));
  // A cluster first added without a definition gets its release once it is re-added from a base.
  if (v.base) p.modifiers.set(wcFile, m.addPostBuild({ release: v.release ?? '' }));
  if (v.base) {
    p.requires.push({
      path: v.base,
      kind: 'dir',
      missing: `the base ${v.base} is not in the repository; run \`${cmd} add base --provider <provider>\` first, or give the path of an existing base`,
    });
  }
  return p;
}

// --- app ---

export function appPlan(v: t.AppValues): Plan {
  const mapi = paths.workloadClusterMapiDir(v.mc, v.org, v.wc, v.skipMapi);
  const apps = paths.join(mapi, paths.appsDir);
  const appDir = paths.join(apps, v.name);
  const objects: PlannedObject[] = [dir(apps), dir(appDir)];
  addFile(objects, paths.join(appDir, paths.appCrFile), t.appCr(v));
  addFile(objects, paths.join(appDir, paths.configMapFile), t.appConfigMap(v));
  addFile(objects, paths.join(appDir, 'secret.enc.yaml'), t.appSecret(v));
  addFile(objects, paths.join(appDir, paths.sigsKustomizationFile), t.appKustomization(v));
  addFile(objects, paths.join(appDir, 'patch_app_userconfig.yaml'), t.patchAppUserConfig(v));

  // Without a base, each file is listed in apps/kustomization.yaml; with one, the app's directory. The Go
  // tool lists APP/secret.yaml while it writes APP/secret.enc.yaml; the file written is listed here.
  const resources = v.base ? [v.name] : [`${v.name}/${paths.appCrFile}`];
  if (!v.base && v.userConfigMap) resources.push(`${v.name}/${paths.configMapFile}`);
  if (!v.base && v.userSecret) resources.push(`${v.name}/secret.enc.yaml`);

  const p = plan(objects, {
    metadataLayer: { kind: layerKinds.app, path: appDir },
    requires: [needsInit(), needsManagementCluster(v.mc), needsOrganization(v.mc, v.org), needsWorkloadClusterApps(v.mc, v.org, v.wc, v.skipMapi)],
    refuseExisting: [{ path: appDir, message: `\`${v.name}\` app is already configured for the cluster.` }],
  });
  p.modifiers.set(paths.join(apps, paths.sigsKustomizationFile), m.addResources(resources));
  if (v.base) {
    p.requires.push({ path: v.base, kind: 'dir', missing: `the base ${v.base} is not in the repository; give the path of an existing app base, relative to the repository root` });
  }
  return p;
}

// --- automatic updates ---

export interface AutomaticUpdateInput {
  mc: string;
  org: string;
  wc: string;
  app: string;
  repository: string;
  versionRepository: string;
  skipMapi: boolean;
}

export function automaticUpdatePlan(v: AutomaticUpdateInput): Plan {
  const mapi = paths.workloadClusterMapiDir(v.mc, v.org, v.wc, v.skipMapi);
  const updates = paths.join(mapi, paths.automaticUpdatesDir);
  const apps = paths.join(mapi, paths.appsDir);
  const appDir = paths.join(apps, v.app);
  const appCr = paths.join(appDir, paths.appCrFile);
  const objects: PlannedObject[] = [dir(updates)];
  addFile(objects, paths.join(updates, 'imageupdate.yaml'), t.imageUpdateAutomation(v.mc, v.repository));
  addFile(objects, paths.join(appDir, paths.imagePolicyFile), t.imagePolicy(v.wc, v.app));
  addFile(objects, paths.join(appDir, paths.imageRepositoryFile), t.imageRepository(v.wc, v.app, v.versionRepository));
  const p = plan(objects, {
    requires: [
      needsInit(),
      needsManagementCluster(v.mc),
      needsOrganization(v.mc, v.org),
      needsWorkloadClusterApps(v.mc, v.org, v.wc, v.skipMapi),
      {
        path: appCr,
        kind: 'file',
        missing: `app "${v.app}" has no ${paths.appCrFile} in workload cluster "${v.wc}" (apps made from a base cannot be updated this way); run \`${cmd} add app --management-cluster ${v.mc} --organization ${v.org} --workload-cluster ${v.wc} --name ${v.app} ...\` first`,
      },
    ],
  });
  p.modifiers.set(paths.join(apps, paths.sigsKustomizationFile), m.addResources([`${v.app}/${paths.imagePolicyFile}`, `${v.app}/${paths.imageRepositoryFile}`]));
  p.modifiers.set(appCr, m.markImagePolicy(`org-${v.org}`, `${v.wc}-${v.app}`));
  return p;
}

// --- encryption ---

export interface EncryptionInput {
  mc: string;
  org: string;
  wc: string;
  target: string;
  key: t.KeyPair;
}

export function encryptionPlan(v: EncryptionInput): Plan {
  const mcDir = paths.layerDir(v.mc);
  const prefix = v.wc || v.mc;
  const pubKeyFile = paths.join(mcDir, paths.sopsKeysDir, paths.sopsKeyName(prefix, v.key.fingerprint));
  const secretFile = paths.join(mcDir, paths.secretsDir, paths.sopsSecretFile(prefix));
  const objects: PlannedObject[] = [];
  addFile(objects, pubKeyFile, v.key.publicData);
  const p = plan(objects, { requires: [needsInit(), needsSops(), needsManagementCluster(v.mc)], secretModifiers: new Set([secretFile]) });
  if (v.org) p.requires.push(needsOrganization(v.mc, v.org));
  p.modifiers.set(secretFile, m.addSecretKeys({ [paths.sopsKeyName(prefix, v.key.fingerprint)]: v.key.privateData }));
  if (v.wc) {
    const wcFile = paths.join(paths.layerDir(v.mc, v.org), paths.workloadClustersDir, paths.fluxKustomizationFile(v.wc));
    p.requires.push({
      path: wcFile,
      kind: 'file',
      missing: `workload cluster "${v.wc}" is not in organization "${v.org}"; run \`${cmd} add workload-cluster --management-cluster ${v.mc} --organization ${v.org} --name ${v.wc} --repository-name <repository>\` first`,
    });
    p.modifiers.set(wcFile, m.setDecryption(paths.sopsSecretName(prefix)));
  } else {
    p.modifiers.set(paths.join(mcDir, paths.fluxKustomizationFile(v.mc)), m.setDecryption(paths.sopsSecretName('master')));
  }
  p.requires.push({ path: secretFile, kind: 'file', missing: `${secretFile} is missing; restore it from Git, or re-run the \`${cmd} add\` command that made the cluster` });
  const encPath = paths.encryptionRegex(paths.layerDir(v.mc, v.org, v.wc), v.target);
  p.modifiers.set(paths.sopsConfigFile, m.addSopsRules([m.sopsRule(encPath, v.key.fingerprint)]));
  return p;
}

// --- cluster base ---

export function clusterBasePlan(provider: string, appCr: string, values: string): Plan {
  const base = paths.clusterBasePath(provider);
  const objects: PlannedObject[] = [
    dir(paths.baseTemplatesDir),
    dir(paths.clusterBasesPath),
    dir(paths.clusterBaseProviderPath(provider)),
    dir(base),
  ];
  addFile(objects, paths.join(base, paths.sigsKustomizationFile), t.clusterBaseKustomization);
  addFile(objects, paths.join(base, 'cluster.yaml'), `${appCr}\n`);
  addFile(objects, paths.join(base, 'cluster_config.yaml'), `${values}\n`);
  return plan(objects, { metadataLayer: { kind: layerKinds.clusterBase, path: base }, requires: [needsInit()] });
}

