// Clusters from scored links: connected components (union-find) of the pairs at or above the candidate
// threshold. Links are joined strongest first (Kruskal), so the links that hold a cluster together are
// its strongest ones, and its score is the weakest of those: a chain A–B–C is only as sure as its
// weakest step. A link that would put two different valid ID numbers (or credit codes) into one
// cluster is not joined — A–B share an ID, B–C an e-mail and a name, C has another ID: C is someone
// else — and is kept as a conflict for the explanation. Pure.

export class UnionFind {
  private readonly parent: Int32Array;
  private readonly rank: Uint8Array;

  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let i = 0; i < size; i++) this.parent[i] = i;
    this.rank = new Uint8Array(size);
  }

  find(x: number): number {
    let root = x;
    while (this.parent[root] !== root) root = this.parent[root];
    while (this.parent[x] !== root) {
      const next = this.parent[x];
      this.parent[x] = root;
      x = next;
    }
    return root;
  }

  /** Joins the sets of a and b; false when they were already one. */
  union(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    if (this.rank[ra] < this.rank[rb]) this.parent[ra] = rb;
    else if (this.rank[ra] > this.rank[rb]) this.parent[rb] = ra;
    else {
      this.parent[rb] = ra;
      this.rank[ra]++;
    }
    return true;
  }
}

export interface Link<T> {
  i: number;
  j: number;
  score: number;
  data: T;
}

export interface Component<T> {
  /** Member indices, ascending. */
  members: number[];
  /** The links that joined the members (a spanning tree), strongest first. */
  tree: Link<T>[];
  /** The weakest link of the tree. */
  score: number;
  /** Links from a member that were not joined because the two sides' identifiers conflict. */
  conflicts: Link<T>[];
}

/**
 * An identifier a record is known by, as kind → value (e.g. idNumber → 11010519491231002X). Two
 * records with the same kind and different values are never put into one component.
 */
export type Identities = (i: number) => ReadonlyMap<string, string> | null;

function conflicting(a: ReadonlyMap<string, string> | undefined, b: ReadonlyMap<string, string> | undefined) {
  if (!a || !b) return false;
  for (const [kind, value] of a) {
    const other = b.get(kind);
    if (other !== undefined && other !== value) return true;
  }
  return false;
}

/** Components of two or more members, in order of their smallest member. */
export function components<T>(
  size: number,
  links: readonly Link<T>[],
  identities?: Identities,
): Component<T>[] {
  const sorted = [...links].sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  const uf = new UnionFind(size);
  const tree: Link<T>[] = [];
  const refused: Link<T>[] = [];
  // The identifiers of each component, held by its root (only components that have any).
  const known = new Map<number, Map<string, string>>();
  const of = (root: number, i: number) => {
    let ids = known.get(root);
    if (ids === undefined && identities) {
      const own = identities(i);
      if (own && own.size > 0) known.set(root, (ids = new Map(own)));
    }
    return ids;
  };
  for (const link of sorted) {
    const ra = uf.find(link.i);
    const rb = uf.find(link.j);
    if (ra === rb) continue;
    const a = of(ra, link.i);
    const b = of(rb, link.j);
    if (conflicting(a, b)) {
      refused.push(link);
      continue;
    }
    uf.union(ra, rb);
    tree.push(link);
    const root = uf.find(ra);
    const merged = new Map([...(a ?? []), ...(b ?? [])]);
    known.delete(ra);
    known.delete(rb);
    if (merged.size > 0) known.set(root, merged);
  }
  const byRoot = new Map<number, Component<T>>();
  for (const link of tree) {
    const root = uf.find(link.i);
    let c = byRoot.get(root);
    if (!c) byRoot.set(root, (c = { members: [], tree: [], score: 100, conflicts: [] }));
    c.tree.push(link);
    c.score = Math.min(c.score, link.score);
  }
  for (const link of refused) byRoot.get(uf.find(link.i))?.conflicts.push(link);
  for (const c of byRoot.values()) {
    const members = new Set<number>();
    for (const link of c.tree) members.add(link.i).add(link.j);
    c.members = [...members].sort((x, y) => x - y);
  }
  return [...byRoot.values()].sort((x, y) => x.members[0] - y.members[0]);
}
