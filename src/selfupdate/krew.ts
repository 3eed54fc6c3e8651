// Whether this executable was installed by krew: krew keeps plugins in ~/.krew/store/<plugin>/<version>/
// and links them from ~/.krew/bin. Such an install is updated by krew, never by replacing the file.
export function installedByKrew(executable: string): boolean {
  return executable.replace(/\\/g, '/').includes('/.krew/store/gs/');
}

export const KREW_UPGRADE = 'kubectl krew upgrade gs';
export const SELFUPDATE = 'kubectl gs selfupdate';

/** How the user updates this install. */
export function updateCommand(executable: string): string {
  return installedByKrew(executable) ? KREW_UPGRADE : SELFUPDATE;
}
