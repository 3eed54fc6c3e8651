// Creating test objects on the shared server without fighting other suites over them: what exists is
// left alone (several suites install the same CRDs), and reading an object back is one call.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kubectl, kubectlOk } from './env';

export const sharedCrdDir = join(__dirname, '../crds');

/** kubectl create of a manifest (a List or a multi-document YAML); AlreadyExists is not an error. */
export async function createIfMissing(manifest: string | object, extraArgs: string[] = []): Promise<void> {
  const input = typeof manifest === 'string' ? manifest : JSON.stringify(manifest);
  const r = await kubectl(['create', '-f', '-', '-o', 'name', ...extraArgs], { input });
  const unexpected = r.stderr.split('\n').filter((l) => l.trim() && !l.includes('AlreadyExists') && !l.includes('already exists'));
  if (r.code !== 0 && unexpected.length) throw new Error(`kubectl create failed: ${unexpected.join(' ')}`);
}

/** Creates the CRDs of the given fixture files (missing ones only) and waits until they are served. */
export async function installCrdFiles(files: string[], names: string[]): Promise<void> {
  // --validate=false: kubectl checks CRDs against the 1.20 server's OpenAPI, which predates the CEL rules
  // (x-kubernetes-validations) of upstream CRDs; the server itself accepts and ignores them.
  for (const file of files) await createIfMissing(readFileSync(file, 'utf8'), ['--validate=false']);
  await kubectlOk(['wait', '--for', 'condition=Established', '--timeout', '60s', ...names.map((n) => `crd/${n}`)]);
}

/** One object as the server has it now (JSON), e.g. readBack('apps.application.giantswarm.io', 'x', 'ns'). */
export async function readBack(resource: string, name: string, namespace?: string): Promise<any> {
  return JSON.parse(await kubectlOk(['get', resource, name, ...(namespace ? ['-n', namespace] : []), '-o', 'json', '--show-managed-fields']));
}

/** A List of objects, for createIfMissing. */
export const list = (items: object[]) => ({ apiVersion: 'v1', kind: 'List', items });
