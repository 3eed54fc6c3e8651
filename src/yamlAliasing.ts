// YAML anchors and aliases let a small file stand for a huge document (the "billion laughs" alias bomb):
// js-yaml shares the aliased node, so loading is quick, but anything that then walks or serializes the
// document (an exec plugin's cluster config goes to the plugin as JSON) expands every alias. kubectl's
// YAML reader (go-yaml) refuses such a document with "excessive aliasing"; this is its rule, applied to
// what js-yaml loaded: the nodes visited through aliases may be at most 99 % of all nodes visited in a
// document of up to 400 000 nodes, falling to 10 % at 4 000 000. The walk stops as soon as the rule is
// broken, so a bomb is refused after a few thousand nodes. Shared at the top, like src/errors.ts: any room
// that reads YAML from users can use it.

const ratioRangeLow = 400_000;
const ratioRangeHigh = 4_000_000;

function allowedAliasRatio(decoded: number): number {
  if (decoded <= ratioRangeLow) return 0.99;
  if (decoded >= ratioRangeHigh) return 0.1;
  return 0.99 - 0.89 * ((decoded - ratioRangeLow) / (ratioRangeHigh - ratioRangeLow));
}

/** Why a loaded YAML document is refused, in go-yaml's words, or undefined when it is fine. */
export function aliasingProblem(doc: unknown): string | undefined {
  let decoded = 0;
  let throughAlias = 0;
  const seen = new Set<object>();
  const open = new Set<object>();
  const refuse = (why: string): never => {
    throw new AliasingRefused(why);
  };
  const visit = (value: unknown, aliasDepth: number): void => {
    decoded++;
    if (aliasDepth > 0) throughAlias++;
    if (throughAlias > 100 && decoded > 1000 && throughAlias / decoded > allowedAliasRatio(decoded)) {
      refuse('document contains excessive aliasing');
    }
    if (value === null || typeof value !== 'object') return;
    if (open.has(value)) refuse('an anchor contains an alias to itself');
    // js-yaml returns the same object for an anchor and each of its aliases: a second visit is an alias.
    const depth = seen.has(value) ? aliasDepth + 1 : aliasDepth;
    seen.add(value);
    open.add(value);
    for (const child of Array.isArray(value) ? value : Object.values(value)) visit(child, depth);
    open.delete(value);
  };
  try {
    visit(doc, 0);
    return undefined;
  } catch (err) {
    if (err instanceof AliasingRefused) return err.message;
    throw err;
  }
}

class AliasingRefused extends Error {}
