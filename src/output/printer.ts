// The printers every `get`-style command shares: a table (default), json, yaml, name and templates
// (jsonpath, go-template), for a list that arrives page by page or for one object. Lists stream: each page
// is written as soon as it arrives (json/yaml items inside one `List`, exactly as kubectl wraps them), so
// memory stays at one page. Two exceptions need every object before the first line: a table with a row
// order of its own (PrintOptions.rowOrder), which holds each row's cells and sort key (never the objects),
// and a template, which is run once on the whole List, as kubectl runs it.
import type { KubeObject } from '../kube';
import { toJson, toJsonIndented } from './json';
import { resourceName } from './name';
import { Sink } from './sink';
import { TableWriter } from './table';
import { toYaml, toYamlSequenceItem } from './yaml';
import type { OutputStream } from '../deps';
import type { OutputFormat, Render } from './outputChoice';

export type { OutputFormat } from './outputChoice';

export interface TableSpec {
  headers: string[];
  /** The cells of one object's row, in header order. */
  row(obj: KubeObject): string[];
}

export interface PrintOptions {
  format: OutputFormat;
  /** For the template format: renders the object, or the List of all objects. */
  render?: Render;
  /** Keeps metadata.managedFields in json/yaml/template output (kubectl's --show-managed-fields). */
  showManagedFields?: boolean;
  table: TableSpec;
  /** Prepends a NAMESPACE column, as kubectl does with --all-namespaces. */
  withNamespace?: boolean;
  noHeaders?: boolean;
  /** Kind and group for `-o name` when an object lacks apiVersion/kind. */
  kind: string;
  group: string;
  /** Table rows in this order instead of the server's (ties keep the server's); json/yaml/name ignore it. */
  rowOrder?: RowOrder<unknown>;
}

/** A sort for table rows: a small key taken from each object, and how two keys compare (as Array.sort). */
export interface RowOrder<K> {
  key(obj: KubeObject): K;
  compare(a: K, b: K): number;
}

/**
 * What kubectl shows of an object in json/yaml: everything but metadata.managedFields (kubectl hides them
 * unless --show-managed-fields), with apiVersion and kind filled in from the list when the server left
 * them out of list items.
 */
export function displayObject(obj: KubeObject, showManagedFields = false): KubeObject {
  if (showManagedFields || obj.metadata.managedFields === undefined) return obj;
  const { managedFields: _hidden, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}

/** The List kubectl wraps a listing in for json, yaml and templates (v1 List, empty resourceVersion). */
function listOf(items: KubeObject[]): { apiVersion: 'v1'; items: KubeObject[]; kind: 'List'; metadata: { resourceVersion: '' } } {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}

function tableFor(sink: Sink, opts: PrintOptions): { writer: TableWriter; row: (o: KubeObject) => string[] } {
  const headers = opts.withNamespace ? ['NAMESPACE', ...opts.table.headers] : opts.table.headers;
  const row = opts.withNamespace ? (o: KubeObject) => [o.metadata.namespace ?? '', ...opts.table.row(o)] : opts.table.row;
  return { writer: new TableWriter(sink, { headers, noHeaders: opts.noHeaders }), row };
}

/** Prints objects that arrive in pages; call end() once after the last page. */
export class ListPrinter {
  private readonly sink: Sink;
  private readonly table?: { writer: TableWriter; row: (o: KubeObject) => string[] };
  /** With a rowOrder: the rows read so far, written sorted by end(). */
  private held?: { key: unknown; cells: string[] }[];
  /** For a template: the objects read so far; a template sees the whole List at once, as in kubectl. */
  private collected?: KubeObject[];
  private printed = 0;

  constructor(out: OutputStream, private readonly opts: PrintOptions) {
    this.sink = new Sink(out);
    if (opts.format === 'table') this.table = tableFor(this.sink, opts);
    if (this.table && opts.rowOrder) this.held = [];
    if (opts.format === 'template') this.collected = [];
  }

  /** How many objects have been printed (or, for a sorted table, taken in) so far. */
  get count(): number {
    return this.printed;
  }

  async page(items: KubeObject[]): Promise<void> {
    if (items.length === 0) return;
    const first = this.printed === 0;
    this.printed += items.length;
    const shown = (o: KubeObject) => displayObject(o, this.opts.showManagedFields);
    switch (this.opts.format) {
      case 'table':
        if (this.held) {
          for (const o of items) this.held.push({ key: this.opts.rowOrder!.key(o), cells: this.table!.row(o) });
          return;
        }
        return this.table!.writer.writeRows(items.map(this.table!.row));
      case 'name':
        return this.sink.write(items.map((o) => resourceName(o, this.opts)).join(''));
      case 'json': {
        const body = items.map((o) => '        ' + toJsonIndented(shown(o), '        ')).join(',\n');
        return this.sink.write((first ? '{\n    "apiVersion": "v1",\n    "items": [\n' : ',\n') + body);
      }
      case 'yaml': {
        const body = items.map((o) => toYamlSequenceItem(shown(o))).join('');
        return this.sink.write((first ? 'apiVersion: v1\nitems:\n' : '') + body);
      }
      case 'template':
        for (const o of items) this.collected!.push(shown(o));
        return;
    }
  }

  /**
   * Writes a sorted table or a template's output; closes the List for json/yaml (an empty List when nothing
   * was printed, as kubectl prints).
   */
  async end(): Promise<void> {
    if (this.collected) {
      const items = this.collected;
      this.collected = [];
      return this.sink.write(this.opts.render!(listOf(items)));
    }
    if (this.held) {
      const order = this.opts.rowOrder!;
      // Array.prototype.sort is stable: rows with equal keys stay in the order the server sent them.
      const rows = this.held.sort((a, b) => order.compare(a.key, b.key)).map((r) => r.cells);
      this.held = [];
      // One call, so every column is as wide as its widest cell in the whole list.
      return this.table!.writer.writeRows(rows);
    }
    const tail = '"kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n';
    if (this.opts.format === 'json') {
      await this.sink.write(this.printed === 0 ? `{\n    "apiVersion": "v1",\n    "items": [],\n    ${tail}` : `\n    ],\n    ${tail}`);
    } else if (this.opts.format === 'yaml') {
      await this.sink.write((this.printed === 0 ? 'apiVersion: v1\nitems: []\n' : '') + 'kind: List\nmetadata:\n  resourceVersion: ""\n');
    }
  }
}

/** Prints one object on its own: a one-row table, or the object itself in json/yaml (not wrapped in a List). */
export async function printObject(out: OutputStream, obj: KubeObject, opts: PrintOptions): Promise<void> {
  const sink = new Sink(out);
  switch (opts.format) {
    case 'table': {
      const t = tableFor(sink, opts);
      return t.writer.writeRows([t.row(obj)]);
    }
    case 'name':
      return sink.write(resourceName(obj, opts));
    case 'json':
      return sink.write(toJson(displayObject(obj, opts.showManagedFields)));
    case 'yaml':
      return sink.write(toYaml(displayObject(obj, opts.showManagedFields)));
    case 'template':
      return sink.write(opts.render!(displayObject(obj, opts.showManagedFields)));
  }
}
