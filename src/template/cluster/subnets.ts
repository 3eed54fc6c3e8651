// Splits an AWS VPC CIDR into per-AZ private and public subnets the way the Go kubectl-gs does:
// the VPC is cut into a power-of-two number of equal chunks; a public cluster uses the first chunk for
// its public subnets and the others for private ones, a proxy-private cluster uses every chunk for
// private subnets. Subnets are handed out in address order, one per availability zone (a, b, c, ...).
import { numberToIpv4, type Cidr } from '../validate';

export interface CidrBlock {
  availabilityZone: string;
  cidr: string;
}

export interface SubnetLayout {
  private: CidrBlock[];
  public?: CidrBlock[];
}

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/** The first `limit` sub-blocks of the given prefix (a /8 cut into /28s would be a million). */
function split(block: Cidr, prefix: number, limit = Number.POSITIVE_INFINITY): Cidr[] {
  const count = Math.min(2 ** (prefix - block.prefix), limit);
  const size = 2 ** (32 - prefix);
  return Array.from({ length: count }, (_, i) => ({ network: block.network + i * size, prefix }));
}

const show = (c: Cidr) => `${numberToIpv4(c.network)}/${c.prefix}`;
const zone = (i: number) => String.fromCharCode('a'.charCodeAt(0) + i);

export interface SubnetRequest {
  vpc: Cidr;
  vpcText: string;
  zones: number;
  proxyPrivate: boolean;
  privateMask: number;
  publicMask: number;
}

/** Returns the layout, or a problem saying why the VPC cannot hold it and which flag to change. */
export function layoutSubnets(r: SubnetRequest): SubnetLayout | string {
  const chunks = nextPowerOfTwo(r.proxyPrivate ? r.zones : r.zones + 1);
  const chunkPrefix = r.vpc.prefix + Math.log2(chunks);
  const tooSmall = `--vpc-cidr "${r.vpcText}" is too small to host ${r.zones} availability zones`;
  if (chunkPrefix > 32) return `${tooSmall}; use a larger VPC or fewer zones (--az-usage-limit)`;
  if (chunkPrefix > r.privateMask) {
    return `${tooSmall} with private subnets of /${r.privateMask} (each VPC chunk would be /${chunkPrefix}); use a larger VPC, fewer zones (--az-usage-limit) or a larger --private-subnet-size`;
  }
  if (!r.proxyPrivate) {
    if (chunkPrefix > r.publicMask) {
      return `${tooSmall} with public subnets of /${r.publicMask} (each VPC chunk would be /${chunkPrefix}); use a larger VPC, fewer zones (--az-usage-limit) or a larger --public-subnet-size`;
    }
    if (2 ** (r.publicMask - chunkPrefix) < r.zones) {
      return `${tooSmall} with public subnets of /${r.publicMask} (the public chunk /${chunkPrefix} holds only ${2 ** (r.publicMask - chunkPrefix)}); use a larger VPC, fewer zones (--az-usage-limit) or a larger --public-subnet-size`;
    }
  }
  const parts = split(r.vpc, chunkPrefix);
  const privateBlocks: CidrBlock[] = [];
  for (let j = r.proxyPrivate ? 0 : 1; j < parts.length && privateBlocks.length < r.zones; j++) {
    for (const subnet of split(parts[j], r.privateMask, r.zones)) {
      if (privateBlocks.length >= r.zones) break;
      privateBlocks.push({ availabilityZone: zone(privateBlocks.length), cidr: show(subnet) });
    }
  }
  if (r.proxyPrivate) return { private: privateBlocks };
  const publicBlocks = split(parts[0], r.publicMask, r.zones).map((subnet, i) => ({ availabilityZone: zone(i), cidr: show(subnet) }));
  return { private: privateBlocks, public: publicBlocks };
}
