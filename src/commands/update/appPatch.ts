// What `update app` changes in an App, as the Go kubectl-gs computes it (pkg/data/domain/app, patchVersion):
// the new spec.version (with the catalog the AppCatalogEntry names, when one was found), and for an App
// that Flux manages (label kustomize.toolkit.fluxcd.io/name) the annotation that suspends Flux's
// reconciliation. Go sends the difference as a JSON merge patch (controller-runtime's client.MergeFrom),
// so a field that already has its value is not in the patch; the message lists the intent all the same.
import type { KubeObject } from '../../kube';

export const fluxKustomizeNameLabel = 'kustomize.toolkit.fluxcd.io/name';
export const fluxReconcileAnnotation = 'kustomize.toolkit.fluxcd.io/reconcile';

/** Where the requested version was found: an AppCatalogEntry names its catalog; a chart repository does not. */
export interface FoundVersion {
  version: string;
  catalog?: string;
  catalogNamespace?: string;
}

export interface AppPatchPlan {
  /** The merge patch; empty when nothing differs. */
  patch: { metadata?: { annotations: Record<string, string | null> }; spec?: Record<string, string> };
  /** Go's words for what was done, joined by spaces in the message. */
  state: string[];
}

function specString(app: KubeObject, key: string): string {
  const spec = app.spec as Record<string, unknown> | undefined;
  const v = spec?.[key];
  return typeof v === 'string' ? v : '';
}

export function planAppPatch(app: KubeObject, found: FoundVersion | undefined, suspendReconciliation: boolean): AppPatchPlan {
  const plan: AppPatchPlan = { patch: {}, state: [] };
  if (found) {
    const spec: Record<string, string> = {};
    if (specString(app, 'version') !== found.version) spec.version = found.version;
    // client.MergeFrom leaves out what is unchanged, and Go's App type omits an empty catalogNamespace.
    if (found.catalog !== undefined && specString(app, 'catalog') !== found.catalog) spec.catalog = found.catalog;
    if (found.catalogNamespace && specString(app, 'catalogNamespace') !== found.catalogNamespace) spec.catalogNamespace = found.catalogNamespace;
    if (Object.keys(spec).length) plan.patch.spec = spec;
    plan.state.push(`version=${found.version}`);
  }
  const labels = app.metadata.labels ?? {};
  if (fluxKustomizeNameLabel in labels) {
    const annotations = app.metadata.annotations ?? {};
    if (suspendReconciliation) {
      if (annotations[fluxReconcileAnnotation] !== 'disabled') plan.patch.metadata = { annotations: { [fluxReconcileAnnotation]: 'disabled' } };
      plan.state.push(`added annotations["${fluxReconcileAnnotation}"]=disabled`);
    } else if (fluxReconcileAnnotation in annotations) {
      plan.patch.metadata = { annotations: { [fluxReconcileAnnotation]: null } };
      plan.state.push(`removed annotations["${fluxReconcileAnnotation}"]`);
    }
  }
  return plan;
}

/** The catalog repository's chart archive for a version, as appcatalog.NewTarballURL builds it. */
export function tarballUrl(repositoryUrl: string, chart: string, version: string): string {
  const u = new URL(repositoryUrl);
  const file = u.protocol === 'oci:' ? `${chart}:${version}` : `${chart}-${version}.tgz`;
  // path.Join: one slash between the parts, none doubled, none trailing.
  u.pathname = `${u.pathname.replace(/\/+$/, '')}/${file}`.replace(/\/{2,}/g, '/');
  return u.toString();
}
