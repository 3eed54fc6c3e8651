// YAML as kubectl prints it, as far as a YAML 1.2 emitter allows: keys sorted, sequences not indented
// under their key, double quotes where quoting is needed, and strings YAML 1.1 would read as something
// else ("yes", "on", "12", timestamps) quoted, so the output can be fed back to kubectl unchanged.
// src/yamlDump.ts writes it (js-yaml's dump is the definition, loaded only when needed).
import { dumpYaml } from '../yamlDump';

/** One value as a YAML document (no "---"), ending in a newline. */
export function toYaml(value: unknown): string {
  return dumpYaml(value);
}

/** One item of a top-level sequence: "- " before the first line, two spaces before the others. */
export function toYamlSequenceItem(value: unknown): string {
  const text = toYaml(value);
  return '- ' + text.slice(0, -1).replace(/\n/g, '\n  ') + '\n';
}
