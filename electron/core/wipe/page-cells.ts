// Where the live records lie on a decrypted b-tree page (SQLite's file format, "B-tree Pages" and
// "Record Format"): each cell's bytes, and inside them each field's content. The records wipe's
// verification uses it to tell a purged value stored on a page from bytes that only look like one because
// two fields of a kept record sit side by side ("wang zile" then "individual" reads "wang zilei…").
// Only what lies on the page itself: a payload's overflow is not followed (its local part is what counts).

/** Half-open byte ranges [start, end) on the page. */
export interface PageLayout {
  /** Each cell, from its first byte to the end of its local payload (and overflow pointer). */
  cells: Array<[number, number]>;
  /** Each field's content within a cell's local payload (text, blob or number bytes). */
  fields: Array<[number, number]>;
}

const LEAF_TABLE = 13;
const LEAF_INDEX = 10;
const INTERIOR_TABLE = 5;
const INTERIOR_INDEX = 2;

/** A SQLite varint at `at`: its value (exact below 2^53, which every length is) and its size. */
function varint(page: Uint8Array, at: number): [number, number] {
  let value = 0;
  for (let i = 0; i < 8; i++) {
    const byte = page[at + i];
    if (byte === undefined) throw new RangeError('varint past the page');
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) return [value, i + 1];
  }
  const last = page[at + 8];
  if (last === undefined) throw new RangeError('varint past the page');
  return [value * 256 + last, 9];
}

/** The content size of a record field of this serial type. */
function fieldSize(type: number): number {
  if (type >= 12) return Math.floor((type - 12) / 2);
  return [0, 1, 2, 3, 4, 6, 8, 8, 0, 0][type] ?? Number.NaN;
}

/** How much of a payload of `size` bytes is stored on the page (the rest is in overflow pages). */
function localSize(size: number, usable: number, table: boolean): number {
  const max = table ? usable - 35 : Math.floor(((usable - 12) * 64) / 255) - 23;
  if (size <= max) return size;
  const min = Math.floor(((usable - 12) * 32) / 255) - 23;
  const k = min + ((size - min) % (usable - 4));
  return k <= max ? k : min;
}

/** The fields of the record whose local part is page[start, start + local). */
function recordFields(page: Uint8Array, start: number, local: number, out: Array<[number, number]>): void {
  const end = start + local;
  const [headerSize, n] = varint(page, start);
  // The header itself runs into overflow (hundreds of columns): where the fields lie is not known here.
  if (headerSize > local) throw new RangeError('record header past the local payload');
  let type = start + n;
  let content = start + headerSize;
  while (type < start + headerSize && content < end) {
    const [serial, m] = varint(page, type);
    type += m;
    const size = fieldSize(serial);
    if (!Number.isFinite(size)) throw new RangeError('bad serial type');
    if (size > 0) out.push([content, Math.min(content + size, end)]);
    content += size;
  }
}

/**
 * The cells and fields of `page` (its plaintext, `usable` bytes, as SQLite reads it; page 1 with its
 * file header), or null when it is no b-tree page or does not parse as one (a freelist or overflow page,
 * or damage): the caller then trusts none of its bytes.
 */
export function pageLayout(page: Uint8Array, pageNumber: number, usable: number): PageLayout | null {
  const header = pageNumber === 1 ? 100 : 0;
  const kind = page[header];
  if (![LEAF_TABLE, LEAF_INDEX, INTERIOR_TABLE, INTERIOR_INDEX].includes(kind)) return null;
  const leaf = kind === LEAF_TABLE || kind === LEAF_INDEX;
  const table = kind === LEAF_TABLE || kind === INTERIOR_TABLE;
  const count = (page[header + 3] << 8) | page[header + 4];
  const pointers = header + (leaf ? 8 : 12);
  const layout: PageLayout = { cells: [], fields: [] };
  try {
    for (let i = 0; i < count; i++) {
      const cell = (page[pointers + 2 * i] << 8) | page[pointers + 2 * i + 1];
      if (cell < pointers + 2 * count || cell >= usable) return null;
      let at = leaf ? cell : cell + 4;
      if (kind === INTERIOR_TABLE) {
        const [, n] = varint(page, at);
        layout.cells.push([cell, at + n]);
        continue;
      }
      const [size, n] = varint(page, at);
      at += n;
      if (kind === LEAF_TABLE) at += varint(page, at)[1]; // the rowid
      const local = localSize(size, usable, table);
      const end = at + local + (local < size ? 4 : 0);
      if (end > usable) return null;
      layout.cells.push([cell, end]);
      recordFields(page, at, local, layout.fields);
    }
  } catch {
    return null;
  }
  return layout;
}

/**
 * True when page[at, at + length) lies wholly inside live cells and yet inside no single field: bytes of
 * neighbouring fields (or a field and a cell's header) that happen to read as the value. A value stored
 * anywhere — in a field, in free space, on a page that is no b-tree page — is never a coincidence.
 */
export function straddlesFields(layout: PageLayout, at: number, length: number): boolean {
  const end = at + length;
  if (layout.fields.some(([s, e]) => s <= at && end <= e)) return false;
  // Covered by cells: walk the cells in page order, each continuing where the covered part ends.
  const cells = [...layout.cells].sort((a, b) => a[0] - b[0]);
  let covered = at;
  for (const [s, e] of cells) {
    if (s > covered) break;
    if (e > covered) covered = e;
    if (covered >= end) return true;
  }
  return false;
}
