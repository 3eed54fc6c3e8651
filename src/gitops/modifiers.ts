// Edits to files that exist (or that the same command creates), as the Go tool's post modifiers make
// them (internal/gitops/filesystem/modifier): each adds what is missing and leaves the rest alone, so
// running a command twice changes nothing the second time.
import { isDeepStrictEqual } from 'node:util';
import type { Modifier } from './plan';
import { listAt, mapAt, parseMap, writeMap } from './yaml';

/** kustomization.yaml: appends the resources it does not list yet. */
export function addResources(resources: string[]): Modifier {
  return (text, path) => {
    const k = parseMap(text, path);
    const list = listAt(k, 'resources', path);
    for (const r of resources) if (!list.includes(r)) list.push(r);
    return writeMap(k);
  };
}

/** A Flux Kustomization: decrypts with SOPS using the given Secret (replacing another one). */
export function setDecryption(secretName: string): Modifier {
  return (text, path) => {
    const k = parseMap(text, path);
    mapAt(k, 'spec', path).decryption = { provider: 'sops', secretRef: { name: secretName } };
    return writeMap(k);
  };
}

/** A Flux Kustomization: adds postBuild substitutions that are not set yet. */
export function addPostBuild(envs: Record<string, string>): Modifier {
  return (text, path) => {
    const k = parseMap(text, path);
    const postBuild = mapAt(mapAt(k, 'spec', path), 'postBuild', path);
    const substitute = mapAt(postBuild, 'substitute', path);
    for (const [name, value] of Object.entries(envs)) if (!(name in substitute)) substitute[name] = value;
    return writeMap(k);
  };
}

export type SopsRule = { encrypted_regex: string; path_regex: string; pgp: string };

export function sopsRule(pathRegex: string, fingerprint: string): SopsRule {
  return { encrypted_regex: '^(data|stringData)$', path_regex: pathRegex, pgp: fingerprint };
}

/** .sops.yaml: appends creation rules that are not there yet. */
export function addSopsRules(rules: SopsRule[]): Modifier {
  return (text, path) => {
    const config = parseMap(text, path);
    const list = listAt(config, 'creation_rules', path);
    for (const rule of rules) if (!list.some((r) => isDeepStrictEqual(r, rule))) list.push(rule);
    return writeMap(config);
  };
}

/** A Secret: adds data keys (base64 of the value) it does not hold yet. */
export function addSecretKeys(keys: Record<string, string>): Modifier {
  return (text, path) => {
    const secret = parseMap(text, path);
    const data = mapAt(secret, 'data', path);
    for (const [name, value] of Object.entries(keys)) if (!(name in data)) data[name] = Buffer.from(value, 'utf8').toString('base64');
    return writeMap(secret);
  };
}

/**
 * An App CR: marks spec.version as a Flux image-policy setter. Text, not YAML, is edited (as the Go
 * tool does) so the rest of the file keeps its form; only the spec's own `version:` line is marked, where
 * the Go tool's pattern also caught the `app-operator.giantswarm.io/version` label of in-cluster apps.
 */
export function markImagePolicy(namespace: string, policy: string): Modifier {
  return (text) => text.replace(/^( {2}version:)[ \t]([v0-9.]*).*\n/m, `$1 $2 # {"$$imagepolicy": "${namespace}:${policy}:tag"}\n`);
}
