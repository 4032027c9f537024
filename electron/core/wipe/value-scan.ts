// Finds any of many byte strings (the purged values, UTF-8) in large amounts of bytes (every decrypted
// page of a vault) in one pass. The values sit in a trie of six-byte chunks (a branch only where values
// share a chunk; a single value further down is a leaf compared directly), so thousands of addresses
// starting with the same province cost one step each, not one comparison each. Before the trie, two
// bitmaps — of the values' first three bytes, and of a hash of their first six — let almost every
// position go by with an array read or two. Values shorter than MIN_BYTES (one Chinese character, a
// two-digit number) are too common in unrelated bytes to say anything and are not looked for.
export const MIN_BYTES = 6;
const CHUNK = 6;

interface TrieNode {
  /** Values that end within the next chunk after this node (fewer than CHUNK bytes left). */
  tails: number[];
  /** The next chunk → a node, or a value's index when only one value goes on from here. */
  children: Map<number, TrieNode | number>;
}

const newNode = (): TrieNode => ({ tails: [], children: new Map() });

/** Six bytes as one exact integer (below 2^48). */
const chunkAt = (bytes: Uint8Array, at: number): number =>
  ((bytes[at] << 16) | (bytes[at + 1] << 8) | bytes[at + 2]) * 16_777_216 +
  ((bytes[at + 3] << 16) | (bytes[at + 4] << 8) | bytes[at + 5]);

/** 24 bits from six bytes (given as two 24-bit halves). */
const hash6 = (high: number, low: number): number =>
  (Math.imul(high, 0x9e3779b1) ^ Math.imul(low, 0x85ebca6b)) >>> 8;

export class ValueScanner {
  private readonly patterns: Buffer[] = [];
  private readonly texts: string[] = [];
  private readonly first3 = new Uint8Array(1 << 21); // 2^24 bits
  private readonly first6 = new Uint8Array(1 << 21);
  private readonly root = newNode();
  private readonly hits = new Set<number>();

  constructor(values: Iterable<string>) {
    const seen = new Set<string>();
    for (const value of values) {
      if (seen.has(value)) continue;
      seen.add(value);
      const bytes = Buffer.from(value, 'utf8');
      if (bytes.length < MIN_BYTES) continue;
      const index = this.patterns.length;
      this.patterns.push(bytes);
      this.texts.push(value);
      const high = (bytes[0] << 16) | (bytes[1] << 8) | bytes[2];
      const low = (bytes[3] << 16) | (bytes[4] << 8) | bytes[5];
      this.first3[high >>> 3] |= 1 << (high & 7);
      const six = hash6(high, low);
      this.first6[six >>> 3] |= 1 << (six & 7);
      this.insert(index);
    }
  }

  /** How many distinct values are looked for. */
  get size(): number {
    return this.patterns.length;
  }

  /** Puts a value where it belongs below `node` (whose chunks cover `offset` bytes). */
  private place(node: TrieNode, index: number, offset: number): void {
    const pattern = this.patterns[index];
    if (pattern.length - offset < CHUNK) node.tails.push(index);
    else node.children.set(chunkAt(pattern, offset), index);
  }

  private insert(index: number): void {
    const pattern = this.patterns[index];
    let node = this.root;
    for (let offset = 0; ; offset += CHUNK) {
      if (pattern.length - offset < CHUNK) {
        node.tails.push(index);
        return;
      }
      const key = chunkAt(pattern, offset);
      const child = node.children.get(key);
      if (child === undefined) {
        node.children.set(key, index);
        return;
      }
      if (typeof child === 'number') {
        // Two values share this chunk: a branch, holding the one that was a leaf here.
        const branch = newNode();
        node.children.set(key, branch);
        this.place(branch, child, offset + CHUNK);
        node = branch;
      } else node = child;
    }
  }

  /** True when `bytes` holds the pattern's bytes from `from` on, at `at`. */
  private rest(bytes: Uint8Array, at: number, index: number, from: number): boolean {
    const pattern = this.patterns[index];
    if (at - from + pattern.length > bytes.length) return false;
    for (let k = from; k < pattern.length; k++) if (bytes[at - from + k] !== pattern[k]) return false;
    return true;
  }

  /** Looks for every value inside `bytes` (a value must lie wholly inside one call's bytes). */
  scan(bytes: Uint8Array): void {
    this.match(bytes, (index) => this.hits.add(index), true);
  }

  /** Every place in `bytes` where a value lies (each occurrence, found before or not). */
  occurrences(bytes: Uint8Array): Array<{ value: string; at: number }> {
    const out: Array<{ value: string; at: number }> = [];
    this.match(bytes, (index, at) => out.push({ value: this.texts[index], at }), false);
    return out;
  }

  /** Calls `hit` for each value at each position; `once`: values already found are not compared again. */
  private match(bytes: Uint8Array, hit: (index: number, at: number) => void, once: boolean): void {
    const end = bytes.length - MIN_BYTES;
    const bits = this.first3;
    const bits6 = this.first6;
    const check = (index: number, i: number, offset: number) => {
      if (!(once && this.hits.has(index)) && this.rest(bytes, i + offset, index, offset)) hit(index, i);
    };
    for (let i = 0; i <= end; i++) {
      const high = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
      if ((bits[high >>> 3] & (1 << (high & 7))) === 0) continue;
      const low = (bytes[i + 3] << 16) | (bytes[i + 4] << 8) | bytes[i + 5];
      const six = hash6(high, low);
      if ((bits6[six >>> 3] & (1 << (six & 7))) === 0) continue;
      let node = this.root;
      for (let offset = 0; i + offset + CHUNK <= bytes.length;) {
        const child = node.children.get(chunkAt(bytes, i + offset));
        if (child === undefined) break;
        offset += CHUNK;
        if (typeof child === 'number') {
          check(child, i, offset);
          break;
        }
        node = child;
        for (const tail of node.tails) check(tail, i, offset);
      }
    }
  }

  /** The values found so far. */
  found(): string[] {
    return [...this.hits].map((i) => this.texts[i]);
  }
}
