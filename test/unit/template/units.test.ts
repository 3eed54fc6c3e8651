// The building blocks: subnet layout, CIDR/semver/duration parsing and the schema validator.
import { layoutSubnets } from '../../../src/template/cluster/subnets';
import { formatTimeout, parseGoDuration } from '../../../src/template/duration';
import { validateSchema } from '../../../src/template/schema';
import { awsSchema, cloudDirectorSchema, vsphereSchema } from '../../../src/template/chartSchemas';
import { checkCidr, compareSemver, isSemver, parseIpv4Cidr } from '../../../src/template/validate';
import { catalogValuesSuffix } from '../../../src/template/catalogTemplate';

const vpc = (text: string) => ({ vpc: parseIpv4Cidr(text)!, vpcText: text });

describe('subnet layout (as the Go kubectl-gs cuts VPCs)', () => {
  it('public cluster, 3 zones in a /16: one /18 chunk of /20 public subnets, three /18 private', () => {
    expect(layoutSubnets({ ...vpc('10.123.0.0/16'), zones: 3, proxyPrivate: false, privateMask: 18, publicMask: 20 })).toEqual({
      private: [
        { availabilityZone: 'a', cidr: '10.123.64.0/18' },
        { availabilityZone: 'b', cidr: '10.123.128.0/18' },
        { availabilityZone: 'c', cidr: '10.123.192.0/18' },
      ],
      public: [
        { availabilityZone: 'a', cidr: '10.123.0.0/20' },
        { availabilityZone: 'b', cidr: '10.123.16.0/20' },
        { availabilityZone: 'c', cidr: '10.123.32.0/20' },
      ],
    });
  });

  it('proxy-private uses every chunk for private subnets', () => {
    expect(layoutSubnets({ ...vpc('10.123.0.0/16'), zones: 2, proxyPrivate: true, privateMask: 18, publicMask: 20 })).toEqual({
      private: [
        { availabilityZone: 'a', cidr: '10.123.0.0/18' },
        { availabilityZone: 'b', cidr: '10.123.64.0/18' },
      ],
    });
  });

  it('packs several private subnets into one chunk when they are small', () => {
    const layout = layoutSubnets({ ...vpc('192.168.0.0/18'), zones: 3, proxyPrivate: false, privateMask: 20, publicMask: 22 });
    expect(layout).toEqual({
      private: [
        { availabilityZone: 'a', cidr: '192.168.16.0/20' },
        { availabilityZone: 'b', cidr: '192.168.32.0/20' },
        { availabilityZone: 'c', cidr: '192.168.48.0/20' },
      ],
      public: [
        { availabilityZone: 'a', cidr: '192.168.0.0/22' },
        { availabilityZone: 'b', cidr: '192.168.4.0/22' },
        { availabilityZone: 'c', cidr: '192.168.8.0/22' },
      ],
    });
  });

  it('explains a VPC that is too small', () => {
    expect(layoutSubnets({ ...vpc('10.85.0.0/24'), zones: 3, proxyPrivate: false, privateMask: 18, publicMask: 20 })).toMatch(
      /too small to host 3 availability zones with private subnets of \/18.*--private-subnet-size/,
    );
  });

  it('does not enumerate millions of subnets for a huge VPC', () => {
    const layout = layoutSubnets({ ...vpc('10.0.0.0/8'), zones: 3, proxyPrivate: false, privateMask: 28, publicMask: 28 });
    expect(typeof layout).toBe('object');
  });
});

describe('input parsing', () => {
  it.each([['10.0.0.0/8', true], ['10.0.0.0/33', false], ['10.0.0.1/24', false], ['256.0.0.0/8', false], ['0.0.0.0/0', true]])('IPv4 CIDR %s -> %s', (text, ok) => {
    expect(parseIpv4Cidr(text) !== undefined).toBe(ok);
  });

  it('names the network address when host bits are set', () => {
    expect(checkCidr('vpc-cidr', '10.0.1.7/16')).toContain('10.0.0.0/16');
  });

  it.each([['1.2.3', true], ['1.2.3-rc.1+build.5', true], ['01.2.3', false], ['1.2', false], ['v1.2.3', false]])('semver %s -> %s', (v, ok) => {
    expect(isSemver(v)).toBe(ok);
  });

  it('compares versions', () => {
    expect(compareSemver('0.59.0', '0.61.0')).toBeLessThan(0);
    expect(compareSemver('0.61.0-rc.1', '0.61.0')).toBeLessThan(0);
    expect(compareSemver('1.0.0', '0.61.0')).toBeGreaterThan(0);
    // Numeric pre-release parts compare as numbers (a string compare puts rc.10 first).
    expect(compareSemver('0.61.0-rc.9', '0.61.0-rc.10')).toBeLessThan(0);
    expect(compareSemver('0.61.0-alpha', '0.61.0-alpha.1')).toBeLessThan(0);
  });

  it.each([['6m', '6m0s'], ['420s', '7m0s'], ['1h30m', '90m0s'], ['1.5s', '1s500ms'], ['45s', '45s']])('timeout %s -> %s', (input, out) => {
    expect(formatTimeout(parseGoDuration(input)!)).toBe(out);
  });

  it('rejects durations that are not Go durations', () => {
    expect(parseGoDuration('5 minutes')).toBeUndefined();
    expect(parseGoDuration('')).toBeUndefined();
  });

  it('derives a stable catalog values suffix from namespace and name', () => {
    expect(catalogValuesSuffix('org-acme', 'c')).toBe(catalogValuesSuffix('org-acme', 'c'));
    expect(catalogValuesSuffix('org-acme', 'c')).not.toBe(catalogValuesSuffix('org-other', 'c'));
    expect(catalogValuesSuffix('org-acme', 'c')).toMatch(/^[a-z][0-9a-z]{9}$/);
  });
});

describe('chart schema subset', () => {
  const minimal = { global: { metadata: { name: 'a', organization: 'b' }, release: { version: '31.0.0' } } };

  it('accepts minimal values and requires release for cluster-<provider> charts only', () => {
    expect(validateSchema(minimal, awsSchema(false))).toEqual([]);
    expect(validateSchema({ global: { metadata: {} } }, awsSchema(false))).toEqual(['global: missing required key "release"']);
    expect(validateSchema({ global: { metadata: {} } }, awsSchema(true))).toEqual([]);
  });

  it('rejects what the charts reject', () => {
    const bad = {
      global: {
        ...minimal.global,
        controlPlane: { instanceType: 'huge', image: { repository: 'x' } },
        nodePools: { np: { minSize: '3' } },
        metadata: { name: 'a'.repeat(21), servicePriority: 'urgent', labels: { team: 'a b' } },
        connectivity: { vpcMode: 'hidden' },
      },
    };
    expect(validateSchema(bad, awsSchema(false)).sort()).toEqual(
      [
        'global.connectivity.vpcMode: "hidden" is not one of "public", "private"',
        'global.controlPlane.image: the chart does not accept this key',
        'global.controlPlane.instanceType: "huge" does not match the pattern ^[a-z][a-z0-9]*\\.[a-z0-9]+$',
        'global.metadata.labels.team: "a b" does not match the pattern ^[a-zA-Z0-9\\._-]+$',
        'global.metadata.name: longer than 20',
        'global.metadata.servicePriority: "urgent" is not one of "highest", "medium", "lowest"',
        'global.nodePools.np: the chart does not accept this key',
      ].sort(),
    );
  });

  it('checks limits and required keys of on-premises charts', () => {
    expect(validateSchema({ global: { ...minimal.global, nodePools: { worker: { replicas: 1 } } } }, cloudDirectorSchema(false))).toEqual([
      'global.nodePools.worker.replicas: 1 must be more than 1',
    ]);
    expect(validateSchema({ global: { ...minimal.global, controlPlane: { machineTemplate: { memoryMiB: 1024 } } } }, vsphereSchema(false))).toEqual([
      'global.controlPlane.machineTemplate: missing required key "network"',
      'global.controlPlane.machineTemplate.memoryMiB: 1024 is less than 8192',
    ]);
  });
});
