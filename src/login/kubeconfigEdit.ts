// Edits a kubeconfig file's text the way a careful person would: only the entries that change are
// rewritten (in kubectl's layout: block style, keys sorted, lists not indented under their key);
// every other byte of the file (other entries, comments, order, quoting) stays as it was. client-go's
// ModifyConfig re-serialises the whole file; this keeps what users wrote by hand.
//
// The file is scanned line by line for the top-level lists clusters/users/contexts and current-context.
// A file laid out otherwise (JSON, flow style, anchors, tabs...) is rewritten whole, as client-go would.
// Either way the result is parsed again and compared with the intended configuration; on any
// difference the whole-file rewrite is used, so an edit can never change what the file means beyond
// the entries asked for.
import type { DumpOptions } from 'js-yaml';

export type ListKey = 'clusters' | 'users' | 'contexts';
const bodyKey: Record<ListKey, string> = { clusters: 'cluster', users: 'user', contexts: 'context' };

type Obj = Record<string, unknown>;

export interface EntryEdit {
  list: ListKey;
  name: string;
  /** The entry's new body (the value under cluster:/user:/context:) from its current one (undefined: new entry). */
  update(body: Obj | undefined): Obj;
}

export interface FileEdit {
  entries: EntryEdit[];
  currentContext?: string;
}

const dumpOptions: DumpOptions = { sortKeys: true, lineWidth: -1, noArrayIndent: true, noRefs: true };

function yaml(): typeof import('js-yaml') {
  return require('js-yaml') as typeof import('js-yaml');
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The configuration the edit should produce, as data (also the whole-file rewrite's content). */
export function applyEdit(doc: Obj, edit: FileEdit): Obj {
  const out: Obj = structuredClone(doc);
  for (const e of edit.entries) {
    const list = Array.isArray(out[e.list]) ? (out[e.list] as unknown[]) : [];
    out[e.list] = list;
    const index = list.findIndex((item) => isObj(item) && item.name === e.name);
    const current = index >= 0 && isObj((list[index] as Obj)[bodyKey[e.list]]) ? ((list[index] as Obj)[bodyKey[e.list]] as Obj) : undefined;
    const entry = { [bodyKey[e.list]]: e.update(current ? structuredClone(current) : undefined), name: e.name };
    if (index >= 0) list[index] = { ...(list[index] as Obj), ...entry };
    else list.push(entry);
  }
  if (edit.currentContext !== undefined) out['current-context'] = edit.currentContext;
  return out;
}

/** A fresh kubeconfig in kubectl's layout (top-level keys in kubectl's order). */
export function wholeFile(doc: Obj): string {
  const base: Obj = { apiVersion: 'v1', clusters: [], contexts: [], 'current-context': '', kind: 'Config', preferences: {}, users: [] };
  const merged: Obj = { ...base, ...doc };
  for (const k of ['clusters', 'contexts', 'users']) if (merged[k] === null || merged[k] === undefined) merged[k] = [];
  return yaml().dump(merged, dumpOptions);
}

export function parseDoc(text: string): Obj {
  if (text.trim() === '') return {};
  const doc = yaml().load(text);
  if (doc === null || doc === undefined) return {};
  if (!isObj(doc)) throw new Error('not a kubeconfig (expected a mapping)');
  return doc;
}

/** The new text of a kubeconfig file: the edited entries replaced or added, everything else untouched. */
export function editKubeconfigText(text: string, edit: FileEdit): string {
  const doc = parseDoc(text);
  const want = applyEdit(doc, edit);
  let edited: string | undefined;
  try {
    edited = text.trim() === '' ? undefined : editInPlace(text, doc, edit, want);
  } catch {
    edited = undefined;
  }
  if (edited !== undefined && sameData(parseDoc(edited), want)) return edited;
  return wholeFile(want);
}

function sameData(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (isObj(v)) return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical(v[k])]));
  return v;
}

interface TopKey {
  key: string;
  line: number;
  rest: string;
}

/** The span-replacing edit; undefined when the layout is not one it handles. */
function editInPlace(text: string, doc: Obj, edit: FileEdit, want: Obj): string | undefined {
  if (/\t/.test(text) || /^\s*[{[]/.test(text) || /(^|\s)[&*!][^\s]/m.test(text.replace(/#.*$/gm, '').replace(/'[^'\n]*'|"[^"\n]*"/g, ''))) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const endsWithEol = text.endsWith(eol);
  const lines = (endsWithEol ? text.slice(0, -eol.length) : text).split(eol);
  if (lines.some((l) => l === '---' || l === '...')) return undefined;

  const topKeys = (): TopKey[] => {
    const found: TopKey[] = [];
    lines.forEach((l, i) => {
      const m = /^([A-Za-z0-9_-]+):(.*)$/.exec(l);
      if (m) found.push({ key: m[1], line: i, rest: m[2] });
    });
    return found;
  };

  const lists = new Set(edit.entries.map((e) => e.list));
  for (const list of lists) {
    const entries = edit.entries.filter((e) => e.list === list);
    const key = topKeys().find((k) => k.key === list);
    const items = entries.map((e) => ({ e, text: itemText(want, list, e.name) }));
    if (!key) {
      // No such list yet: append it at the end of the file.
      lines.push(`${list}:`, ...items.flatMap((i) => i.text));
      continue;
    }
    const rest = key.rest.replace(/\s+#.*$/, '').trim();
    if (rest === '[]' || rest === 'null' || rest === '~') {
      lines.splice(key.line, 1, `${list}:`, ...items.flatMap((i) => i.text));
      continue;
    }
    if (rest !== '') return undefined;
    const block = listBlock(lines, key.line);
    if (!block) return undefined;
    for (const { e, text: newItem } of items) {
      const current = listBlock(lines, key.line)!;
      const spans = current.items.map((span) => ({ span, name: itemName(lines, span, current.indent) }));
      if (spans.some((s) => s.name === null)) return undefined;
      const match = spans.find((s) => s.name === e.name);
      const indented = newItem.map((l) => (current.indent && l ? ' '.repeat(current.indent) + l : l));
      if (match) lines.splice(match.span.start, match.span.end - match.span.start, ...indented);
      else lines.splice(current.end, 0, ...indented);
    }
  }
  if (edit.currentContext !== undefined) {
    const key = topKeys().find((k) => k.key === 'current-context');
    const value = yaml().dump(edit.currentContext, dumpOptions).trimEnd();
    if (key) {
      if (/^\s*[|>]/.test(key.rest)) return undefined;
      lines[key.line] = `current-context: ${value}`;
    } else {
      lines.push(`current-context: ${value}`);
    }
  }
  void doc;
  return lines.join(eol) + (endsWithEol || lines.length > 0 ? eol : '');
}

/** An item of a list in kubectl's layout: `- cluster:` ... `  name: x`, as lines without indentation. */
function itemText(want: Obj, list: ListKey, name: string): string[] {
  const item = (want[list] as Obj[]).find((i) => isObj(i) && i.name === name);
  return yaml().dump([item], dumpOptions).trimEnd().split('\n');
}

interface Span {
  start: number;
  /** One past the last line of the item (trailing blank and comment lines excluded). */
  end: number;
}

/** The items of the block list under the top-level key on line `keyLine`; undefined if not a block list. */
function listBlock(lines: string[], keyLine: number): { indent: number; items: Span[]; end: number } | undefined {
  let indent = -1;
  const items: Span[] = [];
  let lastContent = keyLine;
  let i = keyLine + 1;
  for (; i < lines.length; i++) {
    const l = lines[i];
    if (l.trim() === '' || /^\s*#/.test(l)) continue;
    const lead = l.length - l.trimStart().length;
    if (indent < 0) {
      const m = /^( *)-( |$)/.exec(l);
      if (!m) return undefined;
      indent = m[1].length;
    }
    const isDash = lead === indent && /^-( |$)/.test(l.slice(indent));
    if (lead < indent || (lead === indent && !isDash) || (indent === 0 && lead === 0 && !isDash)) break;
    if (isDash) {
      if (items.length) items[items.length - 1].end = lastContent + 1;
      items.push({ start: i, end: i + 1 });
    }
    lastContent = i;
  }
  if (items.length) items[items.length - 1].end = lastContent + 1;
  return { indent: Math.max(indent, 0), items, end: lastContent + 1 };
}

/** The name of the item in `span` (parsed on its own), or null when it cannot be read. */
function itemName(lines: string[], span: Span, indent: number): string | null {
  try {
    const text = lines.slice(span.start, span.end).map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length))).join('\n');
    const parsed = yaml().load(text);
    const item = Array.isArray(parsed) && parsed.length === 1 ? parsed[0] : undefined;
    return isObj(item) && typeof item.name === 'string' ? item.name : null;
  } catch {
    return null;
  }
}
