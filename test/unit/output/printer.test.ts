import type { KubeObject } from '../../../src/kube/client';
import { toJson } from '../../../src/output/json';
import { ListPrinter, printObject, type PrintOptions } from '../../../src/output/printer';
import { toYaml } from '../../../src/output/yaml';
import { captureStream } from '../../support/fakeDeps';

const widget = (name: string): KubeObject => ({
  kind: 'Widget',
  apiVersion: 'example.com/v1',
  metadata: { name, namespace: 'default', labels: { b: '12.0.0', a: 'yes' }, managedFields: [{ manager: 'x' }], annotations: { d: 'x<y & z>', m: 'line1\nline2' } },
  spec: { t: '2021-01-02T15:04:32Z', e: '', s: 'on', list: [{ k: 1 }] },
});

const opts = (format: PrintOptions['format']): PrintOptions => ({
  format,
  kind: 'Widget',
  group: 'example.com',
  table: { headers: ['NAME'], row: (o) => [o.metadata.name] },
});

async function list(format: PrintOptions['format'], pages: KubeObject[][]): Promise<string> {
  const out = captureStream();
  const p = new ListPrinter(out, opts(format));
  for (const page of pages) await p.page(page);
  await p.end();
  return out.text();
}

describe('output formats', () => {
  it('runs a template once on the whole List, after the last page, without managedFields', async () => {
    const seen: unknown[] = [];
    const render = (data: unknown) => {
      seen.push(data);
      return `${(data as { items: KubeObject[] }).items.map((o) => o.metadata.name).join(' ')}`;
    };
    const out = captureStream();
    const p = new ListPrinter(out, { ...opts('template'), render });
    await p.page([widget('a')]);
    await p.page([widget('b'), widget('c')]);
    expect(out.text()).toBe('');
    expect(p.count).toBe(3);
    await p.end();
    expect(out.text()).toBe('a b c');
    expect(seen).toHaveLength(1);
    const listed = seen[0] as { apiVersion: string; kind: string; metadata: unknown; items: KubeObject[] };
    expect([listed.apiVersion, listed.kind, listed.metadata]).toEqual(['v1', 'List', { resourceVersion: '' }]);
    expect(listed.items[0].metadata.managedFields).toBeUndefined();
    expect(listed.items[0].metadata.labels).toEqual({ b: '12.0.0', a: 'yes' });
  });

  it('gives a template an empty List when nothing was listed, and one object as itself', async () => {
    const render = (data: unknown) => JSON.stringify(data);
    const empty = captureStream();
    const p = new ListPrinter(empty, { ...opts('template'), render });
    await p.end();
    expect(empty.text()).toBe('{"apiVersion":"v1","items":[],"kind":"List","metadata":{"resourceVersion":""}}');
    const one = captureStream();
    await printObject(one, widget('a'), { ...opts('template'), render: (o) => (o as KubeObject).kind + '/' + (o as KubeObject).metadata.name });
    expect(one.text()).toBe('Widget/a');
  });

  it('keeps managedFields with --show-managed-fields', async () => {
    const out = captureStream();
    await printObject(out, widget('a'), { ...opts('json'), showManagedFields: true });
    expect(JSON.parse(out.text()).metadata.managedFields).toEqual([{ manager: 'x' }]);
    const hidden = captureStream();
    await printObject(hidden, widget('a'), opts('json'));
    expect(JSON.parse(hidden.text()).metadata.managedFields).toBeUndefined();
  });

  it('writes JSON as kubectl does: sorted keys, 4 spaces, Go HTML escapes, no managedFields', () => {
    const text = toJson({ b: 1, a: { d: 'x<y & z>', c: [2, 1] } });
    expect(text).toBe('{\n    "a": {\n        "c": [\n            2,\n            1\n        ],\n        "d": "x\\u003cy \\u0026 z\\u003e"\n    },\n    "b": 1\n}\n');
  });

  it('streams a json List across pages that parses to kubectl\'s List', async () => {
    const text = await list('json', [[widget('a')], [widget('b'), widget('c')]]);
    const parsed = JSON.parse(text);
    expect(parsed.apiVersion).toBe('v1');
    expect(parsed.kind).toBe('List');
    expect(parsed.metadata).toEqual({ resourceVersion: '' });
    expect(parsed.items.map((i: KubeObject) => i.metadata.name)).toEqual(['a', 'b', 'c']);
    expect(parsed.items[0].metadata.managedFields).toBeUndefined();
    // The layout of one item is exactly toJson's, indented by two levels.
    const single = toJson({ ...widget('a'), metadata: { ...widget('a').metadata, managedFields: undefined } });
    expect(text).toContain(single.trimEnd().replace(/\n/g, '\n        '));
  });

  it('prints an empty List in json and yaml', async () => {
    expect(await list('json', [[]])).toBe('{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n');
    expect(await list('yaml', [])).toBe('apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n');
  });

  it('streams a yaml List with sequence items at the top level', async () => {
    const text = await list('yaml', [[widget('a')], [widget('b')]]);
    expect(text).toMatch(/^apiVersion: v1\nitems:\n- apiVersion: example.com\/v1\n  kind: Widget\n  metadata:\n/);
    expect(text).toContain('\n- apiVersion: example.com/v1\n  kind: Widget\n  metadata:\n    annotations:\n');
    expect(text.endsWith('kind: List\nmetadata:\n  resourceVersion: ""\n')).toBe(true);
  });

  it('quotes YAML strings that YAML 1.1 would read as something else', () => {
    const text = toYaml({ a: 'yes', s: 'on', v: '12.0.0', n: '123', t: '2021-01-02T15:04:32Z', e: '', m: 'l1\nl2', list: [{ k: 1 }] });
    expect(text).toBe('a: "yes"\ne: ""\nlist:\n- k: 1\nm: |-\n  l1\n  l2\n"n": "123"\ns: "on"\nt: "2021-01-02T15:04:32Z"\nv: 12.0.0\n');
  });

  it('prints names as <kind>.<group>/<name>', async () => {
    expect(await list('name', [[widget('a'), widget('b')]])).toBe('widget.example.com/a\nwidget.example.com/b\n');
    const out = captureStream();
    await printObject(out, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } }, opts('name'));
    expect(out.text()).toBe('pod/p\n');
  });

  it('prints a single object as itself, and a table row for it', async () => {
    const json = captureStream();
    await printObject(json, widget('a'), opts('json'));
    expect(JSON.parse(json.text()).kind).toBe('Widget');
    const table = captureStream();
    await printObject(table, widget('a'), opts('table'));
    expect(table.text()).toBe('NAME\na\n');
  });
});

describe('a table with its own row order', () => {
  // Descending by name; the key is the name's first letter, so "b1" and "b2" tie.
  const byLetterDesc: PrintOptions = { ...opts('table'), rowOrder: { key: (o) => o.metadata.name[0], compare: (a, b) => (b as string).localeCompare(a as string) } };

  it('holds the rows until end(), then writes them sorted across pages, ties in arrival order', async () => {
    const out = captureStream();
    const p = new ListPrinter(out, byLetterDesc);
    await p.page([widget('a1'), widget('b2')]);
    await p.page([widget('c1'), widget('b1')]);
    expect(out.text()).toBe('');
    expect(p.count).toBe(4);
    await p.end();
    expect(out.text()).toBe('NAME\nc1\nb2\nb1\na1\n');
  });

  it('writes nothing for an empty list and leaves the other formats in arrival order', async () => {
    const empty = captureStream();
    const p = new ListPrinter(empty, byLetterDesc);
    await p.page([]);
    await p.end();
    expect(empty.text()).toBe('');
    const names = captureStream();
    const n = new ListPrinter(names, { ...byLetterDesc, format: 'name' });
    await n.page([widget('a1'), widget('c1')]);
    await n.end();
    expect(names.text()).toBe('widget.example.com/a1\nwidget.example.com/c1\n');
  });
});
