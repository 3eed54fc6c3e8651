// kubectl's connection flags (k8s.io/cli-runtime's ConfigFlags) as the kube client reads them. The CLI's
// global options carry these and more (--debug, ...): any object with these fields will do, so the kube
// room needs nothing from the cli room.
export interface ConnectionFlags {
  kubeconfig?: string;
  context?: string;
  namespace?: string;
  cluster?: string;
  user?: string;
  server?: string;
  token?: string;
  as?: string;
  asGroup?: string[];
  asUid?: string;
  username?: string;
  password?: string;
  /** kubectl's syntax: "5" (seconds), "1m30s", "0" = none. */
  requestTimeout?: string;
  insecureSkipTlsVerify?: boolean;
  tlsServerName?: string;
  certificateAuthority?: string;
  clientCertificate?: string;
  clientKey?: string;
  disableCompression?: boolean;
}
