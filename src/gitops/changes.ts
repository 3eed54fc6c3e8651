// Works out what a plan changes in a repository, reading only the paths the plan names (so the cost does
// not grow with the repository): directories to make, files to create (an existing file is never
// overwritten, as in the Go tool) and files whose edits change them. Nothing is written here.
import { lstatSync, readFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors';
import { loadMetadata, metadataFileName, newMetadata, renderMetadata, stamp, upsertLayer } from './metadata';
import { defaultFileMode, type Plan } from './plan';

export interface FileWrite {
  /** Relative to the repository root. */
  path: string;
  data: string;
  mode: number;
  /** True when the file exists and is replaced (an edit), false when it is new. */
  replaces: boolean;
}

export interface Changes {
  mkdirs: string[];
  writes: FileWrite[];
}

function stat(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new UserError(`cannot read ${path} (${code}); check the folder's permissions`);
  }
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new UserError(`cannot read ${path} (${(err as NodeJS.ErrnoException).code}); check its permissions`);
  }
}

/** Fails with the plan's one line when something it builds on is missing or a path is taken. */
export function checkPlan(repo: string, plan: Plan): void {
  const root = stat(repo);
  if (!root) throw new UserError(`${repo} does not exist; give --local-path the folder of your cloned GitOps repository`);
  if (!root.isDirectory()) throw new UserError(`${repo} is not a directory; give --local-path the folder of your cloned GitOps repository`);
  for (const r of plan.requires) {
    const s = stat(join(repo, r.path));
    const ok = s && (r.kind === 'dir' ? s.isDirectory() : s.isFile());
    if (!ok) throw new UserError(r.missing);
  }
  for (const r of plan.refuseExisting ?? []) {
    if (stat(join(repo, r.path))) throw new UserError(r.message);
  }
}

export function computeChanges(repo: string, plan: Plan): Changes {
  const mkdirs: string[] = [];
  const writes = new Map<string, FileWrite>();
  const planned = new Set<string>();
  const isDirPlanned = (p: string) => planned.has(p);

  const ensureParents = (rel: string) => {
    const parts = rel.split('/');
    for (let i = 1; i < parts.length; i++) {
      const d = parts.slice(0, i).join('/');
      if (isDirPlanned(d)) continue;
      const s = stat(join(repo, d));
      if (s && !s.isDirectory()) throw new UserError(`${join(repo, d)} is a file where a directory belongs; move it away and run the command again`);
      if (!s) mkdirs.push(d);
      planned.add(d);
    }
  };

  for (const o of plan.objects) {
    const full = join(repo, o.path);
    ensureParents(o.path);
    const s = stat(full);
    if (o.kind === 'dir') {
      if (s && !s.isDirectory()) throw new UserError(`${full} is a file where a directory belongs; move it away and run the command again`);
      if (!s && !isDirPlanned(o.path)) mkdirs.push(o.path);
      planned.add(o.path);
      continue;
    }
    if (s && s.isDirectory()) throw new UserError(`${full} is a directory where a file belongs; move it away and run the command again`);
    if (s) continue; // never overwrite: the file may hold changes made since
    writes.set(o.path, { path: o.path, data: o.data, mode: o.mode, replaces: false });
  }

  for (const path of [...plan.modifiers.keys()].sort()) {
    const modify = plan.modifiers.get(path)!;
    const pending = writes.get(path);
    const full = join(repo, path);
    let current: string;
    let mode = defaultFileMode;
    if (pending) {
      current = pending.data;
    } else {
      const s = stat(full);
      if (!s || !s.isFile()) throw new UserError(`${full} is missing; restore it from Git or re-run the command that creates it`);
      current = readText(full);
      mode = s.mode & 0o777;
    }
    const edited = modify(current, full);
    if (edited === current) continue;
    if (pending) pending.data = edited;
    else writes.set(path, { path, data: edited, mode, replaces: true });
  }

  if (plan.writeMetadata || plan.metadataLayer) {
    const text = metadataText(repo, plan);
    const full = join(repo, metadataFileName);
    const s = stat(full);
    const before = s ? readText(full) : undefined;
    if (text !== before) writes.set(metadataFileName, { path: metadataFileName, data: text, mode: s ? s.mode & 0o777 : defaultFileMode, replaces: Boolean(s) });
  }

  return { mkdirs, writes: [...writes.values()] };
}

/** The metadata as it is after this run: what the repository holds, stamped, with this run's layer. */
export function metadataText(repo: string, plan: Plan): string {
  const md = loadMetadata(repo) ?? newMetadata();
  stamp(md);
  if (plan.metadataLayer) upsertLayer(md, plan.metadataLayer);
  return renderMetadata(md);
}
