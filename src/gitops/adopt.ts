// `gitops check --adopt`: infers the layers of a repository made before the metadata file existed, by
// walking the recommended layout (the Go tool's internal/gitops/metadata/adopt.go). It cannot know the
// version a layer was really made with, so every layer is recorded at the current one.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { layerKinds, newMetadata, sortLayers, structureVersion, generatedWith, type MetadataLayer, type RepositoryMetadata } from './metadata';
import * as paths from './paths';

export interface AdoptionResult {
  metadata: RepositoryMetadata;
  /** Directories where a layer was expected that do not look like one (reported, not swallowed). */
  skipped: string[];
}

function subDirs(repo: string, dir: string): string[] {
  const full = join(repo, dir);
  try {
    if (!statSync(full).isDirectory()) return [];
  } catch {
    return [];
  }
  return readdirSync(full, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function adopt(repo: string): AdoptionResult {
  const md = newMetadata();
  const skipped: string[] = [];
  const record = (kind: string, path: string) => {
    const layer: MetadataLayer = { kind, path, structureVersion, generatedWith: generatedWith() };
    md.layers.push(layer);
  };

  for (const provider of subDirs(repo, paths.clusterBasesPath)) {
    const base = paths.clusterBasePath(provider);
    if (isDir(join(repo, base))) record(layerKinds.clusterBase, base);
    else skipped.push(paths.clusterBaseProviderPath(provider));
  }

  for (const mc of subDirs(repo, paths.managementClustersDir)) {
    const mcDir = paths.layerDir(mc);
    record(layerKinds.managementCluster, mcDir);
    // Apps are only looked for under workload clusters: `gitops add app` needs both --organization and
    // --workload-cluster, so an apps/ directory anywhere else was not made by it.
    for (const org of subDirs(repo, `${mcDir}/${paths.organizationsDir}`)) {
      const orgDir = paths.layerDir(mc, org);
      record(layerKinds.organization, orgDir);
      for (const wc of subDirs(repo, `${orgDir}/${paths.workloadClustersDir}`)) {
        const wcDir = paths.layerDir(mc, org, wc);
        record(layerKinds.workloadCluster, wcDir);
        // WC/mapi/apps normally, WC/apps with --skip-mapi: both are looked at.
        for (const parent of [`${wcDir}/${paths.mapiDir}`, wcDir]) {
          const appsDir = `${parent}/${paths.appsDir}`;
          for (const app of subDirs(repo, appsDir)) {
            const appDir = `${appsDir}/${app}`;
            const isApp = [paths.appCrFile, paths.sigsKustomizationFile].some((marker) => existsSync(join(repo, appDir, marker)));
            if (isApp) record(layerKinds.app, appDir);
            else skipped.push(appDir);
          }
        }
      }
    }
  }

  sortLayers(md);
  skipped.sort();
  return { metadata: md, skipped };
}
