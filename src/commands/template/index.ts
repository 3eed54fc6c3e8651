// `kubectl gs template ...`: manifests for GitOps repositories or `kubectl apply`, rendered offline.
import type { CommandGroup } from '../../cli/command';
import * as app from './app';
import * as catalog from './catalog';
import * as cluster from './cluster';
import * as organization from './organization';

export const templateGroup: CommandGroup = {
  name: 'template',
  describe: 'Template manifests (clusters, apps, catalogs, organizations) to apply or commit. Works offline.',
  commands: [app, catalog, cluster, organization].map((m) => m.definition),
};
