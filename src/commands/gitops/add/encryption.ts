// `kubectl gs gitops add encryption`: a new OpenPGP key pair for SOPS: the public key in .sops.keys/,
// the private key in the layer's key Secret (file 0600, never printed), a .sops.yaml creation rule for
// the target directory and SOPS decryption on the layer's Flux Kustomization.
import { defineCommand } from '../../../cli/command';
import type { Deps } from '../../../cli/deps';
import { UserError } from '../../../errors';
import { defineFlags } from '../../../cli/flagTable';
import { applyPlan, gitopsFlags, type GitopsOptions } from '../shared';

export const flags = defineFlags({
  ...gitopsFlags,
  generate: { type: 'boolean', describe: 'Generate new key pair.' },
  'management-cluster': { type: 'string', describe: 'Management cluster to configure the encryption for.' },
  organization: { type: 'string', describe: 'Organization in the Management Cluster to configure the encryption for.' },
  target: { type: 'string', default: 'secrets/', describe: 'Relative directory to configure the encryption for.' },
  'workload-cluster': { type: 'string', describe: 'Workload Cluster in the Organization to configure the encryption for.' },
});

export interface EncryptionOptions extends GitopsOptions {
  generate: boolean;
  managementCluster?: string;
  organization?: string;
  target: string;
  workloadCluster?: string;
}

/** The key's user ID, as the Go tool names it. */
export function keyName(mc: string, org: string, wc: string): string {
  if (wc) return `${wc} Workload Cluster encryption`;
  if (org) return `${org} Organization encryption`;
  return `${mc} Flux master`;
}

export async function run(o: EncryptionOptions, deps: Deps): Promise<number> {
  if (!o.generate) throw new UserError('--generate must be specified');
  if (!o.managementCluster) throw new UserError('at least the --management-cluster must be specified');
  if (o.workloadCluster && !o.organization) throw new UserError('--organization must be specified when --workload-cluster is used');
  if (o.target === '/' && !o.workloadCluster) throw new UserError("--target must not be set to '/' when used with Management Cluster or Organization only");
  const g = await import('../../../gitops');
  const { mc, org, wc } = g.layerNames(o, ['managementCluster']);
  g.checkRelativePath('target', o.target);
  const key = await g.generateKeyPair(keyName(mc, org, wc));
  const plan = g.layers.encryptionPlan({ mc, org, wc, target: o.target, key });
  await applyPlan(o, plan, 'the key', deps);
  const pubKey = `${g.paths.layerDir(mc)}/${g.paths.sopsKeysDir}/${g.paths.sopsKeyName(wc || mc, key.fingerprint)}`;
  deps.stdout.write(`\nPlease run \n\ngpg --import ${o.localPath}/${pubKey}\n\nto load the public key into the keychain for SOPS to work.\n`);
  return 0;
}

export const definition = defineCommand({
  name: 'encryption',
  aliases: ['enc'],
  describe: 'Adds a new GPG key pair to the SOPS repository configuration.',
  examples: [
    ['$0 gitops add encryption --generate --management-cluster demomc', 'Configure Management Cluster encryption with a new key pair (management-clusters/demomc/secrets/*.enc.yaml)'],
    ['$0 gitops add encryption --generate --management-cluster demomc --target mydir/', 'Encrypt management-clusters/demomc/mydir/*.enc.yaml'],
    ['$0 gitops add encryption --generate --management-cluster demomc --organization demoorg', 'Configure Organization encryption with a new key pair'],
    ['$0 gitops add encryption --generate --management-cluster demomc --organization demoorg --workload-cluster demowc --target /', 'Encrypt the entire Workload Cluster'],
    ['$0 gitops add encryption --generate --management-cluster demomc --organization demoorg --workload-cluster demowc --target apps/myapp/', 'Encryption for a single app'],
  ],
  flags,
  // The typed flag values are the options (FlagValues carries every field the type names).
  options: (v): EncryptionOptions => v,
  run,
});
