// `kubectl gs gitops ...`: the GitOps repository layout Giant Swarm recommends, made and checked on local
// files (no cluster). `gitops add ...` is a group of its own, as in the Go tool.
import type { CommandGroup } from '../../cli/command';
import * as app from './add/app';
import * as automaticUpdate from './add/automaticUpdate';
import * as base from './add/base';
import * as encryption from './add/encryption';
import * as managementCluster from './add/managementCluster';
import * as organization from './add/organization';
import * as workloadCluster from './add/workloadCluster';
import * as check from './check';
import * as init from './init';

export const addGroup: CommandGroup = {
  name: 'add',
  describe: 'Add various resources into your GitOps repository',
  commands: [base, app, automaticUpdate, encryption, managementCluster, organization, workloadCluster].map((m) => m.definition),
};

export const gitopsGroup: CommandGroup = {
  name: 'gitops',
  describe: 'GitOps swissknife',
  commands: [check, init].map((m) => m.definition),
  groups: [addGroup],
};
