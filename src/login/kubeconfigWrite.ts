// Saving login's changes to the kubeconfig the way kubectl (client-go clientcmd.ModifyConfig) decides
// where they go, with a safer write:
//  - an entry that exists goes back to the file that defines it (the first in precedence order);
//  - a new entry goes to the default file: --kubeconfig, else the first existing file of KUBECONFIG
//    (its last one when none exists), else ~/.kube/config;
//  - current-context goes to the first file that sets one, else the default file.
// Each file is changed under client-go's lock (<file>.lock created with O_EXCL, which kubectl config
// takes too), read again under it, edited entry by entry (kubeconfigEdit.ts) and replaced atomically,
// mode 0600. A failure before the rename leaves the file byte for byte as it was.
import { UserError } from '../errors';
import { writeFileAtomic } from '../files';
import { ensurePrivateDir } from './privateDir';
import { parseDoc, editKubeconfigText, type EntryEdit, type FileEdit, type ListKey } from './kubeconfigEdit';

export interface KubeconfigLocation {
  /** Files in precedence order (existing or not). */
  files: string[];
  /** Where new entries go. */
  defaultFile: string;
  explicit: boolean;
}

export function kubeconfigLocation(flag: string | undefined, env: NodeJS.ProcessEnv, cwd = process.cwd()): KubeconfigLocation {
  const path = require('node:path') as typeof import('node:path');
  const fs = require('node:fs') as typeof import('node:fs');
  if (flag) {
    const file = path.resolve(cwd, flag);
    return { files: [file], defaultFile: file, explicit: true };
  }
  if (env.KUBECONFIG) {
    const files = [...new Set(env.KUBECONFIG.split(path.delimiter).filter(Boolean).map((f) => path.resolve(cwd, f)))];
    if (files.length > 0) return { files, defaultFile: files.find((f) => fs.existsSync(f)) ?? files[files.length - 1], explicit: false };
  }
  const home = env.HOME || env.USERPROFILE || (require('node:os') as typeof import('node:os')).homedir();
  const file = path.join(home, '.kube', 'config');
  return { files: [file], defaultFile: file, explicit: false };
}

export interface LoginChange {
  entries: EntryEdit[];
  currentContext?: string;
}

function readText(file: string): string | undefined {
  const fs = require('node:fs') as typeof import('node:fs');
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UserError(`cannot read kubeconfig ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

function namesIn(doc: Record<string, unknown>, list: ListKey): Set<string> {
  const items = Array.isArray(doc[list]) ? (doc[list] as unknown[]) : [];
  return new Set(items.flatMap((i) => (typeof i === 'object' && i !== null && typeof (i as { name?: unknown }).name === 'string' ? [(i as { name: string }).name] : [])));
}

/** Which file each part of the change goes to. */
export function routeChange(location: KubeconfigLocation, change: LoginChange, read: (file: string) => string | undefined = readText): Map<string, FileEdit> {
  const docs = location.files.map((file) => {
    const text = read(file);
    try {
      return { file, doc: text === undefined ? undefined : parseDoc(text) };
    } catch (err) {
      throw new UserError(`kubeconfig ${file} is not valid YAML: ${(err as Error).message.split('\n')[0]}; fix it before logging in`);
    }
  });
  const plan = new Map<string, FileEdit>();
  const editFor = (file: string) => {
    let e = plan.get(file);
    if (!e) plan.set(file, (e = { entries: [] }));
    return e;
  };
  for (const entry of change.entries) {
    const owner = docs.find((d) => d.doc && namesIn(d.doc, entry.list).has(entry.name));
    editFor(owner?.file ?? location.defaultFile).entries.push(entry);
  }
  if (change.currentContext !== undefined) {
    const owner = location.explicit ? undefined : docs.find((d) => d.doc && typeof d.doc['current-context'] === 'string' && d.doc['current-context'] !== '');
    editFor(owner?.file ?? location.defaultFile).currentContext = change.currentContext;
  }
  return plan;
}

/** Applies the change: each file locked, re-read, edited and replaced atomically. */
export async function saveKubeconfig(location: KubeconfigLocation, change: LoginChange): Promise<void> {
  const fs = require('node:fs') as typeof import('node:fs');
  for (const [file, edit] of routeChange(location, change)) {
    const target = realTarget(file);
    const release = await lockKubeconfig(target);
    try {
      const text = readText(target) ?? '';
      const next = editKubeconfigText(text, edit);
      if (next === text && fs.existsSync(target)) continue;
      ensurePrivateDir(require('node:path').dirname(target));
      try {
        writeFileAtomic(target, next, { mode: 0o600 });
      } catch (err) {
        throw new UserError(`cannot write kubeconfig ${target} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); it was left as it was`);
      }
    } finally {
      release();
    }
  }
}

/** A kubeconfig that is a symlink (dotfile managers) is written where it points, keeping the link. */
function realTarget(file: string): string {
  const fs = require('node:fs') as typeof import('node:fs');
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

/**
 * client-go's lockFile: <file>.lock created with O_CREAT|O_EXCL, removed afterwards. client-go gives up at
 * once when it exists; a login waits a few seconds for a concurrent `kubectl config` or login first.
 */
export async function lockKubeconfig(file: string, waitMs = 5000): Promise<() => void> {
  const fs = require('node:fs') as typeof import('node:fs');
  const lock = `${file}.lock`;
  ensurePrivateDir(require('node:path').dirname(file));
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      fs.closeSync(fs.openSync(lock, fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY, 0o600));
      return () => {
        try {
          fs.unlinkSync(lock);
        } catch {
          // already gone
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new UserError(`cannot lock kubeconfig ${file} (${(err as NodeJS.ErrnoException).code}); check that its folder is writable`);
      }
      if (Date.now() >= deadline) {
        throw new UserError(`kubeconfig ${file} is locked by ${lock} (another kubectl config or login is writing it); try again, or remove ${lock} if nothing is running`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** Writes a new kubeconfig file that must not exist yet (--self-contained), atomically and 0600. */
export function writeNewKubeconfig(file: string, text: string): void {
  const fs = require('node:fs') as typeof import('node:fs');
  const path = require('node:path') as typeof import('node:path');
  if (fs.existsSync(file)) throw new UserError(`The destination file ${file} already exists. Please specify a different destination.`);
  const dir = path.dirname(path.resolve(file));
  ensurePrivateDir(dir);
  // Written to a temporary file and linked into place: link() fails if the target appeared meanwhile.
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  writeFileAtomic(temp, text, { mode: 0o600 });
  try {
    fs.linkSync(temp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new UserError(`The destination file ${file} already exists. Please specify a different destination.`);
    throw new UserError(`cannot write ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}
