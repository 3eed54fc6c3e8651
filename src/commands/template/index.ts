// `kubectl gs template ...`: manifests for GitOps repositories or `kubectl apply`, rendered offline.
import type { CommandGroup } from '../../cli/command';
import { definition as app } from './app';
import { definition as catalog } from './catalog';
import { definition as cluster } from './cluster';
import { definition as organization } from './organization';

export const templateGroup: CommandGroup = {
  name: 'template',
  describe: 'Template manifests (clusters, apps, catalogs, organizations) to apply or commit. Works offline.',
  commands: [app, catalog, cluster, organization],
};
