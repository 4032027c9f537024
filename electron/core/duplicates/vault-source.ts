// The records a detection run compares, read from the vault as it needs them: the blocks come from SQL,
// one kind at a time, sorted by their key (computed by the same functions as keys.ts, called from SQL),
// so only the block being read is in memory; the records themselves are loaded a batch of pairs at a
// time, and only those that are in a pair. Records are numbered by their id.
import type { FieldStatus } from '../../../shared/customer';
import { decodePhones, validNumbers } from '../../../shared/customer/phones';
import { KEYED_FIELDS, VALUE_COLUMN } from '../../../shared/customer/columns';
import type { VaultDb } from '../vault/database';
import type { Block } from './candidates';
import { detect, type Detection, type DetectionSource, type DetectOptions } from './detect';
import {
  addressTailKey,
  BLOCK_KINDS,
  creditCodeKey,
  emailKey,
  fieldKey,
  idNumberKey,
  nameKeyOf,
  phoneKey,
  phoneKeys,
  type BlockKind,
  type DedupeRecord,
} from './keys';

/** Active records outside decided clusters: what a detection run compares. */
const CANDIDATES = `FROM customers c LEFT JOIN clusters k ON k.id = c.cluster_id
  WHERE c.merged_into IS NULL AND (k.id IS NULL OR k.status IN ('pending', 'merged'))`;

const RECORD_COLUMNS = `c.id, c.name, c.organisation, c.phone, c.email, c.id_number, c.id_number_status,
  c.credit_code, c.credit_code_status, c.address, c.name_key, c.phones, c.phone_status${KEYED_FIELDS.map(
    (f) => `, c.${VALUE_COLUMN[f]}`,
  ).join('')}`;

type RecordRow = [
  number,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  FieldStatus,
  string | null,
  FieldStatus,
  string | null,
  string | null,
  string | null,
  FieldStatus,
  ...Array<string | null>,
];

function toRecord(r: RecordRow): DedupeRecord {
  const record: DedupeRecord = {
    id: r[0],
    name: r[1],
    organisation: r[2],
    phone: r[3],
    email: r[4],
    idNumber: r[5],
    idNumberStatus: r[6],
    creditCode: r[7],
    creditCodeStatus: r[8],
    address: r[9],
    nameKey: r[10],
  };
  // Further numbers of the phone cell (the first is the phone itself).
  if (r[11] !== null) record.phones = validNumbers(decodePhones(r[3], r[12], r[11]).slice(1));
  for (let k = 0; k < KEYED_FIELDS.length; k++) record[KEYED_FIELDS[k]] = r[13 + k] as string | null;
  return record;
}

/** Every record a detection run compares, held at once: for a few thousand records (tests, checks). */
export function loadCandidates(db: VaultDb): DedupeRecord[] {
  return (db.prepare(`SELECT ${RECORD_COLUMNS} ${CANDIDATES} ORDER BY c.id`).raw().all() as RecordRow[]).map(
    toRecord,
  );
}

/** Detection over the vault's candidates, streamed (see the top of this file). Reads only. */
export function detectInVault(db: VaultDb, options: DetectOptions = {}): Promise<Detection> {
  return detect(vaultSource(db), options);
}

/** Each kind's key, from the columns it is computed from: the functions blockingKeys uses. */
interface KindKey {
  columns: string[];
  key: (...values: Array<string | null>) => string | null;
}
const KEYS = {
  idNumber: { columns: ['c.id_number'], key: idNumberKey },
  creditCode: { columns: ['c.credit_code'], key: creditCodeKey },
  phone: { columns: ['c.phone'], key: phoneKey },
  email: { columns: ['c.email'], key: emailKey },
  name: {
    columns: ['c.name_key', 'c.name', 'c.organisation'],
    key: (nameKey, name, organisation) => nameKeyOf({ nameKey, name, organisation }),
  },
  ...(Object.fromEntries(
    KEYED_FIELDS.map((field) => [
      field,
      { columns: [`c.${VALUE_COLUMN[field]}`], key: (value: string | null) => fieldKey(field, value) },
    ]),
  ) as Record<string, never>),
} as Record<BlockKind, KindKey>;

const keySql = (kind: BlockKind) => `closeout_dedupe_key('${kind}', ${KEYS[kind].columns.join(', ')})`;

/** One entry of a kind's sorted stream: key, record, own key (not a further number of the phone cell). */
type Entry = [string | null, number, boolean];

function vaultSource(db: VaultDb): DetectionSource {
  db.function('closeout_dedupe_key', { deterministic: true, varargs: true }, (kind, ...values) =>
    KEYS[kind as BlockKind].key(...(values as Array<string | null>)),
  );
  const { records, limit } = db
    .prepare(`SELECT count(*) AS records, coalesce(max(c.id), 0) + 1 AS "limit" ${CANDIDATES}`)
    .get() as { records: number; limit: number };
  const byIds = (select: string) =>
    db.prepare(`${select} WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY c.id`).raw();
  const loadRows = byIds(`SELECT ${RECORD_COLUMNS} FROM customers c`);
  const nameKeysOf = byIds(`SELECT ${keySql('name')} FROM customers c`).pluck();
  // Read only for the members of an oversized name block: carried through the name kind's sort, every
  // record's address would be held in that sort's memory (all of it, with the vault's temp_store = MEMORY).
  const addressesOf = byIds(`SELECT c.address FROM customers c`).pluck();

  function* entries(kind: BlockKind): Generator<Entry> {
    const columns = KEYS[kind].columns.map((c) => `${c} IS NOT NULL`).join(' OR ');
    const rows = db
      .prepare(`SELECT ${keySql(kind)} AS key, c.id ${CANDIDATES} AND (${columns}) ORDER BY key, c.id`)
      .raw()
      .iterate() as IterableIterator<[string | null, number]>;
    if (kind !== 'phone') {
      for (const [key, id] of rows) yield [key, id, true];
      return;
    }
    // A record is in the block of every number of its phone cell, not only the first: the further
    // numbers (few records have any) are sorted here and merged into the stream of the first ones.
    const further: Entry[] = [];
    for (const r of db
      .prepare(`SELECT ${RECORD_COLUMNS} ${CANDIDATES} AND c.phones IS NOT NULL`)
      .raw()
      .iterate() as IterableIterator<RecordRow>) {
      const record = toRecord(r);
      if (!record.phones?.length) continue;
      const own = phoneKey(record.phone);
      for (const key of phoneKeys(record)) if (key !== own) further.push([key, record.id, false]);
    }
    // Phone keys are ASCII (digits and +), where this order is SQLite's.
    further.sort((x, y) => ((x[0] as string) < (y[0] as string) ? -1 : x[0] === y[0] ? x[1] - y[1] : 1));
    let f = 0;
    for (const entry of rows) {
      const key = entry[0];
      if (key !== null) while (f < further.length && (further[f][0] as string) <= key) yield further[f++];
      yield [key, entry[1], true];
    }
    while (f < further.length) yield further[f++];
  }

  function* blocks(): Generator<Block> {
    for (const kind of BLOCK_KINDS) {
      let key: string | null = null;
      let group: Entry[] = [];
      const close = (): Block | null => {
        if (group.length < 2) return null;
        group.sort((x, y) => x[1] - y[1]);
        return {
          kind,
          members: group.map((e) => e[1]),
          own: kind === 'phone' ? group.map((e) => e[2]) : null,
        };
      };
      for (const entry of entries(kind)) {
        if (entry[0] === null) continue;
        if (entry[0] !== key) {
          const block = close();
          if (block) yield block;
          key = entry[0];
          group = [];
        }
        group.push(entry);
      }
      const block = close();
      if (block) yield block;
    }
  }

  return {
    records,
    limit,
    id: (n) => n,
    blocks,
    splitKeys: ({ kind, members }) =>
      (kind === 'name' ? addressesOf : nameKeysOf)
        .all(JSON.stringify(members))
        .map((value) =>
          kind === 'name' ? addressTailKey(value as string | null) : (value as string | null),
        ),
    load: (numbers) => (loadRows.all(JSON.stringify(numbers)) as RecordRow[]).map(toRecord),
  };
}
