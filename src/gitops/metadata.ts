// .gitops-metadata.yaml: which layers `kubectl gs gitops` generated and with which version of the
// repository structure (the Go tool's internal/gitops/metadata), so `gitops check` can report drift.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, CORE_SCHEMA } from 'js-yaml';
import { buildInfo } from '../buildInfo';
import { UserError } from '../errors';
import { toYaml } from '../template/yaml';

export const metadataApiVersion = 'gitops.giantswarm.io/v1alpha1';
export const metadataKind = 'RepositoryMetadata';
export const metadataFileName = '.gitops-metadata.yaml';
/** The repository structure this build generates; bumped (with the Go tool) when the layout changes. */
export const structureVersion = 1;

export const layerKinds = {
  clusterBase: 'cluster-base',
  managementCluster: 'management-cluster',
  organization: 'organization',
  workloadCluster: 'workload-cluster',
  app: 'app',
} as const;

export interface MetadataLayer {
  kind: string;
  path: string;
  structureVersion: number;
  generatedWith: string;
}

export interface RepositoryMetadata {
  apiVersion: string;
  kind: string;
  structureVersion: number;
  generatedWith?: string;
  layers: MetadataLayer[];
}

const header = `# This file is managed by \`kubectl gs gitops\`. Do not edit it by hand.
# It records which version of the repository structure each part of this
# repository was generated with, so that \`kubectl gs gitops check\` can tell
# you when the repository has fallen behind.
`;

/** The Go tool writes `kubectl-gs/<version>`; this build names itself the same way. */
export function generatedWith(): string {
  return `kubectl-gs/${buildInfo.version}`;
}

export function newMetadata(): RepositoryMetadata {
  return { apiVersion: metadataApiVersion, kind: metadataKind, structureVersion, generatedWith: generatedWith(), layers: [] };
}

export function metadataPath(repo: string): string {
  return join(repo, metadataFileName);
}

/** The file as the Go tool prints it: the path as given joined with the file name (filepath.Join). */
export function metadataDisplayPath(repo: string): string {
  return join(repo, metadataFileName);
}

/** Reads the metadata; undefined when the repository holds none (every repository made before it existed). */
export function loadMetadata(repo: string): RepositoryMetadata | undefined {
  const path = metadataPath(repo);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ENOTDIR') return undefined;
    throw new UserError(`cannot read ${path} (${code ?? (err as Error).message}); check its permissions`);
  }
  let doc: unknown;
  try {
    doc = load(text, { schema: CORE_SCHEMA });
  } catch (err) {
    throw new UserError(`${path} is not valid YAML: ${(err as Error).message.split('\n')[0]}; restore it from Git`);
  }
  const md = (doc ?? {}) as Partial<RepositoryMetadata>;
  if (md.kind !== metadataKind) throw new UserError(`${path} holds kind "${md.kind ?? ''}", expected "${metadataKind}"; restore it from Git`);
  if (md.apiVersion !== metadataApiVersion) {
    throw new UserError(`${path} holds apiVersion "${md.apiVersion ?? ''}", expected "${metadataApiVersion}"; restore it from Git`);
  }
  const layers = Array.isArray(md.layers) ? md.layers : [];
  return {
    apiVersion: md.apiVersion,
    kind: md.kind,
    structureVersion: Number(md.structureVersion ?? 0),
    generatedWith: md.generatedWith,
    layers: layers.map((l) => ({
      kind: String(l.kind ?? ''),
      path: String(l.path ?? ''),
      structureVersion: Number(l.structureVersion ?? 0),
      generatedWith: String(l.generatedWith ?? ''),
    })),
  };
}

function compareLayers(a: MetadataLayer, b: MetadataLayer): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0;
}

export function sortLayers(md: RepositoryMetadata): void {
  md.layers.sort(compareLayers);
}

/** The file's text: the do-not-edit header and the fields with keys sorted, layers by path. */
export function renderMetadata(md: RepositoryMetadata): string {
  sortLayers(md);
  const doc: Record<string, unknown> = { apiVersion: md.apiVersion, kind: md.kind, structureVersion: md.structureVersion, layers: md.layers };
  if (md.generatedWith) doc.generatedWith = md.generatedWith;
  return header + toYaml(doc);
}

/** Records a layer, replacing the entry of the same kind and path: re-running refreshes, never duplicates. */
export function upsertLayer(md: RepositoryMetadata, layer: { kind: string; path: string; structureVersion?: number; generatedWith?: string }): void {
  const full: MetadataLayer = {
    kind: layer.kind,
    path: layer.path,
    structureVersion: layer.structureVersion || structureVersion,
    generatedWith: layer.generatedWith || generatedWith(),
  };
  const at = md.layers.findIndex((l) => l.kind === full.kind && l.path === full.path);
  if (at >= 0) md.layers[at] = full;
  else md.layers.push(full);
}

export function hasLayer(md: RepositoryMetadata, kind: string, path: string): boolean {
  return md.layers.some((l) => l.kind === kind && l.path === path);
}

/** Records the layers not tracked yet and returns them; recorded ones keep their (maybe older) version. */
export function mergeMissing(md: RepositoryMetadata, layers: MetadataLayer[]): MetadataLayer[] {
  const added: MetadataLayer[] = [];
  const known = new Set(md.layers.map((l) => `${l.kind}\0${l.path}`));
  for (const l of layers) {
    if (known.has(`${l.kind}\0${l.path}`)) continue;
    upsertLayer(md, l);
    known.add(`${l.kind}\0${l.path}`);
    added.push(l);
  }
  return added;
}

/** This build wrote to the repository; the repository's structure version only ever moves forward. */
export function stamp(md: RepositoryMetadata): void {
  md.apiVersion = metadataApiVersion;
  md.kind = metadataKind;
  md.generatedWith = generatedWith();
  if (md.structureVersion < structureVersion) md.structureVersion = structureVersion;
}

export function outdatedLayers(md: RepositoryMetadata): MetadataLayer[] {
  return md.layers.filter((l) => l.structureVersion < structureVersion);
}
