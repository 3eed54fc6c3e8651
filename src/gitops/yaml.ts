// Reading and re-writing YAML the way the Go tool's modifiers do (sigs.k8s.io/yaml): the document is
// loaded into plain maps and written back with sorted keys, so comments and quoting are not kept.
import { CORE_SCHEMA, load } from 'js-yaml';
import { UserError } from '../errors';
import { toYaml } from '../template/yaml';

export type YamlMap = Record<string, unknown>;

export function parseMap(text: string, path: string): YamlMap {
  let doc: unknown;
  try {
    doc = load(text, { schema: CORE_SCHEMA, filename: path });
  } catch (err) {
    const reason = (err as Error).message.split('\n')[0];
    throw new UserError(`${path} is not valid YAML (${reason}); fix or restore the file`);
  }
  if (doc === undefined || doc === null) return {};
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new UserError(`${path} is not a YAML mapping; fix or restore the file`);
  const map = doc as YamlMap;
  // The Go tool decrypts SOPS files with the user's keys before editing them; without those keys an edit
  // would write the encrypted values back as if they were plain, so such files are left to the user.
  if ('sops' in map) throw new UserError(`${path} is encrypted with SOPS; decrypt it (sops --decrypt --in-place ${path}) and run the command again`);
  return map;
}

export function writeMap(map: YamlMap): string {
  return toYaml(map);
}

export function mapAt(map: YamlMap, key: string, path: string): YamlMap {
  const value = map[key];
  if (value === undefined || value === null) {
    const created: YamlMap = {};
    map[key] = created;
    return created;
  }
  if (typeof value !== 'object' || Array.isArray(value)) throw new UserError(`${path}: ${key} is not a mapping; fix the file`);
  return value as YamlMap;
}

export function listAt(map: YamlMap, key: string, path: string): unknown[] {
  const value = map[key];
  if (value === undefined || value === null) {
    const created: unknown[] = [];
    map[key] = created;
    return created;
  }
  if (!Array.isArray(value)) throw new UserError(`${path}: ${key} is not a list; fix the file`);
  return value;
}
