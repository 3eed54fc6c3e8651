// Types for the tests (the release scripts are plain JavaScript run by Node).
export interface Platform { id: string; npm: string; nodeVersion?: string; os: string; arch: string; exe: string; binInPackage: string }
export const platforms: Platform[];
export const platformIds: string[];
export const hostPlatform: string;
export const hostNodePackage: string;
