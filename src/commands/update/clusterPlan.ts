// What `update cluster` writes, per kind of cluster, as the Go kubectl-gs decides it (cmd/update/cluster):
//   --scheduled-time given      annotations alpha.giantswarm.io/update-schedule-target-release and
//                               -target-time on the Cluster (JSON patch; the annotations map first if absent)
//   Cluster API cluster         (label cluster.x-k8s.io/watch-filter=capi) "version: <current>" replaced by
//                               "version: <target>" in the values of the ConfigMap <name>-userconfig
//   otherwise                   the label release.giantswarm.io/version on the Cluster (JSON patch)
// Plus what Go does not do: the target release is checked to exist as a Release CR before anything is
// written; its name is <provider>-<version> for Cluster API clusters, v<version> for the older ones.
import { UserError } from '../../cli/errors';
import { pointerSegment, type JsonPatchOp, type KubeObject } from '../../kube';

export const releaseVersionLabel = 'release.giantswarm.io/version';
export const watchFilterLabel = 'cluster.x-k8s.io/watch-filter';
export const scheduleReleaseAnnotation = 'alpha.giantswarm.io/update-schedule-target-release';
export const scheduleTimeAnnotation = 'alpha.giantswarm.io/update-schedule-target-time';

/** A release version as Release CR names carry it (the releases SDK's name pattern, without the prefix). */
const versionPattern = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[.0-9a-zA-Z]*)?$/;

/** The target version without a leading "v" (Release CRs and the label carry it without); bad input is one line. */
export function targetVersion(given: string): string {
  const version = given.replace(/^v/, '');
  if (!versionPattern.test(version)) {
    throw new UserError(`--release-version "${given}" is not a release version; give one like 25.0.0 (kubectl gs get releases lists them)`);
  }
  return version;
}

/** --provider values (the template command's and Go's names) -> the prefix of Release CR names. */
const releasePrefixByProvider: Record<string, string> = {
  aws: 'aws', capa: 'aws',
  azure: 'azure', capz: 'azure',
  eks: 'eks',
  aks: 'aks',
  vsphere: 'vsphere', capv: 'vsphere',
  'cloud-director': 'cloud-director', capvcd: 'cloud-director',
  proxmox: 'proxmox',
};

/** The Cluster API infrastructure kind -> the prefix of Release CR names. */
const releasePrefixByInfraKind: Record<string, string> = {
  AWSCluster: 'aws',
  AWSManagedCluster: 'eks',
  AzureCluster: 'azure',
  AzureManagedCluster: 'aks',
  VSphereCluster: 'vsphere',
  VCDCluster: 'cloud-director',
  ProxmoxCluster: 'proxmox',
};

export const providerNames = Object.keys(releasePrefixByProvider);

export function releasePrefixOfProvider(provider: string): string {
  const prefix = releasePrefixByProvider[provider.toLowerCase()];
  if (!prefix) throw new UserError(`--provider "${provider}" is not known; use one of ${providerNames.join(', ')}`);
  return prefix;
}

export function isCapiCluster(cluster: KubeObject): boolean {
  return cluster.metadata.labels?.[watchFilterLabel] === 'capi';
}

/** The infrastructure reference in Cluster API v1beta1 (apiVersion) or v1beta2 (apiGroup) form. */
function infrastructureRef(cluster: KubeObject): { group: string; kind: string } {
  const ref = (cluster.spec as { infrastructureRef?: { apiVersion?: unknown; apiGroup?: unknown; kind?: unknown } } | undefined)?.infrastructureRef;
  const apiVersion = typeof ref?.apiVersion === 'string' ? ref.apiVersion : '';
  const group = typeof ref?.apiGroup === 'string' ? ref.apiGroup : apiVersion.split('/')[0] ?? '';
  return { group, kind: typeof ref?.kind === 'string' ? ref.kind : '' };
}

/**
 * The Release CR the cluster would run: "<provider>-<version>" for a Cluster API cluster, "v<version>" for
 * a cluster of Giant Swarm's own infrastructure types (infrastructure.giantswarm.io), whose releases carry
 * that name. --provider, when given, settles the provider; otherwise the infrastructure kind does.
 */
export function releaseName(cluster: KubeObject, version: string, provider: string | undefined): string {
  if (provider) return `${releasePrefixOfProvider(provider)}-${version}`;
  const infra = infrastructureRef(cluster);
  if (infra.group === 'infrastructure.giantswarm.io') return `v${version}`;
  const prefix = releasePrefixByInfraKind[infra.kind];
  if (prefix) return `${prefix}-${version}`;
  if (!isCapiCluster(cluster) && !infra.kind) return `v${version}`;
  throw new UserError(
    `cannot tell the provider of cluster "${cluster.metadata.name}" (infrastructure kind "${infra.kind}"); give --provider (${providerNames.join(', ')})`,
  );
}

export interface Schedule {
  /** Go's time.RFC822 of the time, the annotation's value, e.g. "01 Jan 22 10:00 UTC". */
  annotation: string;
  time: Date;
}

const monthDays = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** time.Parse("2006-01-02 15:04", s) in UTC: two-digit month, day and minute, one or two hour digits. */
export function parseScheduledTime(s: string): Schedule {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{1,2}):(\d{2})$/.exec(s);
  const bad = () => new UserError("Scheduled time has not the right time format, please use 'YYYY-MM-DD HH:MM' as the time format.");
  if (!m) throw bad();
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (month < 1 || month > 12 || day < 1 || day > monthDays[month - 1]! || (month === 2 && day === 29 && !leap) || hour > 23 || minute > 59) throw bad();
  const time = new Date(Date.UTC(year, month - 1, day, hour, minute));
  return { annotation: rfc822Utc(time), time };
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (n: number) => String(n).padStart(2, '0');

function rfc822Utc(t: Date): string {
  return `${pad(t.getUTCDate())} ${months[t.getUTCMonth()]} ${pad(t.getUTCFullYear() % 100)} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())} UTC`;
}

/** Go's time.RFC1123 ("Mon, 02 Jan 2006 15:04:05 MST") in UTC, or in the local zone with its short name. */
export function rfc1123(t: Date, local: boolean, timeZone?: string): string {
  if (!local) {
    return `${days[t.getUTCDay()]}, ${pad(t.getUTCDate())} ${months[t.getUTCMonth()]} ${t.getUTCFullYear()} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())} UTC`;
  }
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', weekday: 'short', day: '2-digit', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short',
    }).formatToParts(t).map((p) => [p.type, p.value]),
  );
  return `${parts.weekday}, ${parts.day} ${parts.month} ${parts.year} ${parts.hour}:${parts.minute}:${parts.second} ${parts.timeZoneName}`;
}

/** The Go patch that schedules the upgrade. */
export function schedulePatch(cluster: KubeObject, version: string, schedule: Schedule): JsonPatchOp[] {
  const ops: JsonPatchOp[] = [];
  if (!cluster.metadata.annotations) ops.push({ op: 'add', path: '/metadata/annotations', value: {} });
  ops.push({ op: 'add', path: `/metadata/annotations/${pointerSegment(scheduleReleaseAnnotation)}`, value: version });
  ops.push({ op: 'add', path: `/metadata/annotations/${pointerSegment(scheduleTimeAnnotation)}`, value: schedule.annotation });
  return ops;
}

/** The Go patch that sets the release label (the labels map first if the Cluster has none, where Go's patch would fail). */
export function releaseLabelPatch(cluster: KubeObject, version: string): JsonPatchOp[] {
  const ops: JsonPatchOp[] = [];
  if (!cluster.metadata.labels) ops.push({ op: 'add', path: '/metadata/labels', value: {} });
  ops.push({ op: 'add', path: `/metadata/labels/${pointerSegment(releaseVersionLabel)}`, value: version });
  return ops;
}

/** The userconfig values with every "version: <current>" made "version: <target>" (Go's strings.ReplaceAll). */
export function upgradedValues(values: string, current: string, target: string): string {
  return values.split(`version: ${current}`).join(`version: ${target}`);
}
