// Finds any of many byte strings (the purged values, UTF-8) in large amounts of bytes (every decrypted
// page of a vault) in one pass: a bitmap of the values' first three bytes lets almost every position
// go by with one array read; a map of their first six bytes then names the candidates to compare.
// Values shorter than MIN_BYTES (e.g. one Chinese character, a two-digit number) are too common in
// unrelated bytes to say anything and are not looked for.
export const MIN_BYTES = 6;

export class ValueScanner {
  private readonly patterns: Buffer[] = [];
  private readonly texts: string[] = [];
  private readonly first3 = new Uint8Array(1 << 21); // 2^24 bits
  private readonly byPrefix = new Map<number, number[]>();
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
      const three = (bytes[0] << 16) | (bytes[1] << 8) | bytes[2];
      this.first3[three >>> 3] |= 1 << (three & 7);
      const key = bytes.readUIntBE(0, 6);
      const list = this.byPrefix.get(key);
      if (list) list.push(index);
      else this.byPrefix.set(key, [index]);
    }
  }

  /** How many distinct values are looked for. */
  get size(): number {
    return this.patterns.length;
  }

  /** Looks for every value inside `bytes` (a value must lie wholly inside one call's bytes). */
  scan(bytes: Uint8Array): void {
    const end = bytes.length - MIN_BYTES;
    const bits = this.first3;
    for (let i = 0; i <= end; i++) {
      const three = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
      if ((bits[three >>> 3] & (1 << (three & 7))) === 0) continue;
      const key = three * 16_777_216 + ((bytes[i + 3] << 16) | (bytes[i + 4] << 8) | bytes[i + 5]);
      const candidates = this.byPrefix.get(key);
      if (!candidates) continue;
      for (const index of candidates) {
        if (this.hits.has(index)) continue;
        const pattern = this.patterns[index];
        if (i + pattern.length > bytes.length) continue;
        let same = true;
        for (let k = MIN_BYTES; k < pattern.length; k++)
          if (bytes[i + k] !== pattern[k]) {
            same = false;
            break;
          }
        if (same) this.hits.add(index);
      }
    }
  }

  /** The values found so far. */
  found(): string[] {
    return [...this.hits].map((i) => this.texts[i]);
  }
}
