// The gitops room: the GitOps repository layout Giant Swarm recommends (gitops-template's
// docs/repo_structure.md), planned, checked, printed and written all-or-nothing. Files only; no cluster.
export { adopt } from './adopt';
export { clusterBaseFiles, baseProviders, type BaseProvider } from './base';
export { checkPlan, computeChanges, type Changes } from './changes';
export { checkRepository, tabulate, type CheckResult } from './check';
export { commitChanges } from './commit';
export { printPlan } from './dryRun';
export { generateKeyPair } from './keys';
export * as layers from './layers';
export * as metadata from './metadata';
export * as modifiers from './modifiers';
export { checkImage, checkName, checkOrgName, checkRelativePath, checkRepositoryName, layerNames, required } from './names';
export * as paths from './paths';
export type { Plan } from './plan';
export { runPlan, type RunResult } from './run';
export type { AppValues, KeyPair, WorkloadClusterValues } from './templates';
