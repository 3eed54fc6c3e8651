// --dry-run: the tree a command would write, printed as the Go tool's creator prints it (## CREATE ##,
// ## MODIFY ##, ## METADATA ##). Edits are printed in path order (the Go tool's order is a map's, so it
// varies from run to run); private key material is printed as a placeholder.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { metadataText } from './changes';
import { metadataDisplayPath } from './metadata';
import type { Plan } from './plan';

const keyLine = /^(\s+\S+\.asc: ).*$/gm;
const placeholder = '$1<private key, written only on a real run>';

export function printPlan(repo: string, plan: Plan): string {
  let out = '\n## CREATE ##\n';
  let gap = '';
  for (const o of plan.objects) {
    if (o.kind === 'dir') {
      out += `${repo}/${o.path}\n`;
      gap = '\n\n';
      continue;
    }
    const data = (o.printed ?? o.data).trim();
    if (data === '') continue;
    out += `${repo}/${o.path}\n${data}\n\n`;
    gap = '\n';
  }
  if (plan.modifiers.size > 0) out += `${gap}## MODIFY ##\n`;
  for (const path of [...plan.modifiers.keys()].sort()) {
    const full = `${repo}/${path}`;
    let current: string | undefined;
    try {
      current = readFileSync(join(repo, path), 'utf8');
    } catch {
      const planned = plan.objects.find((o) => o.path === path);
      current = planned?.kind === 'file' ? planned.data : undefined;
    }
    if (current === undefined) continue;
    let edited = plan.modifiers.get(path)!(current, join(repo, path));
    if (plan.secretModifiers?.has(path)) edited = edited.replace(keyLine, placeholder);
    out += `${full}\n${edited}\n`;
  }
  if (plan.writeMetadata || plan.metadataLayer) {
    out += `\n## METADATA ##\n${metadataDisplayPath(repo)}\n${metadataText(repo, plan).trim()}\n`;
  }
  return out;
}

export function redactKeys(text: string): string {
  return text.replace(keyLine, placeholder);
}
