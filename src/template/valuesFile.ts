// Reads a user's values file (for a ConfigMap or Secret) and checks it is a YAML mapping, as the chart
// expects; problems are recorded, not thrown, so every bad input is reported together. js-yaml is loaded
// on use: this module is reachable from the command tree, which every command loads.
import { readFileSync } from 'node:fs';
import type { Problems } from './validate';

export interface ValuesFile {
  bytes: Buffer;
  /** The text with trailing spaces trimmed from each line (the Go tool does this for ConfigMaps, so
   * the values print as a readable block instead of one quoted line). */
  text: string;
}

export function readValuesFile(flag: string, path: string, problems: Problems): ValuesFile | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (code ?? 'error');
    problems.add(`--${flag} ${path} cannot be read (${why}); give the path of a YAML values file`);
    return undefined;
  }
  const text = bytes.toString('utf8');
  try {
    const parsed = (require('js-yaml') as typeof import('js-yaml')).load(text);
    if (parsed !== undefined && parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed))) {
      problems.add(`--${flag} ${path} is not a YAML mapping of values (key: value); fix the file`);
      return undefined;
    }
  } catch (err) {
    const reason = (err as Error).message.split('\n')[0];
    problems.add(`--${flag} ${path} is not valid YAML (${reason}); fix the file`);
    return undefined;
  }
  return { bytes, text: text.split('\n').map((l) => l.replace(/ +$/, '')).join('\n') };
}
