// The registry room's one door: HTTP to chart repositories and OCI registries.
export { httpRequest, type HttpAnswer, type HttpRequest } from './http';
export { OciClient, ociTagExists, parseOciReference, isLoopbackHost, type RegistryCredentials } from './oci';
