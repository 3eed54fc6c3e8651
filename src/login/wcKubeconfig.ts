// The kubeconfig entries a workload-cluster login writes, named and filled as the Go kubectl-gs does
// (cmd/login/clientcert.go, aws.go, wc_oidc.go; pkg/kubeconfig/context.go):
//   context and cluster <mc context>-<cluster>-clientcert | -awsiam | -oidc, user <context>-user.
// Into the user's kubeconfig they are merged field by field (other fields of an existing entry stay, as
// with client-go's ModifyConfig); into a --self-contained file they replace same-named entries whole and
// become its current context (Go's mergeKubeconfigs). The edits are applied by login's kubeconfig writer
// (kubeconfigEdit.ts: atomic, only the touched entries rewritten).
import type { EntryEdit, FileEdit } from './kubeconfigEdit';

export type WcAuthKind = 'clientcert' | 'awsiam' | 'oidc';

const suffix: Record<WcAuthKind, string> = { clientcert: '-clientcert', awsiam: '-awsiam', oidc: '-oidc' };

/** Go's GenerateWC{ClientCert,AWSIAM,OIDC}KubeContextName. */
export function wcContextName(mcContextName: string, clusterName: string, kind: WcAuthKind): string {
  return `${mcContextName}-${clusterName}${suffix[kind]}`;
}

type Obj = Record<string, unknown>;

/** What one workload-cluster login writes. Field names are the kubeconfig's own. */
export interface WcEntry {
  contextName: string;
  /** Cluster fields to set (server, certificate-authority-data, proxy-url). */
  cluster: Obj;
  /** Cluster fields the self-contained file leaves out (Go writes proxy-url only into the main kubeconfig). */
  mainOnlyClusterFields?: string[];
  /** User fields to set (client-certificate-data + client-key-data, or exec). */
  user: Obj;
}

export function wcUserName(contextName: string): string {
  return `${contextName}-user`;
}

export interface WcSelection {
  /** Make the new context current (Go's loginOptions.switchToWCContext). */
  switchToContext: boolean;
  /** Otherwise restore this one (Go's loginOptions.originContext), when set. */
  originContext?: string;
}

/** The edit of the user's kubeconfig: entries merged field by field, certificate-authority (a file path) dropped. */
export function wcMainEdit(e: WcEntry, selection: WcSelection): FileEdit {
  const userName = wcUserName(e.contextName);
  const entries: EntryEdit[] = [
    { list: 'users', name: userName, update: (body) => ({ ...body, ...e.user }) },
    {
      list: 'clusters',
      name: e.contextName,
      update: (body) => {
        const next: Obj = { ...body, ...e.cluster };
        delete next['certificate-authority'];
        return next;
      },
    },
    { list: 'contexts', name: e.contextName, update: (body) => ({ ...body, cluster: e.contextName, user: userName }) },
  ];
  const currentContext = selection.switchToContext ? e.contextName : selection.originContext || undefined;
  return { entries, currentContext };
}

/** The edit of a --self-contained file: this entry alone (same names replaced), selected. */
export function wcSelfContainedEdit(e: WcEntry): FileEdit {
  const userName = wcUserName(e.contextName);
  const cluster = Object.fromEntries(Object.entries(e.cluster).filter(([k]) => !e.mainOnlyClusterFields?.includes(k)));
  return {
    entries: [
      { list: 'clusters', name: e.contextName, update: () => cluster },
      { list: 'contexts', name: e.contextName, update: () => ({ cluster: e.contextName, user: userName }) },
      { list: 'users', name: userName, update: () => ({ ...e.user }) },
    ],
    currentContext: e.contextName,
  };
}

/** base64 of PEM text, as kubeconfig *-data fields hold it. */
export function pemData(pem: string | Buffer): string {
  return Buffer.from(pem).toString('base64');
}
