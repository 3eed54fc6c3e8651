// What one `gitops` command wants done to the repository, before anything is read or written: the
// directories and files it creates (never overwriting a file that exists, as the Go tool), the edits
// ("modifiers") it makes to files that exist or that it creates, and the metadata layer it records.

export type Modifier = (text: string, path: string) => string;

export interface PlannedDir {
  kind: 'dir';
  path: string;
}

export interface PlannedFile {
  kind: 'file';
  path: string;
  data: string;
  /** File mode; the Go tool writes 0600 files (0700 for the git hook). */
  mode: number;
  /** Text printed instead of the data by --dry-run (private key material is never printed). */
  printed?: string;
}

export type PlannedObject = PlannedDir | PlannedFile;

/** Something the command needs to exist before it can run, and the command that creates it. */
export interface Requirement {
  path: string;
  kind: 'dir' | 'file';
  /** One line: what is missing and which command to run first. */
  missing: string;
}

export interface Layer {
  kind: string;
  path: string;
}

export interface Plan {
  objects: PlannedObject[];
  /** Edits by path, applied in path order after the objects are created. */
  modifiers: Map<string, Modifier>;
  /** Checked before anything else; the first that fails is the command's error. */
  requires: Requirement[];
  /** Paths that must not exist yet (e.g. `add app` refuses an app that is configured already). */
  refuseExisting?: Array<{ path: string; message: string }>;
  /** The layer recorded in .gitops-metadata.yaml (implies writeMetadata). */
  metadataLayer?: Layer;
  writeMetadata: boolean;
  /** Modifiers whose result --dry-run prints redacted (they add private key material). */
  secretModifiers?: Set<string>;
}

export const defaultFileMode = 0o600;
export const defaultDirMode = 0o755;

export function dir(path: string): PlannedDir {
  return { kind: 'dir', path };
}

export function file(path: string, data: string, mode = defaultFileMode): PlannedFile {
  return { kind: 'file', path, data, mode };
}

/**
 * Adds a templated file unless it rendered empty: the Go tool renders every template and drops the ones
 * that came out at most one byte long, which is how optional files (a ConfigMap only when values were
 * given) are left out.
 */
export function addFile(objects: PlannedObject[], path: string, data: string, mode = defaultFileMode): void {
  if (Buffer.byteLength(data) <= 1) return;
  objects.push(file(path, data, mode));
}
