// How values are merged (App platform, then Helm) and read out of chart archives.
import { gzipSync } from 'node:zlib';
import { fileFromChartArchive, helmMerge, mergoOverride, valuesSources } from '../../../src/charts';

function tar(files: Array<[string, string, string?]>): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, text, type = '0'] of files) {
    const data = Buffer.from(text);
    const h = Buffer.alloc(512);
    h.write(name, 0, 100);
    h.write(data.length.toString(8).padStart(11, '0') + '\0', 124);
    h.write(type, 156);
    h.write('ustar\0', 257);
    blocks.push(h, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  return gzipSync(Buffer.concat([...blocks, Buffer.alloc(1024)]));
}

describe('values merging', () => {
  it("mergo WithOverride: maps merged, empty values (0, false, '') do not replace, missing keys are taken", () => {
    expect(mergoOverride({ a: { b: 1, c: 2 }, d: 5, e: true }, { a: { b: 3 }, d: 0, e: false, f: 0 })).toEqual({ a: { b: 3, c: 2 }, d: 5, e: true, f: 0 });
  });

  it('Helm merge: any value replaces', () => {
    expect(helmMerge({ a: { b: 1, c: 2 }, d: 5 }, { a: { b: 0 }, d: false })).toEqual({ a: { b: 0, c: 2 }, d: false });
  });

  it("lists the layers in the App platform's order, ConfigMaps then Secrets, extra configs by priority", () => {
    const app = {
      spec: {
        config: { configMap: { name: 'cluster', namespace: 'n' }, secret: { name: 'cluster-s', namespace: 'n' } },
        userConfig: { configMap: { name: 'user', namespace: 'n' } },
        extraConfigs: [{ name: 'late', namespace: 'n', priority: 120 }, { name: 'early', namespace: 'n' }, { kind: 'secret', name: 'mid-s', namespace: 'n', priority: 75 }],
      },
    };
    const catalog = { spec: { config: { configMap: { name: 'catalog', namespace: 'c' } } } };
    expect(valuesSources(app, catalog).map((s) => `${s.kind}:${s.name}`)).toEqual([
      'configMap:catalog', 'configMap:early', 'configMap:cluster', 'configMap:user', 'configMap:late', 'secret:cluster-s', 'secret:mid-s',
    ]);
  });
});

describe('chart archives', () => {
  it('finds a file by its path, also behind a PAX path record', () => {
    const archive = tar([['c/Chart.yaml', 'name: c\n'], ['pax', '30 path=c/templates/values.yaml\n', 'x'], ['ignored', 'x: 1\n'], ['c/values.yaml', 'replicas: 1\n']]);
    expect(fileFromChartArchive(archive, 'c/values.yaml', 'u')?.toString()).toBe('replicas: 1\n');
    expect(fileFromChartArchive(archive, 'c/templates/values.yaml', 'u')?.toString()).toBe('x: 1\n');
    expect(fileFromChartArchive(archive, 'c/missing.yaml', 'u')).toBeUndefined();
    expect(() => fileFromChartArchive(Buffer.from('not gzip'), 'c/values.yaml', 'u')).toThrow('is not gzip-compressed');
  });
});
