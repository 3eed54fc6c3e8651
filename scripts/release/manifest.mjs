// Release asset names and the krew manifest filled from the committed template (plugin.yaml).
import yaml from 'js-yaml';

/** Archive file name, as the Go kubectl-gs names its release assets. */
export function archiveName(version, os, arch) {
  return `kubectl-gs-v${version}-${os}-${arch}.tar.gz`;
}

/**
 * The krew manifest: the template plugin.yaml (the Go kubectl-gs's, whose {{addURIAndSha}} lines
 * krew-release-bot also understands) with the tag and each built archive's uri and sha256 filled in.
 * built: [{ file, sha256 }]. Platforms not built (a --platforms subset) are left out. baseUrl replaces
 * the GitHub download prefix (RELEASE_BASE_URL: a mirror, or a test's loopback server).
 */
export function fillManifest(template, version, built, baseUrl) {
  const tag = `v${version}`;
  const shaOf = new Map(built.map((b) => [b.file, b.sha256]));
  const filled = template.replace(/^( *)\{\{\s*addURIAndSha\s+"([^"]+)"\s+\.TagName\s*\}\}$/gm, (_, indent, rawUrl) => {
    let url = rawUrl.replace(/\{\{\s*\.TagName\s*\}\}/g, tag);
    if (baseUrl) url = url.replace(/^https:\/\/github\.com\/[^/]+\/[^/]+\/releases\/download/, baseUrl.replace(/\/$/, ''));
    // Quoted: a sha256 of digits only (or digits, e, digits) would otherwise be read as a YAML number.
    return `${indent}uri: ${url}\n${indent}sha256: "${shaOf.get(url.split('/').pop()) ?? 'NOT-BUILT'}"`;
  }).replace(/\{\{\s*\.TagName\s*\}\}/g, tag);
  if (filled.includes('{{')) throw new Error('plugin.yaml has a template expression the release script does not know');
  const m = yaml.load(filled);
  const kept = m.spec.platforms.filter((e) => e.sha256 !== 'NOT-BUILT');
  for (const b of built) {
    if (!kept.some((e) => e.uri.endsWith(`/${b.file}`))) throw new Error(`plugin.yaml has no entry for ${b.file}`);
  }
  if (kept.length === m.spec.platforms.length) return filled;
  m.spec.platforms = kept;
  return yaml.dump(m, { lineWidth: -1, noRefs: true });
}
