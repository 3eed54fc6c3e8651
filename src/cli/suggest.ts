// "Did you mean": candidates within two edits of what was typed, or that start with it, as cobra suggests.
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

export function closestNames(word: string, candidates: string[], maxDistance = 2): string[] {
  const lower = word.toLowerCase();
  const scored = candidates
    .map((c) => ({ c, d: c.startsWith(lower) ? 0 : editDistance(lower, c) }))
    .filter((s) => s.d <= maxDistance)
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c));
  return [...new Set(scored.map((s) => s.c))].slice(0, 3);
}
