// EKS workload clusters (cmd/login/aws.go): no client certificate; the kubeconfig runs
// `aws eks get-token`, with the cluster CA from the <cluster>-user-kubeconfig Secret and the region from the
// AWSManagedControlPlane, both on the management cluster.
import { UserError } from '../errors';
import type { KubeClient, KubeObject } from '../kube/client';
import { KubeApiError } from '../kube/errors';

interface Secret extends KubeObject {
  data?: Record<string, string>;
}

/** Go's awsIAMExec (+ AWS_DEFAULT_PROFILE with --aws-profile), field for field as client-go writes it
 *  (env and provideClusterInfo have no omitempty). */
export function awsIamExecEntry(clusterName: string, region: string, awsProfile?: string): Record<string, unknown> {
  return {
    apiVersion: 'client.authentication.k8s.io/v1beta1',
    args: ['--region', region, 'eks', 'get-token', '--cluster-name', clusterName, '--output', 'json'],
    command: 'aws',
    env: awsProfile ? [{ name: 'AWS_DEFAULT_PROFILE', value: awsProfile }] : null,
    provideClusterInfo: false,
  };
}

function notFound(err: unknown): boolean {
  return err instanceof KubeApiError && err.code === 404;
}

/** certificate-authority-data (base64) of the first cluster in the Secret's kubeconfig (data.value). */
export async function fetchEksCaData(mc: KubeClient, clusterName: string, namespace: string): Promise<string> {
  const name = `${clusterName}-user-kubeconfig`;
  let secret: Secret;
  try {
    secret = await mc.get<Secret>(`/api/v1/namespaces/${encodeURIComponent(namespace)}/secrets/${encodeURIComponent(name)}`);
  } catch (err) {
    if (notFound(err)) throw new UserError(`the EKS cluster's kubeconfig Secret ${namespace}/${name} does not exist on the management cluster`);
    throw err;
  }
  const text = Buffer.from(secret.data?.value ?? '', 'base64').toString('utf8');
  const yaml = require('js-yaml') as typeof import('js-yaml');
  let doc: { clusters?: { cluster?: { 'certificate-authority-data'?: string } }[] } | undefined;
  try {
    doc = yaml.load(text) as typeof doc;
  } catch {
    doc = undefined;
  }
  const ca = doc?.clusters?.[0]?.cluster?.['certificate-authority-data'];
  if (!ca) throw new UserError(`the Secret ${namespace}/${name} holds no kubeconfig with a cluster CA (data.value)`);
  return ca;
}

/** spec.region of the AWSManagedControlPlane named like the cluster (controlplane.cluster.x-k8s.io/v1beta2). */
export async function fetchEksRegion(mc: KubeClient, clusterName: string, namespace: string): Promise<string> {
  const path = `/apis/controlplane.cluster.x-k8s.io/v1beta2/namespaces/${encodeURIComponent(namespace)}/awsmanagedcontrolplanes/${encodeURIComponent(clusterName)}`;
  try {
    const cp = await mc.get<KubeObject & { spec?: { region?: string } }>(path);
    return cp.spec?.region ?? '';
  } catch (err) {
    if (notFound(err)) throw new UserError(`the EKS cluster's AWSManagedControlPlane ${namespace}/${clusterName} does not exist on the management cluster`);
    throw err;
  }
}
